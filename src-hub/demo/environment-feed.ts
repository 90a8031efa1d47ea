import type { EnvironmentReading } from '../../src-shared/domain';
import { STATION_NAME_EN } from './demo-english';
import { iso, type Feed, type FeedContext } from './feed';

/**
 * Monitoring stations of the Sở TN&MT: air quality where industry and traffic are, water level on
 * the Dinh and Ray rivers and at the coast. `aqi`/`pm25` hold base values; `tideCm` is the
 * amplitude of a tidal swing around `waterCm`.
 */
interface Station {
  id: string;
  name: string;
  district: string;
  /** Where the station stands, for the map. */
  lat: number;
  lng: number;
  aqi?: number;
  pm25?: number;
  waterCm?: number;
  tideCm?: number;
}

export const DEMO_STATIONS: readonly Station[] = [
  { id: 'qt-vung-tau-thang-tam', lat: 10.3505, lng: 107.0902, name: 'Trạm quan trắc không khí Thắng Tam', district: 'TP. Vũng Tàu', aqi: 45, pm25: 14 },
  { id: 'qt-phu-my-kcn', lat: 10.5879, lng: 107.0475, name: 'Trạm quan trắc KCN Phú Mỹ I', district: 'TX. Phú Mỹ', aqi: 78, pm25: 27 },
  { id: 'qt-ba-ria-trung-tam', lat: 10.4985, lng: 107.1702, name: 'Trạm quan trắc không khí TP. Bà Rịa', district: 'TP. Bà Rịa', aqi: 55, pm25: 18 },
  { id: 'qt-con-dao', lat: 8.6847, lng: 106.6089, name: 'Trạm quan trắc Côn Đảo', district: 'H. Côn Đảo', aqi: 22, pm25: 7 },
  { id: 'tv-song-dinh', lat: 10.4868, lng: 107.1585, name: 'Trạm thủy văn sông Dinh', district: 'TP. Bà Rịa', waterCm: 120, tideCm: 90 },
  { id: 'tv-song-ray', lat: 10.5205, lng: 107.4755, name: 'Trạm thủy văn sông Ray', district: 'H. Xuyên Mộc', waterCm: 210, tideCm: 30 },
  { id: 'tv-vung-tau', lat: 10.3402, lng: 107.0745, name: 'Trạm hải văn Vũng Tàu', district: 'TP. Vũng Tàu', waterCm: 260, tideCm: 140 },
];

const EVERY_MS = 10_000;
/** The semidiurnal tide's period, 12 h 25 min. */
const TIDE_MS = 44_700_000;

/** Readings every ten seconds per station; a restarted demo seeds nothing the hub already has. */
export function createEnvironmentFeed(ctx: FeedContext, seedPoints: number): Feed {
  const { random, emit } = ctx;
  const drift = new Map<string, number>();

  const reading = (station: Station, time: number): EnvironmentReading => {
    // A slow shared drift per station, so AQI and PM2.5 move together the way they do.
    const d = Math.max(-0.5, Math.min(0.8, (drift.get(station.id) ?? 0) * 0.9 + (random() - 0.5) * 0.2));
    drift.set(station.id, d);
    const r: EnvironmentReading = { stationId: station.id, stationName: station.name, district: station.district, point: { lat: station.lat, lng: station.lng }, time: iso(time) };
    if (STATION_NAME_EN[station.id]) r.stationNameEn = STATION_NAME_EN[station.id];
    if (station.aqi !== undefined) r.aqi = Math.max(0, Math.round(station.aqi * (1 + d)));
    if (station.pm25 !== undefined) r.pm25 = Math.max(0, Math.round(station.pm25 * (1 + d) * 10) / 10);
    if (station.waterCm !== undefined) {
      const tide = (station.tideCm ?? 0) * Math.sin((2 * Math.PI * time) / TIDE_MS);
      r.waterLevelCm = Math.round(station.waterCm + tide + (random() - 0.5) * 6);
    }
    return r;
  };

  for (const station of DEMO_STATIONS) {
    if (ctx.seedHistory && !ctx.state.latest('environment', station.id)) {
      for (let i = seedPoints; i >= 1; i -= 1) emit('so-tnmt', 'environment', reading(station, ctx.startedAt - i * 60_000));
    }
  }
  let nextAt = ctx.startedAt;

  return {
    tick(now) {
      if (now < nextAt) return;
      DEMO_STATIONS.forEach((station) => emit('so-tnmt', 'environment', reading(station, now)));
      nextAt = now + EVERY_MS;
    },
  };
}

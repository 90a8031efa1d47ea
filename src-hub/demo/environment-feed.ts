import type { Alert, EnvironmentReading } from '../../src-shared/domain';
import { unitInText } from '../../src-shared/demo/demo-units';
import { unitNameIn } from '../../src-shared/unit-name-en';
import { ALERT_TEMPLATES } from './alert-templates';
import { kpiDepartment } from './demo-departments';
import { ALERT_TEXT_EN, STATION_NAME_EN } from './demo-english';
import { derivedPoint } from './derived-kpi';
import { iso, type Feed, type FeedContext } from './feed';
import { DERIVED_KPIS } from './kpi-catalog';

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
  { id: 'qt-vung-tau-thang-tam', lat: 10.3505, lng: 107.0902, name: 'Trạm quan trắc không khí Thắng Tam', district: 'Phường Vũng Tàu', aqi: 45, pm25: 14 },
  { id: 'qt-phu-my-kcn', lat: 10.5879, lng: 107.0475, name: 'Trạm quan trắc KCN Phú Mỹ I', district: 'Phường Phú Mỹ', aqi: 78, pm25: 27 },
  { id: 'qt-ba-ria-trung-tam', lat: 10.4985, lng: 107.1702, name: 'Trạm quan trắc không khí Bà Rịa', district: 'Phường Bà Rịa', aqi: 55, pm25: 18 },
  { id: 'qt-con-dao', lat: 8.6847, lng: 106.6089, name: 'Trạm quan trắc Côn Đảo', district: 'Đặc khu Côn Đảo', aqi: 22, pm25: 7 },
  { id: 'tv-song-dinh', lat: 10.4868, lng: 107.1585, name: 'Trạm thủy văn sông Dinh', district: 'Phường Bà Rịa', waterCm: 120, tideCm: 90 },
  { id: 'tv-song-ray', lat: 10.5205, lng: 107.4755, name: 'Trạm thủy văn sông Ray', district: 'Xã Xuyên Mộc', waterCm: 210, tideCm: 30 },
  { id: 'tv-vung-tau', lat: 10.3402, lng: 107.0745, name: 'Trạm hải văn Vũng Tàu', district: 'Phường Vũng Tàu', waterCm: 260, tideCm: 140 },
];

/**
 * KPIs that are a station's own reading (kpi-catalog.ts DERIVED_KPIS): sent with each reading, so
 * the AQI tile and the station's line on the console and the map show the same number.
 */
const STATION_KPIS = [
  { stationId: 'qt-vung-tau-thang-tam', definition: DERIVED_KPIS.aqiVungTau, value: (r: EnvironmentReading) => r.aqi },
  { stationId: 'qt-phu-my-kcn', definition: DERIVED_KPIS.pm25PhuMy, value: (r: EnvironmentReading) => r.pm25 },
] as const;

/** An AQI above this raises the station's alert; it is resolved once the AQI is back at or below CLEAR. */
export const AQI_ALERT_ABOVE = 100;
const AQI_ALERT_CLEAR = 90;

const EVERY_MS = 10_000;
/** The semidiurnal tide's period, 12 h 25 min. */
const TIDE_MS = 44_700_000;

/**
 * Readings every ten seconds per station; a restarted demo seeds nothing the hub already has.
 * The AQI alert ("Chỉ số AQI vượt ngưỡng 100 …") comes from here, when a station's reading crosses
 * the threshold, and is resolved when it falls back: an alert never contradicts the reading beside it.
 */
export function createEnvironmentFeed(ctx: FeedContext, seedPoints: number): Feed {
  const { random, emit } = ctx;
  const drift = new Map<string, number>();
  const aqiTemplate = ALERT_TEMPLATES.find((template) => template.category === 'aqi-vuot-nguong');
  /** Per station, its open AQI alert. */
  const aqiAlerts = new Map<string, Alert>();
  for (const key of ctx.state.keys('alert')) {
    const held = ctx.state.latest('alert', key)?.payload;
    const station = held && held.status !== 'resolved' ? DEMO_STATIONS.find((s) => held.id.startsWith(`aqi-${s.id}-`)) : undefined;
    if (held && station) aqiAlerts.set(station.id, held);
  }

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

  const watchAqi = (station: Station, r: EnvironmentReading, time: number, live: boolean): void => {
    if (!aqiTemplate || r.aqi === undefined || !live) return;
    const open = aqiAlerts.get(station.id);
    if (!open && r.aqi > AQI_ALERT_ABOVE) {
      const alert: Alert = {
        id: `aqi-${station.id}-${time.toString(36)}`,
        time: iso(time),
        severity: aqiTemplate.severity,
        subsystem: aqiTemplate.subsystem,
        category: aqiTemplate.category,
        text: aqiTemplate.text.replace('{d}', unitInText(station.district)),
        ...(ALERT_TEXT_EN[aqiTemplate.category] ? { textEn: ALERT_TEXT_EN[aqiTemplate.category]!.replace('{d}', unitNameIn(station.district, 'en')) } : {}),
        location: { district: station.district, address: station.name, point: { lat: station.lat, lng: station.lng } },
        status: 'open',
      };
      aqiAlerts.set(station.id, alert);
      emit('ioc-van-hanh', 'alert', alert);
    } else if (open && r.aqi <= AQI_ALERT_CLEAR) {
      aqiAlerts.delete(station.id);
      emit('ioc-van-hanh', 'alert', { ...open, status: 'resolved' });
    }
  };

  /** One station's reading, its KPI if it has one, and its alert (live readings only, not seeded history). */
  const send = (station: Station, time: number, live: boolean): void => {
    const r = reading(station, time);
    emit('so-tnmt', 'environment', r);
    for (const kpi of STATION_KPIS) {
      const value = kpi.stationId === station.id ? kpi.value(r) : undefined;
      if (value !== undefined) emit(kpiDepartment(kpi.definition.subsystem), 'kpi', derivedPoint(kpi.definition, value, time));
    }
    watchAqi(station, r, time, live);
  };

  for (const station of DEMO_STATIONS) {
    if (ctx.seedHistory && !ctx.state.latest('environment', station.id)) {
      for (let i = seedPoints; i >= 1; i -= 1) send(station, ctx.startedAt - i * 60_000, false);
    }
  }
  let nextAt = ctx.startedAt;

  return {
    tick(now) {
      if (now < nextAt) return;
      DEMO_STATIONS.forEach((station) => send(station, now, true));
      nextAt = now + EVERY_MS;
    },
  };
}

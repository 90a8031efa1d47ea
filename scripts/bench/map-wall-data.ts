// What the map-wall bench's hub holds and what it is sent: 2,000 citizen reports, 200 alerts, 50
// cameras (the eight demo clips, streaming, and 42 only in the registry) and 12 stations, all with
// map points, then a storm of single-record updates mixed over the map's layers. Seeded, so every
// run sends the same records.
import type { Alert, Camera, CitizenReport, EnvironmentReading } from '../../src-shared/domain';
import type { HubTopic } from '../../src-shared/hub-protocol';
import { demoPointIn } from '../../src-shared/demo/demo-units';
import { seededRandom, type Random } from '../../src-hub/demo/random';
import type { DemoClipServer } from './demo-clip-server';

export const SEED_COUNTS = { reports: 2000, alerts: 200, cameras: 50, stations: 12 } as const;
const DISTRICTS = ['Phường Bà Rịa', 'Phường Phú Mỹ', 'Xã Long Hải', 'Xã Đất Đỏ', 'Xã Xuyên Mộc', 'Xã Châu Đức', 'Đặc khu Côn Đảo'];

const iso = (ms: number): string => new Date(ms).toISOString();

type Point = { lat: number; lng: number };

/**
 * A point on the mainland away from the sea (lat 10.45–10.7, lng 107.1–107.45), or, with `conDao`,
 * one in two hundred near Côn Đảo, so the inset map is fed too. The storm's points are all on the
 * mainland: the bench follows each on the main map.
 */
function landPoint(random: Random, conDao = true): Point {
  if (conDao && random() < 0.005) return demoPointIn('Đặc khu Côn Đảo', random)!;
  const round = (n: number): number => Math.round(n * 100_000) / 100_000;
  return { lat: round(10.45 + random() * 0.25), lng: round(107.1 + random() * 0.35) };
}

function report(id: string, random: Random, receivedAt: number, status: CitizenReport['status'], point = landPoint(random)): CitizenReport {
  const district = DISTRICTS[Math.floor(random() * DISTRICTS.length)]!;
  return {
    id,
    category: 'ngap-nuoc',
    title: `Phản ánh ${id}: đường ngập sau mưa (${district})`,
    location: { district, point },
    channel: 'app',
    status,
    receivedAt: iso(receivedAt),
    ...(status === 'resolved' ? { resolvedAt: iso(receivedAt + 60_000) } : {}),
  };
}

function alert(id: string, random: Random, time: number, severity: Alert['severity'], status: Alert['status'], point: Point = landPoint(random)): Alert {
  return { id, time: iso(time), severity, subsystem: 'environment', category: 'bench', text: `Sự cố ${id} cần xử lý`, location: { district: DISTRICTS[0]!, point }, status };
}

function reading(i: number, random: Random, time: number): EnvironmentReading {
  const at = seededRandom(1000 + i);
  return { stationId: `tram-${i}`, stationName: `Trạm quan trắc ${i + 1}`, district: DISTRICTS[i % DISTRICTS.length]!, point: landPoint(at), time: iso(time), aqi: Math.round(20 + random() * 160) };
}

export interface SeedData {
  reports: CitizenReport[];
  alerts: Alert[];
  cameras: Camera[];
  readings: EnvironmentReading[];
}

/** The hub's state before any wall opens. The demo clips are the first eight cameras; the rest have streams nobody plays. */
export function seedData(clips: DemoClipServer, now: number): SeedData {
  const random = seededRandom(20250701);
  const statuses: CitizenReport['status'][] = ['received', 'received', 'processing', 'processing', 'resolved'];
  const reports = Array.from({ length: SEED_COUNTS.reports }, (_, i) => report(`pakn-${i}`, random, now - (SEED_COUNTS.reports - i) * 30_000, statuses[i % statuses.length]!));
  // One in ten critical, some of them still open: follow mode must treat what was there before the wall as old news.
  const severities: Alert['severity'][] = ['critical', 'warning', 'info', 'warning', 'info', 'warning', 'info', 'warning', 'info', 'info'];
  const alerts = Array.from({ length: SEED_COUNTS.alerts }, (_, i) => alert(`canh-bao-${i}`, random, now - (SEED_COUNTS.alerts - i) * 60_000, severities[i % severities.length]!, i % 3 === 0 ? 'acknowledged' : 'open'));
  const streaming = clips.cameras.map((clip): Camera => {
    const { subUrl, mainUrl, stillUrl } = clips.urls(clip.id);
    return { id: clip.id, name: clip.name, district: clip.district, location: clip.location, subUrl, mainUrl, ...(clip.still ? { stillUrl } : {}), status: 'online' };
  });
  const anyStream = clips.urls(clips.cameras[0]!.id).subUrl;
  const registryOnly = Array.from({ length: SEED_COUNTS.cameras - streaming.length }, (_, i): Camera => ({ id: `cam-dk-${i}`, name: `Camera đăng ký ${i + 1}`, location: landPoint(random), subUrl: anyStream, status: i % 7 === 0 ? 'offline' : 'online' }));
  const readings = Array.from({ length: SEED_COUNTS.stations }, (_, i) => reading(i, random, now));
  return { reports, alerts, cameras: [...streaming, ...registryOnly], readings };
}

/** One update of the storm; `probeId` (and its `point`) is set when it adds a record to a map source (a latency sample). */
export interface StormUpdate {
  topic: HubTopic;
  record: CitizenReport | Alert | Camera | EnvironmentReading;
  probeId: string | null;
  point: Point | null;
  source: 'reports' | 'alerts' | 'cameras' | 'stations';
}

/** Per 50 updates (a second of the storm): what kinds, how many of each. */
const MIX = { newReport: 24, changedReport: 8, newAlert: 6, changedAlert: 4, camera: 4, station: 4 } as const;
type Kind = keyof typeof MIX;

/** The 50 kinds of one second in order, each kind spread evenly over it rather than in runs. */
const SLOTS: Kind[] = (Object.entries(MIX) as Array<[Kind, number]>)
  .flatMap(([kind, count]) => Array.from({ length: count }, (_, k) => ({ kind, at: (k + 0.5) / count })))
  .sort((a, b) => a.at - b.at)
  .map((s) => s.kind);
export const UPDATES_PER_ROUND = SLOTS.length;

/**
 * The storm's updates, one at a time, with ids unique across sessions (the hub outlives the rigs).
 * New alerts are warnings and infos, never critical: a critical one would set off a follow-mode
 * flight, which the bench starts on purpose (`criticalAlert`). Changes touch recent storm records,
 * which the hub still keeps (it keeps the newest 500 reports and 200 alerts).
 */
export class StormSource {
  private readonly random = seededRandom(7);
  private n = 0;
  private reports = 0;
  private alerts = 0;
  private flights = 0;

  constructor(
    private readonly seed: SeedData,
    private readonly stamp: string,
  ) {}

  next(now: number): StormUpdate {
    const kind = SLOTS[this.n % SLOTS.length]!;
    this.n += 1;
    const random = this.random;
    switch (kind) {
      case 'newReport': {
        const id = `pakn-bao-${this.stamp}-${this.reports++}`;
        const point = landPoint(random, false);
        return { topic: 'citizen-report', record: report(id, random, now, 'received', point), probeId: id, point, source: 'reports' };
      }
      case 'changedReport': {
        const back = this.reports - 1 - Math.floor(random() * Math.min(this.reports, 100));
        const id = back >= 0 ? `pakn-bao-${this.stamp}-${back}` : this.seed.reports.at(-1 - Math.floor(random() * 100))!.id;
        return { topic: 'citizen-report', record: report(id, random, now - 600_000, 'processing', landPoint(random, false)), probeId: null, point: null, source: 'reports' };
      }
      case 'newAlert': {
        const id = `canh-bao-${this.stamp}-${this.alerts++}`;
        const point = landPoint(random, false);
        return { topic: 'alert', record: alert(id, random, now, random() < 0.5 ? 'warning' : 'info', 'open', point), probeId: id, point, source: 'alerts' };
      }
      case 'changedAlert': {
        // A storm alert from a few seconds ago, acknowledged; before there is one, a new info.
        if (this.alerts === 0) return this.next(now);
        const back = this.alerts - 1 - Math.floor(random() * Math.min(this.alerts, 30));
        return { topic: 'alert', record: alert(`canh-bao-${this.stamp}-${back}`, random, now - 5000, 'warning', 'acknowledged', landPoint(random, false)), probeId: null, point: null, source: 'alerts' };
      }
      case 'camera': {
        const registryOnly = this.seed.cameras.filter((c) => c.id.startsWith('cam-dk-'));
        const camera = registryOnly[Math.floor(random() * registryOnly.length)]!;
        return { topic: 'camera', record: { ...camera, status: random() < 0.5 ? 'offline' : 'online' }, probeId: null, point: null, source: 'cameras' };
      }
      case 'station':
        return { topic: 'environment', record: reading(Math.floor(random() * SEED_COUNTS.stations), random, now), probeId: null, point: null, source: 'stations' };
    }
  }

  /** A new critical, open alert with a point on the mainland: follow mode flies the map to it. */
  criticalAlert(now: number): Alert {
    return alert(`su-co-${this.stamp}-${this.flights++}`, this.random, now, 'critical', 'open', landPoint(this.random, false));
  }
}

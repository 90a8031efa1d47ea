import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubSnapshot, HubTopic, PayloadOf } from '../../src-shared/hub-protocol';
import { createMemoryLogger } from '../../src-shared/node/log';
import type { Department } from '../../src-hub/ingest/department';
import { startHub, type RunningHub, type StartHubOptions } from '../../src-hub/start-hub';
import { fetchHubState } from './hub-state';

/** Fixtures for hub tests: departments, one valid record per topic, a hub in a temp folder. */

export const WALL_TOKEN = 'test-wall-token';

export const TEST_DEPARTMENTS = {
  environment: { id: 'so-tnmt', name: 'Sở Tài nguyên và Môi trường', apiKey: 'key-so-tnmt-0123456789abcdef', topics: ['kpi', 'environment'], subsystems: ['environment'] },
  feedback: { id: 'tt-pakn', name: 'Trung tâm tiếp nhận phản ánh kiến nghị', apiKey: 'key-tt-pakn-0123456789abcdef', topics: ['citizen-report'] },
  ioc: {
    id: 'ioc-van-hanh',
    name: 'Tổ vận hành IOC',
    apiKey: 'key-ioc-van-hanh-0123456789ab',
    topics: ['kpi', 'kpi-definition', 'alert', 'citizen-report', 'camera', 'environment', 'security-event', 'social-mention', 'dossier-counts'],
  },
} satisfies Record<string, Department>;

const minutesAgo = (m: number): string => new Date(Date.now() - m * 60_000).toISOString();

/** A valid record of each topic; `n` makes its key (and so the record) distinct. */
export function validRecord<T extends HubTopic>(topic: T, n = 0): PayloadOf<T> {
  const records: { [K in HubTopic]: PayloadOf<K> } = {
    kpi: { kpiId: 'env-aqi-vung-tau', subsystem: 'environment', value: 40 + n, unit: 'AQI', target: 50, time: minutesAgo(1), district: `TP. Vũng Tàu ${n}` },
    'kpi-definition': { id: `kpi-${n}`, subsystem: 'health', vi: 'Lượt khám', en: 'Visits', unit: 'lượt', decimals: 0, higherIsBetter: true },
    alert: {
      id: `canh-bao-${n}`,
      time: minutesAgo(2),
      severity: 'warning',
      subsystem: 'environment',
      category: 'ngap-nuoc',
      text: 'Ngập nước cục bộ',
      location: { district: 'TP. Bà Rịa', point: { lat: 10.5, lng: 107.2 } },
      status: 'open',
    },
    'citizen-report': {
      id: `pakn-${n}`,
      category: 'rac-thai',
      title: 'Rác thải tồn đọng',
      location: { district: 'H. Long Điền', address: '12 Lê Lợi' },
      channel: 'hotline',
      status: 'resolved',
      receivedAt: minutesAgo(30),
      resolvedAt: minutesAgo(5),
    },
    camera: { id: `cam-${n}`, name: 'Ngã tư Giếng Nước', district: 'TP. Vũng Tàu', subUrl: 'http://127.0.0.1/hls/sub.m3u8', status: 'online' },
    environment: { stationId: `tram-${n}`, stationName: 'Trạm Thắng Tam', district: 'TP. Vũng Tàu', time: minutesAgo(1), aqi: 42, pm25: 12.5 },
    'security-event': { id: `attt-${n}`, time: minutesAgo(3), severity: 'critical', kind: 'scan', target: 'Cổng dịch vụ công', status: 'blocked' },
    'social-mention': { id: `mxh-${n}`, time: minutesAgo(4), platform: 'facebook', text: 'Bãi biển sạch đẹp', sentiment: 'positive', score: 0.8 },
    'dossier-counts': { unitId: `unit-${n}`, unitName: 'UBND TP. Vũng Tàu', date: '2026-11-23', received: 120, resolved: 100, onTime: 97, overdue: 3, time: minutesAgo(10) },
  };
  return records[topic];
}

export interface TestHub extends RunningHub {
  dir: string;
  dbPath: string;
  log: ReturnType<typeof createMemoryLogger>;
  /** GET /api/v1/state, parsed. */
  snapshot(): Promise<HubSnapshot>;
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix = 'ioc-hub-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An in-process hub on a free port with the test departments, its database `hub.db` in `dir`. */
export async function startTestHub(options: Partial<StartHubOptions> & { dir: string }): Promise<TestHub> {
  const { dir } = options;
  const dbPath = options.dbPath ?? join(dir, 'hub.db');
  const log = createMemoryLogger('hub');
  const hub = await startHub({ port: 0, wallTokens: [WALL_TOKEN], departments: Object.values(TEST_DEPARTMENTS), log, ...options, dbPath });
  return { ...hub, dir, dbPath, log, snapshot: () => fetchHubState(hub.url, WALL_TOKEN) };
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Operator } from '../../src-shared/access';
import type { Caller } from '../../src-shared/caller';
import type { Command } from '../../src-shared/commands';
import type { Alert, Layout, Tile } from '../../src-shared/domain';
import type { EventChannel, EventPayload } from '../../src-shared/ipc';
import { createMemoryLogger } from '../../src-shared/node/log';
import { collisionAlert } from './hub-messages';
import { loadConfig, type AppConfig } from '../../src-main/config/load-config';
import { startOperations, type Operations } from '../../src-main/operations/operations';
import { createSnapshotStore } from '../../src-main/snapshots/snapshot-store';
import { openAuditLog, type AuditLog } from '../../src-main/audit/audit-log';
import { createCommandJournal } from '../../src-main/audit/command-journal';

/**
 * The host's operator side on its own, for tests: a real state database in a temp folder (kept
 * across `restart()`), the config from a real file, and a hub that holds alerts in memory and
 * acknowledges them the way the real hub does (a new version of the alert, fed back as a message).
 */
export interface Harness {
  ops: Operations;
  /** The audit log every command of this host is written to (`<data>/audit/audit.db`). */
  audit: AuditLog;
  config: AppConfig;
  configErrors: string[];
  dataDir: string;
  events: Array<{ channel: EventChannel; payload: unknown }>;
  log: ReturnType<typeof createMemoryLogger>;
  alerts: Map<string, Alert>;
  /** Puts alert versions in the hub and tells the host, as a hub message batch would. */
  hubAlerts(...alerts: Alert[]): void;
  run(caller: Caller, ...commands: Command[]): Promise<unknown>;
  console(...commands: Command[]): Promise<unknown>;
  /** Closes the host and starts it again on the same files. */
  restart(): Harness;
  close(): void;
}

export const OPERATOR: Operator = { username: 'an.nguyen', name: 'Nguyễn Văn An', role: 'operator' };
export const CONSOLE: Caller = { kind: 'console', station: 'test-ws', operator: OPERATOR };

const cell = (col: number, row: number, colSpan = 1, rowSpan = 1) => ({ col, row, colSpan, rowSpan });
export const cam = (id: string, cameraId: string, col: number, row: number): Tile => ({ id, kind: 'camera', cameraId, area: cell(col, row) });
export const kpi = (id: string, kpiId: string, col: number, row: number): Tile => ({ id, kind: 'kpi', kpiId, chart: 'line', area: cell(col, row) });

/** Three walls and four small layouts: enough for presets, pushes and takeovers to mean something. */
export const TEST_LAYOUTS: Layout[] = [
  { id: 'grid', name: 'Lưới camera', cols: 2, rows: 2, tiles: [cam('a', 'cam-1', 1, 1), cam('b', 'cam-2', 2, 1), cam('c', 'cam-3', 1, 2), kpi('d', 'kpi-1', 2, 2)] },
  { id: 'kpis', name: 'Chỉ số', cols: 2, rows: 1, tiles: [kpi('k1', 'kpi-1', 1, 1), kpi('k2', 'kpi-2', 2, 1)] },
  { id: 'traffic', name: 'Giao thông', cols: 2, rows: 1, tiles: [cam('main', 'cam-1', 1, 1), { id: 'tour', kind: 'camera-tour', cameraIds: ['cam-1', 'cam-2', 'cam-3'], dwellSeconds: 10, pauseOnAlert: true, area: cell(2, 1) }] },
  { id: 'night', name: 'Ban đêm', cols: 1, rows: 1, tiles: [{ id: 'n', kind: 'text', text: 'Ca đêm', area: cell(1, 1) }] },
];

export const TEST_CONFIG = {
  layouts: TEST_LAYOUTS,
  walls: [
    { id: '1', name: 'Tường 1', layoutId: 'grid' },
    { id: '2', name: 'Tường 2', layoutId: 'kpis' },
    { id: '3', name: 'Tường 3', layoutId: 'night' },
  ],
  presets: [
    { id: 'sang', name: 'Giao ban sáng', layouts: { '1': 'grid', '2': 'kpis' } },
    { id: 'giao-thong', name: 'Điều hành giao thông', layouts: { '1': 'traffic', '2': 'grid', '3': 'kpis' } },
    { id: 'dem', name: 'Ban đêm', layouts: { '1': 'night', '2': 'night', '3': 'night' } },
  ],
  agendas: [],
  schedules: [],
  rules: [],
};

export const alert = (id: string, over: Partial<Alert> = {}): Alert => collisionAlert(id, 'cam-9', over);

export function startHarness(config: object = TEST_CONFIG, dataDir = mkdtempSync(join(tmpdir(), 'ioc-ops-')), hubHeld: readonly Alert[] = []): Harness {
  const configPath = join(dataDir, 'ioc-wall.json');
  writeFileSync(configPath, JSON.stringify(config));
  const log = createMemoryLogger('ops');
  const loaded = loadConfig(configPath, log);
  // The hub's alerts exist before the host starts, as after a restart with the cache.
  const alerts = new Map<string, Alert>(hubHeld.map((a) => [a.id, a]));
  const events: Harness['events'] = [];
  const audit = openAuditLog({ file: join(dataDir, 'audit', 'audit.db'), log });
  const ops: Operations = startOperations({
    config: loaded.config,
    log,
    stateFile: join(dataDir, 'state', 'host-state.db'),
    hub: {
      alert: (id) => alerts.get(id),
      alerts: () => [...alerts.values()],
      nameOf: (kind, id) => (kind === 'camera' ? `Camera ${id}` : id),
      acknowledgeAlert: async ({ alertId, by, time }) => {
        const current = alerts.get(alertId);
        if (!current) return { ok: false, error: `no alert "${alertId}"` };
        const acknowledged: Alert = { ...current, status: 'acknowledged', acknowledged: { by, at: time } };
        alerts.set(alertId, acknowledged);
        ops.alertsChanged([acknowledged]);
        return { ok: true, seq: 1 };
      },
    },
    snapshots: createSnapshotStore({ dir: join(dataDir, 'snapshots'), log }),
    journal: createCommandJournal(audit),
    emit: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => events.push({ channel, payload }),
  });
  const harness: Harness = {
    ops,
    audit,
    config: loaded.config,
    configErrors: loaded.errors,
    dataDir,
    events,
    log,
    alerts,
    hubAlerts: (...list) => {
      list.forEach((a) => alerts.set(a.id, a));
      ops.alertsChanged(list);
    },
    run: async (caller, ...commands) => {
      const result = await ops.dispatch(caller, commands);
      if (!result.ok) throw new Error(result.error);
      return result.value;
    },
    console: (...commands) => harness.run(CONSOLE, ...commands),
    restart: () => {
      ops.close();
      audit.close();
      return startHarness(config, dataDir, [...alerts.values()]);
    },
    close: () => {
      ops.close();
      audit.close();
    },
  };
  return harness;
}

/** What each wall shows, as the console sees it: layout id per wall id. */
export function layoutsOf(harness: Harness): Record<string, string> {
  return Object.fromEntries(harness.ops.operatorState().walls.map((w) => [w.view.wall.id, w.view.layout.id]));
}


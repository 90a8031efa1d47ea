import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { Alert, Layout, Tile } from '../../src-shared/domain';
import type { HubTopic } from '../../src-shared/hub-protocol';
import type { OperatorState } from '../../src-shared/operator-state';
import { ingestOrThrow } from './ingest';
import { consoleBridge, type BridgeClient } from './bridge-client';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { startHubProcess, type HubProcess } from './hub-process';
import { collisionAlert } from './hub-messages';
import { waitForReady, type ReadyState } from './page-ready';

/**
 * A real hub process, a browser-mode host with three operator walls (light layouts: KPIs, text,
 * tickers, a camera tile, a tour), presets, a short agenda and an alert rule, and a console bridge:
 * what the operator e2e specs drive. `restartHost()` stops the host and starts it again on the same
 * data folder, as a power cut and reboot of the wall PC would.
 */

const TOKEN = 'operator-e2e-wall-token';
const KEY = 'operator-e2e-department-key';

const cell = (col: number, row: number, colSpan = 1, rowSpan = 1) => ({ col, row, colSpan, rowSpan });
const text = (id: string, body: string, col: number, row: number): Tile => ({ id, kind: 'text', title: body, text: body, area: cell(col, row) });

export const OPERATOR_LAYOUTS: Layout[] = [
  { id: 'tong-quan', name: 'Tổng quan', cols: 2, rows: 2, tiles: [{ id: 'cam', kind: 'camera', cameraId: 'cam-a', area: cell(1, 1) }, text('t1', 'Tổng quan', 2, 1), { id: 'alerts', kind: 'ticker', area: cell(1, 2, 2, 1) }] },
  { id: 'giao-thong', name: 'Giao thông', cols: 2, rows: 1, tiles: [{ id: 'tour', kind: 'camera-tour', cameraIds: ['cam-a', 'cam-b', 'cam-c'], dwellSeconds: 600, pauseOnAlert: true, area: cell(1, 1) }, text('t2', 'Giao thông', 2, 1)] },
  { id: 'moi-truong', name: 'Môi trường', cols: 3, rows: 1, tiles: [text('m1', 'Không khí', 1, 1), text('m2', 'Nước', 2, 1), text('m3', 'Rác', 3, 1)] },
  { id: 'ban-dem', name: 'Ban đêm', cols: 1, rows: 1, tiles: [text('n1', 'Ca đêm', 1, 1)] },
];

export const OPERATOR_CONFIG = {
  layouts: OPERATOR_LAYOUTS,
  walls: [
    { id: '1', name: 'Tường trái', layoutId: 'tong-quan' },
    { id: '2', name: 'Tường giữa', layoutId: 'moi-truong' },
    { id: '3', name: 'Tường phải', layoutId: 'ban-dem' },
  ],
  presets: [
    { id: 'giao-ban', name: 'Giao ban sáng thứ Hai', layouts: { '1': 'tong-quan', '2': 'moi-truong', '3': 'ban-dem' } },
    { id: 'giao-thong', name: 'Điều hành giao thông', layouts: { '1': 'giao-thong', '2': 'tong-quan', '3': 'moi-truong' } },
    { id: 'ban-dem', name: 'Ca đêm', layouts: { '1': 'ban-dem', '2': 'ban-dem', '3': 'ban-dem' } },
  ],
  agendas: [
    {
      id: 'giao-ban-e2e',
      name: 'Giao ban thử nghiệm',
      steps: [
        { title: 'Tổng quan', presetId: 'giao-ban', dwellSeconds: 600 },
        { title: 'Giao thông', presetId: 'giao-thong', dwellSeconds: 600 },
        { title: 'Kết luận', layouts: { '3': 'tong-quan' }, note: 'Chủ trì kết luận' },
      ],
    },
  ],
  schedules: [],
  rules: [{ id: 'va-cham', name: 'Va chạm giao thông', match: { categories: ['va-cham-giao-thong'] }, wallId: '3', action: { kind: 'camera' }, revertAfterMinutes: 10, minIntervalSeconds: 0 }],
};

export interface OperatorWalls {
  hub: HubProcess;
  host: BrowserHost;
  bridge: BridgeClient;
  state(): Promise<OperatorState>;
  postAlerts(alerts: Alert[]): Promise<void>;
  /** Posts records of any of the department's topics (alert, camera, kpi, kpi-definition). */
  post(topic: HubTopic, records: unknown[]): Promise<void>;
  /** Opens the console and the walls in their own pages, each ready. */
  openAll(context: BrowserContext): Promise<{ console: Page; walls: Record<string, Page> }>;
  restartHost(): Promise<void>;
  stop(): Promise<void>;
}

export const operatorAlert = (id: string, over: Partial<Alert> = {}): Alert => collisionAlert(id, 'cam-b', over);

export async function waitReady(page: Page, app: ReadyState): Promise<void> {
  await waitForReady(page, app);
}

export async function startOperatorWalls(config: object = OPERATOR_CONFIG): Promise<OperatorWalls> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-operator-e2e-'));
  const hubConfig = join(work, 'hub.json');
  const departments = [{ id: 'ioc-e2e', name: 'Trung tâm IOC (thử nghiệm)', apiKey: KEY, topics: ['alert', 'camera', 'kpi', 'kpi-definition'] }];
  writeFileSync(hubConfig, JSON.stringify({ host: '127.0.0.1', port: 0, dbPath: join(work, 'hub.db'), wallTokens: [TOKEN], departments }));
  const hub = await startHubProcess([`--config=${hubConfig}`]);
  // The cameras the layouts name, registered offline: the tiles and tours show them without streams.
  const cameras = ['cam-a', 'cam-b', 'cam-c'].map((id) => ({ id, name: `Camera ${id.slice(4).toUpperCase()}`, district: 'TP. Vũng Tàu', subUrl: `${hub.url}/hls/${id}/index.m3u8`, status: 'offline' }));
  await ingestOrThrow(hub.url, KEY, 'camera', cameras);
  const hostConfig = { ...config, hub: { url: hub.url, token: TOKEN }, console: { station: 'Bàn điều hành E2E' } };
  const dataDir = join(work, 'host');
  let host = await startBrowserHost(hostConfig, { dataDir });
  let bridge = await consoleBridge(host);
  const walls: OperatorWalls = {
    hub,
    get host() {
      return host;
    },
    get bridge() {
      return bridge;
    },
    state: () => bridge.invoke('operator:state', undefined),
    postAlerts: (alerts) => walls.post('alert', alerts),
    post: (topic, records) => ingestOrThrow(hub.url, KEY, topic, records),
    openAll: async (context) => {
      const pages: Record<string, Page> = {};
      for (const wall of ['1', '2', '3']) {
        const page = await context.newPage();
        await page.goto(host.wallUrl(wall));
        await waitReady(page, 'wall');
        pages[wall] = page;
      }
      const console = await context.newPage();
      await host.openConsole(console);
      return { console, walls: pages };
    },
    restartHost: async () => {
      bridge.close();
      const port = Number(new URL(host.url).port);
      await host.stop();
      // The same port: open walls and consoles find the host where they left it and reload, as kiosks do.
      host = await startBrowserHost(hostConfig, { dataDir, port });
      bridge = await consoleBridge(host);
    },
    stop: async () => {
      bridge.close();
      await host.stop();
      await hub.stop();
    },
  };
  return walls;
}

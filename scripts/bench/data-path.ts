// Live data path figures (issue 3): ingest → tile painted latency at a steady ingest rate, and cold
// start from the wall's SQLite cache to a painted wall with the hub down. Real parts throughout: the
// hub process, the browser-mode host, Debian's Chromium.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { KpiDefinition, KpiPoint, Layout, Tile, Wall } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startBrowserHost } from '../../test/helpers/browser-host';
import { startHubProcess } from '../../test/helpers/hub-process';
import { ingestOrThrow } from '../../test/helpers/ingest';
import { percentile } from './percentile';
import { pageSession, pageTaskMs } from './process-figures';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_DATA_SECONDS ?? 10);
/** Ingest batches per second: the rate is spread over them, like many departments posting at once. */
const BATCHES_PER_SECOND = 50;
const BACKGROUND_KPIS = 40;
const WALL_TOKEN = 'bench-wall-token';
const DEPT_KEY = 'bench-department-key';
const PROBE = 'bench-probe';

const definition = (id: string): KpiDefinition => ({ id, subsystem: 'socio-economic', vi: `Chỉ số ${id}`, en: `Indicator ${id}`, unit: '', decimals: 0, higherIsBetter: true });
const point = (kpiId: string, value: number): KpiPoint => ({ kpiId, subsystem: 'socio-economic', value, unit: '', time: new Date().toISOString() });

/** A wall of KPI tiles: the probe first, then background KPIs, so the page renders real load. */
function benchLayout(): { layout: Layout; wall: Wall } {
  const cols = 4;
  const rows = 3;
  const ids = [PROBE, ...Array.from({ length: cols * rows - 1 }, (_, i) => `bench-${i}`)];
  const tiles: Tile[] = ids.map((kpiId, i) => ({ id: `k${i}`, kind: 'kpi', kpiId, chart: 'line', area: { col: (i % cols) + 1, row: Math.floor(i / cols) + 1, colSpan: 1, rowSpan: 1 } }));
  const layout: Layout = { id: 'bench-data', name: 'Bench data', cols, rows, tiles };
  return { layout, wall: { id: 'bench', name: 'Bench', layoutId: layout.id } };
}

/** Records, in the page, when each probe value reaches the DOM and the frame after it is painted. */
const PAINT_PROBE = `
  window.__painted = new Map();
  window.__committed = new Map();
  new MutationObserver(function () {
    var el = document.querySelector('[data-tile-id="k0"] [data-kpi-value]');
    var value = el && el.getAttribute('data-kpi-value');
    if (value === null || window.__committed.has(value)) return;
    window.__committed.set(value, performance.timeOrigin + performance.now());
    requestAnimationFrame(function () { window.__painted.set(value, performance.timeOrigin + performance.now()); });
  }).observe(document, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-kpi-value'] });
`;

async function waitWallPainted(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'wall', undefined, { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-tile-kind="kpi"] [data-kpi-value]').length >= 12, undefined, { timeout: 30_000 });
}

async function ingestToPaint(browser: Browser, hubUrl: string, dataDir: string, layout: Layout, wall: Wall): Promise<Record<string, unknown>> {
  const host = await startBrowserHost({ hub: { url: hubUrl, token: WALL_TOKEN }, layouts: [layout], walls: [wall] }, { dataDir });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(host.wallUrl(wall.id));
    await waitWallPainted(page);
    await page.evaluate(PAINT_PROBE);
    // The page's main-thread busy time over the run: what 1,000 updates/s cost the wall itself.
    const cdp = await pageSession(page);
    const busyBefore = await pageTaskMs(cdp);
    const sentAt = new Map<string, number>();
    const ackMs: number[] = [];
    const perBatch = Math.max(1, Math.round(RATE / BATCHES_PER_SECOND));
    const batches = SECONDS * BATCHES_PER_SECOND;
    const start = performance.now();
    let probeValue = 1_000_000;
    let sent = 0;
    const inFlight: Promise<void>[] = [];
    for (let b = 0; b < batches; b += 1) {
      // Pace by the clock, not by awaiting answers: a slow answer must not lower the offered rate.
      const due = start + (b * 1000) / BATCHES_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const records = Array.from({ length: perBatch }, (_, i) => point(`bench-${(b * perBatch + i) % BACKGROUND_KPIS}`, Math.round(Math.random() * 1000)));
      // One probe value per batch, so latency is sampled evenly through the run.
      probeValue += 1;
      records[0] = point(PROBE, probeValue);
      const t0 = Date.now();
      sentAt.set(String(probeValue), t0);
      sent += records.length;
      const p = ingestOrThrow(hubUrl, DEPT_KEY, 'kpi', records).then(() => {
        ackMs.push(Date.now() - t0);
      });
      inFlight.push(p);
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - start) / 1000;
    const busyPercent = Math.round(((await pageTaskMs(cdp)) - busyBefore) / elapsed) / 10;
    const last = String(probeValue);
    await page.waitForFunction((v) => (window as unknown as { __painted: Map<string, number> }).__painted.has(v), last, { timeout: 30_000 }).catch(() => undefined);
    type Marks = { __painted: Map<string, number>; __committed: Map<string, number> };
    const painted = new Map<string, number>(await page.evaluate(() => [...(window as unknown as Marks).__painted]));
    const committed = new Map<string, number>(await page.evaluate(() => [...(window as unknown as Marks).__committed]));
    const latencies = [...sentAt].filter(([v]) => painted.has(v)).map(([v, t]) => painted.get(v)! - t);
    const domLatencies = [...sentAt].filter(([v]) => committed.has(v)).map(([v, t]) => committed.get(v)! - t);
    return {
      offeredPerSecond: RATE,
      achievedPerSecond: Math.round(sent / elapsed),
      seconds: Math.round(elapsed * 10) / 10,
      probes: sentAt.size,
      // React may coalesce two probe values into one render; a skipped value is not a lost one.
      probesPainted: latencies.length,
      // POST sent → value in the DOM (React committed) → the frame after it (painted).
      ingestToDomMs: { p50: percentile(domLatencies, 50), p99: percentile(domLatencies, 99) },
      ingestToPaintMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
      ingestAckMs: { p50: percentile(ackMs, 50), p99: percentile(ackMs, 99) },
      rendererMainThreadBusyPercent: busyPercent,
    };
  } finally {
    await page.close();
    await host.stop();
  }
}

/** Hub down, cache full: host process start → wall painted from the cache. */
async function coldStartFromCache(browser: Browser, dataDir: string, layout: Layout, wall: Wall): Promise<Record<string, unknown>> {
  const runs: Array<{ hostReadyMs: number; paintedMs: number; navigationToPaintedMs: number }> = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    // Port 9 (discard) on loopback: nothing listens, so the hub is down for the whole run.
    const host = await startBrowserHost({ hub: { url: 'http://127.0.0.1:9', token: WALL_TOKEN }, layouts: [layout], walls: [wall] }, { dataDir });
    const hostReady = performance.now();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const nav = performance.now();
    await page.goto(host.wallUrl(wall.id));
    await waitWallPainted(page);
    const painted = performance.now();
    runs.push({ hostReadyMs: Math.round(hostReady - t0), paintedMs: Math.round(painted - t0), navigationToPaintedMs: Math.round(painted - nav) });
    await page.close();
    await host.stop();
  }
  const of = (k: keyof (typeof runs)[number]): { p50: number | null; max: number | null } => ({ p50: percentile(runs.map((r) => r[k]), 50), max: percentile(runs.map((r) => r[k]), 100) });
  return { runs: runs.length, hostStartToReadyMs: of('hostReadyMs'), hostStartToPaintedMs: of('paintedMs'), navigationToPaintedMs: of('navigationToPaintedMs') };
}

export async function benchDataPath(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-wall-bench-data-'));
  const configPath = join(work, 'hub.json');
  writeFileSync(
    configPath,
    JSON.stringify({
      host: '127.0.0.1',
      port: 0,
      dbPath: join(work, 'hub.db'),
      wallTokens: [WALL_TOKEN],
      departments: [{ id: 'bench', name: 'Bench', apiKey: DEPT_KEY, topics: ['kpi', 'kpi-definition'] }],
    }),
  );
  const hub = await startHubProcess([`--config=${configPath}`]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const { layout, wall } = benchLayout();
  const dataDir = join(work, 'wall');
  try {
    await ingestOrThrow(hub.url, DEPT_KEY, 'kpi-definition', [definition(PROBE), ...Array.from({ length: BACKGROUND_KPIS }, (_, i) => definition(`bench-${i}`))]);
    await ingestOrThrow(hub.url, DEPT_KEY, 'kpi', [point(PROBE, 0), ...Array.from({ length: BACKGROUND_KPIS }, (_, i) => point(`bench-${i}`, i))]);
    const latency = await ingestToPaint(browser, hub.url, dataDir, layout, wall);
    await hub.stop();
    const coldStart = await coldStartFromCache(browser, dataDir, layout, wall);
    return { ingestToPaint: latency, coldStartFromCache: coldStart };
  } finally {
    await browser.close();
    await hub.stop();
  }
}

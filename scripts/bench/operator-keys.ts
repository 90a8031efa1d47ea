// Operator key figures: Ctrl+Alt+1 / Ctrl+Alt+2 pressed in the console page → every open wall
// repainted with its new layout (browser mode: key:press → preset.apply-number → SQLite → wall:view
// → each wall's grid), and memory of the walls, the console and the host over 1,000 more switches.
// Two set-ups side by side, taking turns in blocks, each block on a fresh host and browser: walls
// keeping their last layouts ready (the default) and keeping none (every switch builds the layout).
// Run twice, quiet and with one core kept busy. Real parts: the hub process with KPI and alert data,
// browser-mode hosts, Debian's Chromium with the console and three walls open at once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { LAYOUTS_KEPT_READY_DEFAULT } from '../../src-shared/ipc';
import { startBrowserHost } from '../../test/helpers/browser-host';
import { startHubProcess } from '../../test/helpers/hub-process';
import { ingestOrThrow } from '../../test/helpers/ingest';
import { startCpuHog } from './cpu-hog';
import { alerts, COLD_PRESETS, hostConfig, kpiDefinitions, kpiPoints, LAYOUTS, PRESETS, WALL_IDS, WARM_PRESETS } from './operator-keys-config';
import { IN_FLIGHT, memoryRun, SAMPLES, SWITCHES } from './operator-keys-memory';
import { openPages } from './operator-keys-pages';
import { GOAL_P99_MS, PressSeries, type Rig } from './operator-keys-presses';

const PRESSES = Number(process.env.BENCH_KEY_PRESSES ?? 200);
const COLD_PRESSES = Number(process.env.BENCH_KEY_COLD_PRESSES ?? 40);
/** Each series is measured in this many blocks, the two set-ups taking turns. */
const BLOCKS = 4;
/** Before each block: the first showing of each layout loads the chart chunk and warms the JIT. */
const WARMUP_PRESSES = 6;
const TOKEN = 'bench-keys-token';
const DEPT_KEY = 'bench-keys-department';

async function stopRig({ host, browser }: Pick<Rig, 'host' | 'browser'>): Promise<void> {
  await browser.close();
  await host.stop();
}

/** A host (with its inspector on a free loopback port, for its V8 heap) and a Chromium with the four pages. */
async function startRig(hubUrl: string, layoutsKeptReady: number): Promise<Rig> {
  const host = await startBrowserHost(hostConfig(hubUrl, TOKEN, layoutsKeptReady), { nodeArgs: ['--inspect=127.0.0.1:0'] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }).catch(async (error: unknown) => {
    await host.stop();
    throw error;
  });
  try {
    const pages = await openPages(async () => (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage(), host);
    return { host, browser, pages };
  } catch (error) {
    await stopRig({ host, browser });
    throw error;
  }
}

/**
 * Sessions taking turns, one rig alive at a time (as on a wall PC): in each, a fresh host and
 * browser, unmeasured presses, a block of cold presses, more unmeasured ones, a block of warm ones.
 */
async function interleavedPresses(hubUrl: string, label: string) {
  const setUps = { keptReady: LAYOUTS_KEPT_READY_DEFAULT, noneKept: 0 };
  const names = Object.keys(setUps) as Array<keyof typeof setUps>;
  const series = Object.fromEntries(names.map((name) => [name, { cold: new PressSeries(COLD_PRESETS), warm: new PressSeries(WARM_PRESETS) }]));
  const share = (total: number, b: number): number => Math.floor(total / BLOCKS) + (b < total % BLOCKS ? 1 : 0);
  for (let b = 0; b < BLOCKS; b += 1) {
    for (const name of b % 2 === 0 ? names : [...names].reverse()) {
      const rig = await startRig(hubUrl, setUps[name]);
      try {
        const { cold, warm } = series[name]!;
        await cold.warmUp(rig, WARMUP_PRESSES);
        await cold.block(rig, share(COLD_PRESSES, b));
        await warm.warmUp(rig, WARMUP_PRESSES);
        await warm.block(rig, share(PRESSES, b));
      } finally {
        await stopRig(rig);
      }
    }
  }
  const figures = Object.fromEntries(names.map((name) => [name, { layoutsKeptReady: setUps[name], warm: series[name]!.warm.figures(), cold: series[name]!.cold.figures() }]));
  for (const [name, { warm, cold }] of Object.entries(figures)) {
    for (const [kind, f] of Object.entries({ cold, warm })) {
      process.stderr.write(`bench: operator-keys ${label}: ${name}, ${kind}: key → last wall painted p50 ${f.keyToLastWallPaintedMs.p50} ms, p99 ${f.keyToLastWallPaintedMs.p99} ms\n`);
    }
  }
  return figures;
}

/** One whole run: the interleaved presses, then the memory switches on a fresh rig keeping layouts ready. */
async function run(hubUrl: string, underLoad: boolean): Promise<Record<string, unknown>> {
  const label = underLoad ? 'under load' : 'quiet';
  const hog = underLoad ? startCpuHog() : null;
  let hogCores: number | null = null;
  try {
    const presses = await interleavedPresses(hubUrl, label);
    const rig = await startRig(hubUrl, LAYOUTS_KEPT_READY_DEFAULT);
    let memory;
    try {
      // Both presets shown before the first sample: the layout a wall then keeps ready is not growth.
      await new PressSeries(WARM_PRESETS).warmUp(rig, WARMUP_PRESSES);
      memory = await memoryRun(rig);
    } finally {
      await stopRig(rig);
    }
    process.stderr.write(`bench: operator-keys ${label}: ${memory.switches} switches in ${memory.seconds} s\n`);
    hogCores = hog ? await hog.stop() : null;
    return { cpuHogCores: hogCores, ...presses, memory };
  } finally {
    if (hog && hogCores === null) await hog.stop();
  }
}

export async function benchOperatorKeys(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-wall-bench-keys-'));
  const configPath = join(work, 'hub.json');
  writeFileSync(
    configPath,
    JSON.stringify({ host: '127.0.0.1', port: 0, dbPath: join(work, 'hub.db'), wallTokens: [TOKEN], departments: [{ id: 'bench', name: 'Bench', apiKey: DEPT_KEY, topics: ['kpi', 'kpi-definition', 'alert'] }] }),
  );
  const hub = await startHubProcess([`--config=${configPath}`]);
  try {
    const now = Date.now();
    await ingestOrThrow(hub.url, DEPT_KEY, 'kpi-definition', kpiDefinitions());
    await ingestOrThrow(hub.url, DEPT_KEY, 'kpi', kpiPoints(now));
    await ingestOrThrow(hub.url, DEPT_KEY, 'alert', alerts(now));
    const quiet = await run(hub.url, false);
    const underLoad = await run(hub.url, true);
    return {
      setup: {
        walls: WALL_IDS.length,
        layouts: LAYOUTS.map((l) => `${l.id}: ${l.tiles.map((t) => (t.kind === 'kpi' ? `kpi-${t.chart}` : t.kind)).join(',')}`),
        presets: PRESETS.map((p) => `${p.id}: ${Object.entries(p.layouts).map(([w, l]) => `${w}→${l}`).join(' ')}`),
        pages: 'per set-up, the console and three walls, each its own visible page (1920×1080, own browser context) in one Debian Chromium (software rendering)',
        setUps: `keptReady: walls keep their last ${LAYOUTS_KEPT_READY_DEFAULT} layouts drawn but hidden (the default); noneKept: layoutsKeptReady 0, every switch builds the layout`,
        goal: `key → last wall painted p99 ≤ ${GOAL_P99_MS} ms; memory flat over ${SWITCHES} switches`,
      },
      method: {
        presses: `per set-up, ${BLOCKS} sessions taking turns with the other set-up's, one rig alive at a time; in each, ${WARMUP_PRESSES} unmeasured presses, a quarter of the cold presses (${COLD_PRESSES} in all: Ctrl+Alt+${COLD_PRESETS[0]} to ${COLD_PRESETS.at(-1)} in turn, every wall on a layout it no longer keeps ready), ${WARMUP_PRESSES} unmeasured, a quarter of the warm ones (${PRESSES} in all: Ctrl+Alt+1 and 2 alternating, the back-and-forth of two presets). The next press only once every wall and the console painted and every page painted two more frames`,
        start: 'the digit\'s keydown in the console page (event.timeStamp)',
        viewArrived: 'wall:view reached the wall page (WebSocket message event, before the app parses it)',
        dom: 'the wall grid has the new data-layout-id (MutationObserver)',
        frame: 'requestAnimationFrame after the DOM change (data-path\'s "painted")',
        painted: 'a task posted from that rAF callback: the frame\'s style, layout and paint are done',
        switches: `${SWITCHES} preset.apply through the bridge, each awaited and at most ${IN_FLIGHT} ahead of the slowest wall; the walls render every view`,
        memory: `after a forced GC: each page's JSHeapUsedSize (CDP), the host's V8 heap (its inspector) and RSS (/proc); slope by least squares over ${SAMPLES + 1} samples`,
        cpu: 'CPU time (not wall time) per press: the host (/proc), Chromium by process type (renderers include the pages\' main threads) and each page\'s main thread (CDP ThreadTime)',
        foreignCores: 'CPU other processes used during each block or phase, in cores (the hog is the bench\'s own)',
        memoryRun: 'keptReady only, on a fresh rig after the presses',
      },
      quiet,
      underLoad,
    };
  } finally {
    await hub.stop();
  }
}

// Camera grid figures, side by side in one browser against the same live streams: IOC Wall's camera
// tiles (browser mode, the real wall) and a plain hls.js grid with hls.js's default config, the
// baseline issue 4 measures against. Per tile count: time to first frame, from navigation (what an
// operator sees) and from the video element's creation (the player alone, without the app's boot);
// a boot timeline; how many IOC tiles decode; dropped frames of the visible, decoding videos over a
// sample; renderer memory per added tile; and (at 9 and 16 tiles) a preset switch → every changed
// tile showing its new camera (camera-switch.ts). Each tile count is measured twice, quiet and with
// one core kept busy by a child process (cpu-hog.ts), the two in alternating order. Debian's
// Chromium, software decode. BENCH_SOAK_MINUTES runs the soak (camera-soak.ts) instead.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Layout, Wall } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { consoleBridge } from '../../test/helpers/bridge-client';
import { startBrowserHost, type BrowserHost } from '../../test/helpers/browser-host';
import { startHubProcess } from '../../test/helpers/hub-process';
import { cameraLayout, streamUrls, switchSet } from './camera-grid-layouts';
import { decodeFigures, measurePage, perTile, SETTLE_SECONDS, summarize, type Figures, type PageRun } from './camera-grid-page';
import { LOADS, summaryTable, type GridResult, type GridSide, type Load, type SwitchPair, type SwitchResult } from './camera-grid-summary';
import { measureSwitches, SWITCHES, type SwitchRig } from './camera-switch';
import { startCpuHog } from './cpu-hog';
import { startPlainGridServer, type PlainGridServer } from './plain-grid-server';

const ROOT = join(__dirname, '..', '..');
const TILE_COUNTS = (process.env.BENCH_TILES ?? '1,4,9,16,25').split(',').map(Number);
/** Tile counts (of those measured) that also time preset switches. */
const SWITCH_TILES = new Set((process.env.BENCH_SWITCH_TILES ?? '9,16').split(',').map(Number).filter((n) => n >= 2));
/** Dropped frames are sampled longest where the issue sets goals (16 and 25 tiles). */
const SAMPLE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LONG_SAMPLE_SECONDS = Number(process.env.BENCH_LONG_SECONDS ?? 30);
const LONG_SAMPLE_TILES = new Set([16, 25]);
/** Page loads per grid, tile count and load for the first-frame figures; the last one also samples frames. */
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
const TOKEN = 'bench-camera-token';

interface GridRig {
  browser: Browser;
  host: BrowserHost;
  plain: PlainGridServer;
  hubUrl: string;
  cores: number;
}

/** REPEATS loads of each page for one layout, taking turns: the same streams, only the player differs. */
async function measureGrid({ browser, host, plain, hubUrl, cores }: GridRig, layout: Layout) {
  const n = layout.tiles.length;
  const openIoc = async (page: Page): Promise<void> => void (await page.goto(host.wallUrl(layout.id)));
  const plainUrl = plain.pageUrl(streamUrls(hubUrl, n));
  const openPlain = async (page: Page): Promise<void> => void (await page.goto(plainUrl));
  const iocRuns: PageRun[] = [];
  const plainRuns: PageRun[] = [];
  // The order alternates, so neither page always follows the other's teardown.
  for (let r = 0; r < REPEATS; r += 1) {
    const sample = r === REPEATS - 1 ? (LONG_SAMPLE_TILES.has(n) ? LONG_SAMPLE_SECONDS : SAMPLE_SECONDS) : null;
    const ioc = async (): Promise<void> => void iocRuns.push(await measurePage(browser, n, openIoc, sample));
    const base = async (): Promise<void> => void plainRuns.push(await measurePage(browser, n, openPlain, sample));
    if (r % 2 === 0) await ioc().then(base);
    else await base().then(ioc);
  }
  return { ioc: summarize(iocRuns), plain: summarize(plainRuns), decode: decodeFigures(iocRuns, n, cores) };
}

/** Runs `measure` quiet, or with the CPU hog running for its whole length; returns the hog's cores too. */
async function underLoad<T>(load: Load, measure: () => Promise<T>): Promise<{ cpuHogCores: number | null; value: T }> {
  const hog = load === 'oneCoreBusy' ? startCpuHog() : null;
  let cpuHogCores: number | null = null;
  let stopped = false;
  try {
    const value = await measure();
    cpuHogCores = hog ? await hog.stop() : null;
    stopped = true;
    return { cpuHogCores, value };
  } finally {
    if (hog && !stopped) await hog.stop();
  }
}

type Smallest = { n: number; figures: Figures } | undefined;

export async function benchCameraGrid(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-wall-bench-cam-'));
  const hub = await startHubProcess([`--db=${join(work, 'hub.db')}`, '--port=0', `--token=${TOKEN}`]);
  const layouts = TILE_COUNTS.map(cameraLayout);
  const switchSets = new Map(TILE_COUNTS.filter((n) => SWITCH_TILES.has(n)).map((n) => [n, switchSet(n)]));
  const walls: Wall[] = [...layouts.map((l) => ({ id: l.id, name: l.name, layoutId: l.id })), ...[...switchSets.values()].map((s) => s.wall)];
  const host = await startBrowserHost({
    hub: { url: hub.url, token: TOKEN },
    layouts: [...layouts, ...[...switchSets.values()].flatMap((s) => s.layouts)],
    walls,
    presets: [...switchSets.values()].flatMap((s) => s.presets),
  });
  const plain = await startPlainGridServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const bridge = await consoleBridge(host);
  const grid: GridResult[] = [];
  const switches: SwitchResult[] = [];
  try {
    const probe = await browser.newPage();
    const cores = await probe.evaluate(() => navigator.hardwareConcurrency);
    await probe.close();
    const rig: GridRig & SwitchRig = { browser, host, plain, hubUrl: hub.url, cores, bridge };
    // One unmeasured load of each page first: the first page a fresh Chromium opens pays for its own
    // start (processes, caches), which would land on whichever grid happened to be measured first.
    const warm = layouts[0]!;
    await measurePage(browser, warm.tiles.length, async (p) => void (await p.goto(host.wallUrl(warm.id))), null);
    await measurePage(browser, warm.tiles.length, async (p) => void (await p.goto(plain.pageUrl(streamUrls(hub.url, warm.tiles.length)))), null);
    const smallest: Record<Load, { ioc: Smallest; plain: Smallest }> = { quiet: { ioc: undefined, plain: undefined }, oneCoreBusy: { ioc: undefined, plain: undefined } };
    for (const [index, layout] of layouts.entries()) {
      const n = layout.tiles.length;
      const set = switchSets.get(n);
      const gridRow: Partial<Record<Load, { cpuHogCores: number | null; iocWall: GridSide; plainHlsJs: GridSide }>> = {};
      const switchRow: Partial<Record<Load, SwitchPair & { cpuHogCores: number | null }>> = {};
      // Quiet first at one tile count, loaded first at the next: neither always runs on a machine
      // just warmed (or cooled) by the other.
      for (const load of index % 2 === 0 ? LOADS : [...LOADS].reverse()) {
        const { cpuHogCores, value } = await underLoad(load, async () => ({ grid: await measureGrid(rig, layout), switches: set ? await measureSwitches(rig, set) : null }));
        const { ioc, plain: base, decode } = value.grid;
        const least = smallest[load];
        least.ioc ??= { n, figures: ioc };
        least.plain ??= { n, figures: base };
        gridRow[load] = {
          cpuHogCores,
          iocWall: { ...ioc, decode, memoryPerTileMiB: perTile(ioc, least.ioc, n) },
          plainHlsJs: { ...base, memoryPerTileMiB: perTile(base, least.plain, n) },
        };
        const label = load === 'quiet' ? 'quiet' : `one core busy (hog ${cpuHogCores} cores)`;
        process.stderr.write(`bench: camera-grid ${n} tiles, ${label}: first frame p50 IOC ${ioc.firstFrameMs.p50} ms (player ${ioc.firstFrameFromAttachMs.p50}), plain ${base.firstFrameMs.p50} ms (player ${base.firstFrameFromAttachMs.p50}); dropped IOC ${ioc.droppedPercent} %, plain ${base.droppedPercent} %\n`);
        if (value.switches) {
          switchRow[load] = { cpuHogCores, ...value.switches };
          const { iocWall: s, plainHlsJs: p } = value.switches;
          process.stderr.write(`bench: camera-grid ${n} tiles, ${label}: preset switch → last new tile's frame p50 IOC ${s.toLastNewTileFrameMs.p50} ms (p95 ${s.toLastNewTileFrameMs.p95}), plain ${p.toLastNewTileFrameMs.p50} ms (p95 ${p.toLastNewTileFrameMs.p95})\n`);
        }
      }
      const { cpuHogCores: _quietHog, ...quiet } = gridRow.quiet!;
      grid.push({ tiles: n, quiet, oneCoreBusy: gridRow.oneCoreBusy! });
      if (set) {
        const { cpuHogCores: _none, ...quietSwitch } = switchRow.quiet!;
        switches.push({ tiles: n, changedTiles: set.changed.length, quiet: quietSwitch, oneCoreBusy: switchRow.oneCoreBusy! });
      }
    }
  } finally {
    bridge.close();
    await browser.close();
    await plain.stop();
    await host.stop();
    await hub.stop();
  }
  return {
    browser: 'Debian Chromium (software decode), a new browser context (cold HTTP cache) per page load',
    stream: 'demo HLS, 640x360 25 fps H.264 (sub stream), same streams for both grids',
    baseline: `hls.js ${JSON.parse(readFileSync(join(ROOT, 'node_modules/hls.js/package.json'), 'utf8')).version} (light build, as the wall bundles) with its default config, plain <video> grid`,
    loads: 'quiet: nothing of the bench\'s own besides the pages; oneCoreBusy: a child process spinning on one core for the whole tile count\'s measurements (cpuHogCores: what it got); the two alternate in order per tile count',
    firstFrame: 'ms to the first frame presented (requestVideoFrameCallback): firstFrameMs from navigation start, firstFrameFromAttachMs from the video element\'s creation',
    droppedFrames: `over the sample, which starts ${SETTLE_SECONDS} s after the first frames; videos on screen and decoding at both ends only (IOC: data-decoding="true", not a stream warming up)`,
    presetSwitchMethod: `${SWITCHES} switches per grid and load, alternating between two layouts of the same size; the even tiles keep their camera, the odd ones change to cameras not on the wall before (the plain page swaps the same tiles to the same streams). IOC: from preset.apply sent over the console bridge; plain: from the swap call (hls.destroy, new Hls, loadSource, attachMedia). Figure: to the first frame presented while visible in its tile by a video made after the switch (requestVideoFrameCallback), the last changed tile's; IOC's data-camera-state="live" beside it. 3 s between switches, longer than the wall keeps a parked player`,
    foreignCores: 'CPU other processes used during each load, sample or switch block, in cores (the hog is the bench\'s own)',
    results: grid,
    presetSwitch: switches,
    summary: summaryTable(grid, switches),
  };
}

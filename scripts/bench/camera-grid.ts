// Camera grid figures, side by side in one browser against the same live streams: IOC Wall's camera
// tiles (browser mode, the real wall) and a plain hls.js grid with hls.js's default config, the
// baseline issue 4 measures against. Per tile count: time to first frame, from navigation (what an
// operator sees) and from the video element's creation (the player alone, without the app's boot);
// a boot timeline; how many IOC tiles decode; dropped frames of the visible, decoding videos over a
// sample; renderer memory per added tile. Debian's Chromium, software decode.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Layout, Tile, Wall } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { defaultDecodeBudget } from '../../src-renderer/tiles/camera/decode-budget';
import { startBrowserHost } from '../../test/helpers/browser-host';
import { startHubProcess } from '../../test/helpers/hub-process';
import { CAMERA_PAGE_PROBE, firstFrames, framesBetween, medianTimeline, readDecodeCounts, readQuality, readRecords, timelineOf, waitFirstFrames, type DecodeCounts } from './camera-page-probe';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { percentile } from './percentile';
import { chromiumRssBytes } from './process-figures';
import { startPlainGridServer } from './plain-grid-server';

const ROOT = join(__dirname, '..', '..');
const TILE_COUNTS = (process.env.BENCH_TILES ?? '1,4,9,16,25').split(',').map(Number);
/** Dropped frames are sampled longest where the issue sets goals (16 and 25 tiles). */
const SAMPLE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LONG_SAMPLE_SECONDS = Number(process.env.BENCH_LONG_SECONDS ?? 30);
const LONG_SAMPLE_TILES = new Set([16, 25]);
/**
 * Seconds between the last first frame and the dropped-frame sample: the start's burst (the rest of
 * each player's buffer loading at once) is the first-frame figures' business, the sample measures
 * steady playback. 0 samples from the first frames on.
 */
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 5);
/** Page loads per grid and tile count for the first-frame figures; the last one also samples frames. */
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));
const FIRST_FRAME_TIMEOUT_MS = 30_000;
const TOKEN = 'bench-camera-token';
const DEMO_CAMERAS = ['bai-sau-thuy-van', 'tuong-chua-kito-nui-nho', 'nga-tu-gieng-nuoc', 'cau-co-may', 'cho-ba-ria', 'ql51-phu-my', 'cang-cai-mep', 'con-dao-cau-tau-914'];

const cameraOf = (i: number): string => DEMO_CAMERAS[i % DEMO_CAMERAS.length]!;

export function cameraLayout(n: number): Layout {
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const tiles: Tile[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    kind: 'camera',
    cameraId: cameraOf(i),
    area: { col: (i % cols) + 1, row: Math.floor(i / cols) + 1, colSpan: 1, rowSpan: 1 },
  }));
  return { id: `bench-${n}`, name: `Bench ${n}`, cols, rows, tiles };
}

/** The sub-stream playlists of an n-tile grid, in tile order: the same streams for both pages. */
export const streamUrls = (hubUrl: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${hubUrl}/hls/${cameraOf(i)}/sub/index.m3u8`);

/** Resident memory of Chromium's renderer processes, in MiB (Linux /proc; one page is open). */
async function rendererRssMiB(browser: Browser): Promise<number | null> {
  const rss = await chromiumRssBytes(browser).catch(() => null);
  return rss === null ? null : Math.round(((rss.renderer ?? 0) / 2 ** 20) * 10) / 10;
}

export interface PageRun {
  fromNavigation: number[];
  fromAttach: number[];
  timeline: Record<string, number | null>;
  decode: DecodeCounts;
  /** CPU others used from navigation to the last first frame, in cores (this box is shared). */
  foreignCores: number | null;
  sample: { seconds: number; settleSeconds: number; videos: number; frames: number; dropped: number; foreignCores: number | null } | null;
  rendererRssMiB: number | null;
}

/**
 * One page load: first frames and timeline; with `sampleSeconds`, then the frames decoded and
 * dropped over that many seconds by the videos that were visible and decoding at both ends.
 */
export async function measurePage(
  browser: Browser,
  n: number,
  open: (page: Page) => Promise<void>,
  sampleSeconds: number | null,
  /** Reads more from the page before it closes (the lab's hls.js events). */
  inspect?: (page: Page) => Promise<void>,
): Promise<PageRun> {
  // A new context per load: a cold HTTP cache every time, as a wall after a restart without disk cache.
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.addInitScript(CAMERA_PAGE_PROBE);
    const cpuBefore = cpuSnapshot();
    await open(page);
    await waitFirstFrames(page, n, FIRST_FRAME_TIMEOUT_MS);
    const foreign = foreignCores(cpuBefore, cpuSnapshot());
    const records = await readRecords(page);
    const { fromNavigation, fromAttach } = firstFrames(records, n);
    const decode = await readDecodeCounts(page);
    let sample: PageRun['sample'] = null;
    if (sampleSeconds !== null) {
      await page.waitForTimeout(SETTLE_SECONDS * 1000);
      const before = await readQuality(page);
      const cpuAtStart = cpuSnapshot();
      await page.waitForTimeout(sampleSeconds * 1000);
      const after = await readQuality(page);
      const sampleForeign = foreignCores(cpuAtStart, cpuSnapshot());
      sample = { seconds: sampleSeconds, settleSeconds: SETTLE_SECONDS, ...framesBetween(before, after), foreignCores: sampleForeign };
    }
    await inspect?.(page);
    return { fromNavigation, fromAttach, timeline: timelineOf(records, n), decode, foreignCores: foreign, sample, rendererRssMiB: sampleSeconds !== null ? await rendererRssMiB(browser) : null };
  } finally {
    await page.close();
  }
}

const spread = (values: number[]): { p50: number | null; p95: number | null; max: number | null } => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: percentile(values, 100),
});

/** Several loads of one page reduced to figures: first frames pooled over all loads, the sample from the last. */
export function summarize(runs: PageRun[]) {
  const last = runs[runs.length - 1]!;
  const sample = last.sample;
  return {
    loads: runs.length,
    playing: Math.min(...runs.map((r) => r.fromNavigation.length)),
    firstFrameMs: spread(runs.flatMap((r) => r.fromNavigation)),
    firstFrameFromAttachMs: spread(runs.flatMap((r) => r.fromAttach)),
    /** Per load, p50 from navigation: how much the figure moves between loads on this machine. */
    firstFrameP50PerLoad: runs.map((r) => percentile(r.fromNavigation, 50)),
    /** Other processes' CPU during each load's start, in cores: a load with much of it is suspect. */
    foreignCoresPerLoad: runs.map((r) => r.foreignCores),
    timelineMs: medianTimeline(runs.map((r) => r.timeline)),
    sampleSeconds: sample?.seconds ?? null,
    settleSeconds: sample?.settleSeconds ?? null,
    sampledVideos: sample?.videos ?? null,
    framesDecoded: sample?.frames ?? null,
    droppedFrames: sample?.dropped ?? null,
    droppedPercent: sample && sample.frames > 0 ? Math.round((sample.dropped / sample.frames) * 10000) / 100 : null,
    /** Other processes' CPU during the sample, in cores. */
    sampleForeignCores: sample?.foreignCores ?? null,
    rendererRssMiB: last.rendererRssMiB,
  };
}

type Figures = ReturnType<typeof summarize>;

/**
 * Memory per tile: how much the renderer grows per added tile, from the smallest grid measured to
 * this one, so each page's fixed cost (the app, hls.js itself) is not spread over its tiles.
 */
function perTile(figures: Figures, smallest: { n: number; figures: Figures } | undefined, n: number): number | null {
  if (!smallest || smallest.n >= n || figures.rendererRssMiB === null || smallest.figures.rendererRssMiB === null) return null;
  return Math.round(((figures.rendererRssMiB - smallest.figures.rendererRssMiB) / (n - smallest.n)) * 10) / 10;
}

/** IOC's decode budget on this machine (the wall's default; the bench config sets none) against what decoded. */
function decodeFigures(runs: PageRun[], n: number, cores: number) {
  const budget = defaultDecodeBudget(cores);
  const last = runs[runs.length - 1]!.decode;
  const expected = Math.min(n, budget);
  const ok = runs.every((r) => r.decode.decoding === expected && r.decode.overBudget === n - expected);
  if (!ok) process.stderr.write(`bench: camera-grid ${n} tiles: expected ${expected} decoding (budget ${budget}), saw ${runs.map((r) => `${r.decode.decoding} decoding/${r.decode.overBudget} over budget`).join(', ')}\n`);
  return { budget, expectedDecoding: expected, ...last, asExpected: ok };
}

export async function benchCameraGrid(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-wall-bench-cam-'));
  const hub = await startHubProcess([`--db=${join(work, 'hub.db')}`, '--port=0', `--token=${TOKEN}`]);
  const layouts = TILE_COUNTS.map(cameraLayout);
  const walls: Wall[] = layouts.map((l) => ({ id: l.id, name: l.name, layoutId: l.id }));
  const host = await startBrowserHost({ hub: { url: hub.url, token: TOKEN }, layouts, walls });
  const plain = await startPlainGridServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: Record<string, unknown>[] = [];
  try {
    const probe = await browser.newPage();
    const cores = await probe.evaluate(() => navigator.hardwareConcurrency);
    await probe.close();
    // One unmeasured load of each page first: the first page a fresh Chromium opens pays for its own
    // start (processes, caches), which would land on whichever grid happened to be measured first.
    const warm = layouts[0]!;
    await measurePage(browser, warm.tiles.length, async (p) => void (await p.goto(host.wallUrl(warm.id))), null);
    await measurePage(browser, warm.tiles.length, async (p) => void (await p.goto(plain.pageUrl(streamUrls(hub.url, warm.tiles.length)))), null);
    let smallestIoc: { n: number; figures: Figures } | undefined;
    let smallestPlain: { n: number; figures: Figures } | undefined;
    for (const layout of layouts) {
      const n = layout.tiles.length;
      const openIoc = async (page: Page): Promise<void> => void (await page.goto(host.wallUrl(layout.id)));
      const plainUrl = plain.pageUrl(streamUrls(hub.url, n));
      const openPlain = async (page: Page): Promise<void> => void (await page.goto(plainUrl));
      const iocRuns: PageRun[] = [];
      const plainRuns: PageRun[] = [];
      // The same streams, one page after the other, in the same browser: only the player differs.
      // The order alternates, so neither page always follows the other's teardown.
      for (let r = 0; r < REPEATS; r += 1) {
        const sample = r === REPEATS - 1 ? (LONG_SAMPLE_TILES.has(n) ? LONG_SAMPLE_SECONDS : SAMPLE_SECONDS) : null;
        const ioc = async (): Promise<void> => void iocRuns.push(await measurePage(browser, n, openIoc, sample));
        const base = async (): Promise<void> => void plainRuns.push(await measurePage(browser, n, openPlain, sample));
        if (r % 2 === 0) await ioc().then(base);
        else await base().then(ioc);
      }
      const ioc = summarize(iocRuns);
      const base = summarize(plainRuns);
      smallestIoc ??= { n, figures: ioc };
      smallestPlain ??= { n, figures: base };
      results.push({
        tiles: n,
        iocWall: { ...ioc, decode: decodeFigures(iocRuns, n, cores), memoryPerTileMiB: perTile(ioc, smallestIoc, n) },
        plainHlsJs: { ...base, memoryPerTileMiB: perTile(base, smallestPlain, n) },
      });
      process.stderr.write(`bench: camera-grid ${n} tiles: first frame p50 IOC ${ioc.firstFrameMs.p50} ms (player ${ioc.firstFrameFromAttachMs.p50}), plain ${base.firstFrameMs.p50} ms (player ${base.firstFrameFromAttachMs.p50}); dropped IOC ${ioc.droppedPercent} %, plain ${base.droppedPercent} %\n`);
    }
  } finally {
    await browser.close();
    await plain.stop();
    await host.stop();
    await hub.stop();
  }
  return {
    browser: 'Debian Chromium (software decode), a new browser context (cold HTTP cache) per page load',
    stream: 'demo HLS, 640x360 25 fps H.264 (sub stream), same streams for both grids',
    baseline: `hls.js ${JSON.parse(readFileSync(join(ROOT, 'node_modules/hls.js/package.json'), 'utf8')).version} (light build, as the wall bundles) with its default config, plain <video> grid`,
    firstFrame: 'ms to the first frame presented (requestVideoFrameCallback): firstFrameMs from navigation start, firstFrameFromAttachMs from the video element\'s creation',
    droppedFrames: `over the sample, which starts ${SETTLE_SECONDS} s after the first frames; videos on screen and decoding at both ends only (IOC: data-decoding="true", not a stream warming up)`,
    results,
  };
}

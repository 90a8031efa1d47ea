// One measured page load of a camera grid (IOC's wall or the plain hls.js page), and several loads
// reduced to figures: first frames, boot timeline, decoders in use, dropped frames over a sample,
// renderer memory.
import type { Browser, Page } from '@playwright/test';
import { defaultDecodeBudget } from '../../src-renderer/tiles/camera/decode-budget';
import { CAMERA_PAGE_PROBE, firstFrames, framesBetween, medianTimeline, readDecodeCounts, readQuality, readRecords, timelineOf, waitFirstFrames, type DecodeCounts } from './camera-page-probe';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { percentile } from './percentile';
import { chromiumRssBytes } from './process-figures';

/**
 * Seconds between the last first frame and the dropped-frame sample: the start's burst (the rest of
 * each player's buffer loading at once) is the first-frame figures' business, the sample measures
 * steady playback. 0 samples from the first frames on.
 */
export const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 5);
export const FIRST_FRAME_TIMEOUT_MS = 30_000;

/** Resident memory of Chromium's renderer processes, in MiB (Linux /proc; one page is open). */
export async function rendererRssMiB(browser: Browser): Promise<number | null> {
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
    // The IOC wall shows its first frames before its app and tiles have loaded (wall/boot-cameras.ts):
    // its decode counts and the rest of its timeline are read once the tiles hold the players.
    await page.waitForFunction((tiles) => !document.getElementById('root') || document.querySelectorAll('[data-camera-state]').length >= tiles, n, { timeout: FIRST_FRAME_TIMEOUT_MS });
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

export const spread = (values: number[]): { p50: number | null; p95: number | null; max: number | null } => ({
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

export type Figures = ReturnType<typeof summarize>;

/**
 * Memory per tile: how much the renderer grows per added tile, from the smallest grid measured to
 * this one, so each page's fixed cost (the app, hls.js itself) is not spread over its tiles.
 */
export function perTile(figures: Figures, smallest: { n: number; figures: Figures } | undefined, n: number): number | null {
  if (!smallest || smallest.n >= n || figures.rendererRssMiB === null || smallest.figures.rendererRssMiB === null) return null;
  return Math.round(((figures.rendererRssMiB - smallest.figures.rendererRssMiB) / (n - smallest.n)) * 10) / 10;
}

/** IOC's decode budget on this machine (the wall's default; the bench config sets none) against what decoded. */
export function decodeFigures(runs: PageRun[], n: number, cores: number) {
  const budget = defaultDecodeBudget(cores);
  const last = runs[runs.length - 1]!.decode;
  const expected = Math.min(n, budget);
  const ok = runs.every((r) => r.decode.decoding === expected && r.decode.overBudget === n - expected);
  if (!ok) process.stderr.write(`bench: camera-grid ${n} tiles: expected ${expected} decoding (budget ${budget}), saw ${runs.map((r) => `${r.decode.decoding} decoding/${r.decode.overBudget} over budget`).join(', ')}\n`);
  return { budget, expectedDecoding: expected, ...last, asExpected: ok };
}

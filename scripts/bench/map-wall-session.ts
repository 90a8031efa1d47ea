// One session of the map-wall bench: a fresh browser host and Chromium showing one wall (with the
// map or without it), the storm started, then a fixed window in which the wall's main thread, its
// cameras' frames and (with the map) every storm record's way onto the map are measured; memory
// after a forced GC; then, with the map, follow-mode flights to new critical alerts, storm still on.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startBrowserHost } from '../../test/helpers/browser-host';
import { ingestOrThrow } from '../../test/helpers/ingest';
import { waitForReady } from '../../test/helpers/page-ready';
import { CAMERA_PAGE_PROBE, framesBetween, longTaskMs, readDecodeCounts, readQuality, waitFirstFrames, type DecodeCounts } from './camera-page-probe';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { DEPT_KEY, MAP_TILE_ID, type MapWallSetUp } from './map-wall-config';
import type { StormSource } from './map-wall-data';
import { coalescingFigures, latencySamples, type Flight, type LatencySample } from './map-wall-figures';
import { mapProbe, readMapRecords, repaintCeiling, waitFlightAndReturn, waitMapReady } from './map-wall-probe';
import { startStorm, type SentUpdate, type Storm } from './map-wall-storm';
import { pageNow } from './operator-keys-probe';
import { epochNow, pageClockOffset, type ClockOffset } from './page-clock';
import { chromiumCpuMs, chromiumRssBytes, cpuMs, pageMemoryAfterGc, pageSession, pageTaskMs, pageThreadCpuMs, type PageMemory } from './process-figures';

export const CAMERA_TILES = 8;
/** The most a session waits for every camera's first frame; a wall that takes longer is measured as it is. */
const FIRST_FRAMES_MS = 20_000;

export interface SessionTiming {
  ratePerSecond: number;
  /** Storm before the window, so it starts on a wall already working through it. */
  warmSeconds: number;
  windowSeconds: number;
  /** After the cameras' first frames, before the storm: the start's burst is over (camera-grid's settle). */
  settleSeconds: number;
  flights: number;
}

export interface SessionPlan {
  hubUrl: string;
  /** The hub process, for its CPU time over the window. */
  hubPid: number;
  hostConfig: object;
  wallId: string;
  setUp: MapWallSetUp;
  storm: StormSource;
  /** Prefixes of the storm's record ids, which the map probe follows. */
  idPrefixes: readonly string[];
  timing: SessionTiming;
}

export interface SessionResult {
  setUp: MapWallSetUp;
  windowMs: number;
  /** Main-thread task time, CPU time (CDP TaskDuration, ThreadTime) and time in long tasks over the window, ms. */
  mainThread: { taskMs: number; cpuMs: number; longTaskMs: number };
  /** CPU time over the window, ms: Chromium's processes by type, the hub and the browser host. */
  cpuMs: Record<string, number>;
  foreignCores: number | null;
  frames: { videos: number; frames: number; dropped: number };
  /** The camera tiles at the window's end: how many were live and decoding (a stalled tile counts no frames). */
  cameraTiles: DecodeCounts;
  memory: PageMemory & { rssBytes: Record<string, number> };
  clock: { start: ClockOffset; end: ClockOffset };
  sent: SentUpdate[];
  stormSeconds: number;
  /** With the map only. */
  latency: LatencySample[] | null;
  /** Latency of the records posted while follow mode flew the map out and home. */
  latencyDuringFlights: LatencySample[] | null;
  coalescing: ReturnType<typeof coalescingFigures> | null;
  flights: Array<{ flight: Flight; renders: number[]; offsetMs: number }>;
  /** Flights that did not go out and come back within a minute. */
  flightErrors: string[];
  /** Navigation → the wall and its map ready; → every camera showing too (capped by FIRST_FRAMES_MS); the flights. */
  seconds: { mapReady: number; open: number; flights: number };
  /** Frames the map rendered per second over the window (it renders only when something changed). */
  mapFramesPerSecondInWindow: number | null;
  /** Frames per second the map drew when made to redraw every frame, before the storm. */
  mapRepaintCeilingFps: number | null;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the wall, and with the map waits for its snapshot drawn and installs the map probe; then the cameras' first frames. */
async function openWall(page: Page, url: string, plan: SessionPlan): Promise<SessionResult['seconds']> {
  await page.addInitScript(CAMERA_PAGE_PROBE);
  const opening = Date.now();
  await page.goto(url);
  await waitForReady(page, 'wall');
  if (plan.setUp === 'withMap') {
    await waitMapReady(page, MAP_TILE_ID, 60_000);
    await page.evaluate(mapProbe(MAP_TILE_ID, plan.idPrefixes));
  }
  const mapReady = Math.round((Date.now() - opening) / 1000);
  await waitFirstFrames(page, CAMERA_TILES, FIRST_FRAMES_MS);
  return { mapReady, open: Math.round((Date.now() - opening) / 1000), flights: 0 };
}

/** The window: what the page's main thread, the processes and the cameras did over `seconds`, from and to on Node's clock. */
async function measureWindow(page: Page, cdp: CDPSession, browser: Browser, pids: { hub: number; host: number }, seconds: number, offsetMs: number) {
  const processes = async (): Promise<Record<string, number>> => ({ ...(await chromiumCpuMs(browser)), hub: cpuMs(pids.hub) ?? NaN, host: cpuMs(pids.host) ?? NaN });
  const quality = await readQuality(page);
  const [task, thread, cpu] = [await pageTaskMs(cdp), await pageThreadCpuMs(cdp), await processes()];
  const noise = cpuSnapshot();
  const from = epochNow();
  await sleep(seconds * 1000);
  const to = epochNow();
  const qualityAfter = await readQuality(page);
  const cameraTiles = await readDecodeCounts(page);
  const [taskAfter, threadAfter, cpuAfter] = [await pageTaskMs(cdp), await pageThreadCpuMs(cdp), await processes()];
  return {
    from,
    to,
    foreignCores: foreignCores(noise, cpuSnapshot()),
    mainThread: { taskMs: taskAfter - task, cpuMs: threadAfter - thread, longTaskMs: await longTaskMs(page, from + offsetMs, to + offsetMs) },
    cpuMs: Object.fromEntries(Object.keys(cpuAfter).map((type) => [type, cpuAfter[type]! - (cpu[type] ?? 0)])),
    frames: framesBetween(quality, qualityAfter),
    cameraTiles,
  };
}

/** Follow-mode flights, one at a time: a new critical alert posted, the map out to it and back home. */
async function fly(page: Page, plan: SessionPlan): Promise<{ flights: Flight[]; errors: string[] }> {
  const flights: Flight[] = [];
  const errors: string[] = [];
  for (let f = 0; f < plan.timing.flights; f += 1) {
    const since = await pageNow(page);
    const sentAt = epochNow();
    await ingestOrThrow(plan.hubUrl, DEPT_KEY, 'alert', [plan.storm.criticalAlert(Date.now())]);
    // A flight that never ends (the page too busy to fly and come back in time) is a figure, not a failed bench.
    const flight = await waitFlightAndReturn(page, since, 60_000).catch((error: unknown) => {
      errors.push(String(error).split('\n')[0]!);
      return null;
    });
    if (!flight) break;
    flights.push({ sentAt, ...flight });
  }
  return { flights, errors };
}

export async function runSession(plan: SessionPlan): Promise<SessionResult> {
  const { timing } = plan;
  const withMap = plan.setUp === 'withMap';
  const host = await startBrowserHost(plan.hostConfig);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }).catch(async (error: unknown) => {
    await host.stop();
    throw error;
  });
  let storm: Storm | null = null;
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const seconds = await openWall(page, host.wallUrl(plan.wallId), plan);
    const ceiling = withMap ? await repaintCeiling(page, MAP_TILE_ID, 2000) : null;
    await sleep(timing.settleSeconds * 1000);
    const cdp = await pageSession(page);
    const clockStart = await pageClockOffset(page);
    const offset = clockStart.offsetMs;
    storm = startStorm(plan.hubUrl, DEPT_KEY, plan.storm, timing.ratePerSecond);
    await sleep(timing.warmSeconds * 1000);
    const window = await measureWindow(page, cdp, browser, { hub: plan.hubPid, host: host.pid }, timing.windowSeconds, offset);
    const memory = { ...(await pageMemoryAfterGc(cdp)), rssBytes: await chromiumRssBytes(browser) };
    const flightsFrom = epochNow();
    const { flights, errors } = withMap ? await fly(page, plan) : { flights: [], errors: [] };
    const flightsTo = epochNow();
    const log = await storm.stop();
    storm = null;
    // The last records' way onto the map, before the records are read.
    await sleep(1000);
    const clockEnd = await pageClockOffset(page);
    const records = withMap ? await readMapRecords(page) : null;
    const { from, to } = window;
    return {
      setUp: plan.setUp,
      windowMs: to - from,
      mainThread: window.mainThread,
      cpuMs: window.cpuMs,
      foreignCores: window.foreignCores,
      frames: window.frames,
      cameraTiles: window.cameraTiles,
      memory,
      clock: { start: clockStart, end: clockEnd },
      sent: log.sent,
      stormSeconds: log.seconds,
      latency: records ? latencySamples(records, log.sent, offset, from, to) : null,
      latencyDuringFlights: records && flights.length ? latencySamples(records, log.sent, offset, flightsFrom, flightsTo) : null,
      coalescing: records ? coalescingFigures(records, from + offset, to + offset) : null,
      flights: records ? flights.map((flight) => ({ flight, renders: records.renders, offsetMs: offset })) : [],
      flightErrors: errors,
      seconds: { ...seconds, flights: Math.round((flightsTo - flightsFrom) / 1000) },
      mapRepaintCeilingFps: ceiling,
      mapFramesPerSecondInWindow: records ? Math.round((records.renders.filter((t) => t >= from + offset && t <= to + offset).length / ((to - from) / 1000)) * 10) / 10 : null,
    };
  } finally {
    await storm?.stop();
    await browser.close();
    await host.stop();
  }
}

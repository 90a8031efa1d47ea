// Camera soak (BENCH_SOAK_MINUTES=N): a 16-tile IOC wall plays for N minutes while one of its
// streams is dropped (its playlists answer 404) and restored every BENCH_SOAK_DROP_SECONDS. Reports
// the renderer's memory (RSS, and JS heap after GC over CDP) at the start, every minute and at the
// end; stuck tiles (neither offline nor suspended, and no new frame for over 10 s, checked every few
// seconds); and each drop cycle: did the tile go offline, did it come back live, how fast. It runs
// instead of the camera grid figures (bench.ts): a soak is a long run of its own, and the grid's
// figures taken beside it would share the machine with it. IOC only: a plain hls.js page has no
// offline state to recover from. Streams: the e2e tests' fault server (test/helpers/
// hls-fault-server.ts, ffmpeg-made 640x360 25 fps clips), which can make one camera's playlists 404;
// the demo hub's HLS cannot fail on cue.
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import type { Layout, Tile } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { countLiveObjects, waitForCameraState } from '../../test/helpers/camera-page';
import { startCameraWall } from '../../test/helpers/camera-wall';
import { spread } from './camera-grid-page';
import { readTiles, STUCK_MS, StuckWatch } from './camera-soak-watch';
import { cameraStateLog, logCameraStates } from './camera-state-log';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { chromiumRssBytes, pageMemoryAfterGc, pageSession } from './process-figures';

export const SOAK_MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 0);
/** From one drop to the next. */
const DROP_SECONDS = Number(process.env.BENCH_SOAK_DROP_SECONDS ?? 180);
/** How long a drop lasts: long enough to go offline (within 5 s, camera.spec.ts) and stay so a while. */
const DOWN_SECONDS = Math.min(Number(process.env.BENCH_SOAK_DOWN_SECONDS ?? 20), DROP_SECONDS / 2);
const CHECK_SECONDS = 3;
/** After every tile is live, before the first sample: the start's burst is not a steady state. */
const SETTLE_SECONDS = 10;
const RECOVERY_TIMEOUT_MS = 30_000;
const TILES = 16;
const WALL = 'soak';
const CAMERAS = Array.from({ length: TILES }, (_, i) => `soak-${String(i + 1).padStart(2, '0')}`);
/** The dropped camera: a tile inside the grid, not at its first place (which decodes first). */
const DROPPED = CAMERAS[5]!;

function soakLayout(): Layout {
  const cols = Math.ceil(Math.sqrt(TILES));
  const tiles: Tile[] = CAMERAS.map((cameraId, i) => ({ id: `s${i}`, kind: 'camera', cameraId, area: { col: (i % cols) + 1, row: Math.floor(i / cols) + 1, colSpan: 1, rowSpan: 1 } }));
  return { id: 'soak-16', name: 'Soak 16', cols, rows: Math.ceil(TILES / cols), tiles };
}

const mib = (bytes: number | null | undefined): number | null => (bytes === null || bytes === undefined ? null : Math.round((bytes / 2 ** 20) * 10) / 10);

interface MemorySample {
  minute: number;
  rendererRssMiB: number | null;
  /** Every Chromium process (browser, GPU, utilities too): video memory may sit outside the renderer. */
  chromiumRssMiB: number | null;
  jsHeapAfterGcMiB: number;
  domNodes: number;
}

async function sampleMemory(browser: Browser, cdp: CDPSession, minute: number): Promise<MemorySample> {
  const page = await pageMemoryAfterGc(cdp);
  const rss = await chromiumRssBytes(browser).catch(() => null);
  return { minute: Math.round(minute * 10) / 10, rendererRssMiB: mib(rss?.renderer), chromiumRssMiB: rss ? mib(Object.values(rss).reduce((sum, v) => sum + v, 0)) : null, jsHeapAfterGcMiB: mib(page.jsHeapUsedBytes)!, domNodes: page.domNodes };
}

const growth = (first: number | null | undefined, last: number | null | undefined): number | null =>
  first === null || first === undefined || last === null || last === undefined || first === 0 ? null : Math.round(((last - first) / first) * 1000) / 10;

async function liveObjects(page: Page): Promise<{ videos: number; mediaSources: number }> {
  return { videos: await countLiveObjects(page, 'HTMLVideoElement'), mediaSources: await countLiveObjects(page, 'MediaSource') };
}

interface Cycle {
  droppedAt: number;
  restoredAt: number;
}

/** Each drop read back from the state log: offline while dropped, then live again after the restore. */
async function cycleFigures(page: Page, tileId: string, cycles: Cycle[], startedAt: number) {
  const log = (await cameraStateLog(page)).filter((r) => r.tileId === tileId);
  return cycles.map(({ droppedAt, restoredAt }) => {
    const offline = log.find((r) => r.state === 'offline' && r.at >= droppedAt && r.at <= restoredAt);
    const live = log.find((r) => r.state === 'live' && r.at >= restoredAt);
    return {
      droppedAtSecond: Math.round((droppedAt - startedAt) / 1000),
      downSeconds: Math.round((restoredAt - droppedAt) / 1000),
      offlineAfterMs: offline ? offline.at - droppedAt : null,
      liveAfterRestoreMs: live ? live.at - restoredAt : null,
      recovered: offline !== undefined && live !== undefined,
    };
  });
}

export async function benchCameraSoak(): Promise<Record<string, unknown>> {
  const layout = soakLayout();
  const wall = await startCameraWall({ wallId: WALL, cameraIds: CAMERAS, layouts: [layout], decodeBudget: TILES });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(wall.host.wallUrl(WALL));
    await logCameraStates(page);
    await page.waitForFunction((n) => document.querySelectorAll('main.wall-grid [data-camera-state="live"]').length >= n, TILES, { timeout: 60_000, polling: 200 });
    await page.waitForTimeout(SETTLE_SECONDS * 1000);
    const cdp = await pageSession(page);
    const objectsAtStart = await liveObjects(page);
    const watch = new StuckWatch();
    const startedAt = Date.now();
    const endAt = startedAt + SOAK_MINUTES * 60_000;
    const minuteOf = (): number => (Date.now() - startedAt) / 60_000;
    const samples: MemorySample[] = [await sampleMemory(browser, cdp, 0)];
    const cycles: Cycle[] = [];
    const cpuBefore = cpuSnapshot();
    let nextSample = startedAt + 60_000;
    let nextDrop = startedAt + DROP_SECONDS * 1000;
    let down: number | null = null;
    const restore = (): void => {
      wall.faults.setPlaylistStatus(DROPPED, 200);
      cycles.push({ droppedAt: down!, restoredAt: Date.now() });
      down = null;
    };
    while (Date.now() < endAt) {
      // Wakes for the next check, or sooner for a drop or restore that is due.
      const due = Math.min(endAt, down === null ? nextDrop : down + DOWN_SECONDS * 1000);
      await page.waitForTimeout(Math.max(0, Math.min(CHECK_SECONDS * 1000, due - Date.now())));
      watch.observe(await readTiles(page), Date.now());
      const now = Date.now();
      // A drop that could not be restored before the end is not started: it would count as a failed recovery.
      if (down === null && now >= nextDrop && now + DOWN_SECONDS * 1000 < endAt) {
        wall.faults.setPlaylistStatus(DROPPED, 404);
        down = now;
        nextDrop += DROP_SECONDS * 1000;
        process.stderr.write(`bench: camera-soak ${minuteOf().toFixed(1)} min: ${DROPPED} dropped\n`);
      } else if (down !== null && now >= down + DOWN_SECONDS * 1000) {
        restore();
        process.stderr.write(`bench: camera-soak ${minuteOf().toFixed(1)} min: ${DROPPED} restored\n`);
      }
      if (now >= nextSample) {
        nextSample += 60_000;
        const s = await sampleMemory(browser, cdp, minuteOf());
        samples.push(s);
        const stuck = watch.figures(startedAt);
        process.stderr.write(`bench: camera-soak ${s.minute}/${SOAK_MINUTES} min: renderer RSS ${s.rendererRssMiB} MiB, JS heap ${s.jsHeapAfterGcMiB} MiB, stuck tiles ${stuck.stuckTiles}, drop cycles ${cycles.length}\n`);
      }
    }
    if (down !== null) restore();
    const last = cycles.at(-1);
    if (last) await waitForCameraState(page, DROPPED, 'live', last.restoredAt, RECOVERY_TIMEOUT_MS).catch(() => undefined);
    samples.push(await sampleMemory(browser, cdp, minuteOf()));
    const objectsAtEnd = await liveObjects(page);
    const droppedTile = layout.tiles.find((t) => t.kind === 'camera' && t.cameraId === DROPPED)!.id;
    const each = await cycleFigures(page, droppedTile, cycles, startedAt);
    const first = samples[0]!;
    const end = samples.at(-1)!;
    const result = {
      setup: {
        tiles: TILES,
        minutes: SOAK_MINUTES,
        streams: 'the fault server\'s live HLS (ffmpeg testsrc, 640x360 25 fps, sub stream), one camera per tile, decode budget 16',
        drop: `${DROPPED} (tile ${droppedTile}): its playlists answer 404 for ${DOWN_SECONDS} s every ${DROP_SECONDS} s`,
        stuck: `a tile neither offline nor suspended whose visible video's frame count and position did not move for over ${STUCK_MS / 1000} s, checked every ${CHECK_SECONDS} s`,
        memory: 'renderer: RSS of Chromium\'s renderer processes (/proc; the wall is the only page), JS heap used after a forced GC (CDP); first sample after every tile is live and a 10 s settle',
      },
      memory: {
        samples,
        growthPercent: { rendererRss: growth(first.rendererRssMiB, end.rendererRssMiB), chromiumRss: growth(first.chromiumRssMiB, end.chromiumRssMiB), jsHeapAfterGc: growth(first.jsHeapAfterGcMiB, end.jsHeapAfterGcMiB), domNodes: growth(first.domNodes, end.domNodes) },
        /** Video elements and MediaSources alive after GC: a player torn down but kept shows here. */
        liveObjects: { start: objectsAtStart, end: objectsAtEnd },
      },
      stuck: watch.figures(startedAt),
      dropCycles: {
        cycles: each.length,
        recovered: each.filter((c) => c.recovered).length,
        offlineAfterMs: spread(each.flatMap((c) => (c.offlineAfterMs === null ? [] : [c.offlineAfterMs]))),
        liveAfterRestoreMs: spread(each.flatMap((c) => (c.liveAfterRestoreMs === null ? [] : [c.liveAfterRestoreMs]))),
        each,
      },
      /** Other processes' CPU over the soak, in cores. */
      foreignCores: foreignCores(cpuBefore, cpuSnapshot()),
    };
    process.stderr.write(`bench: camera-soak done: renderer RSS ${first.rendererRssMiB} → ${end.rendererRssMiB} MiB (${result.memory.growthPercent.rendererRss} %), JS heap ${first.jsHeapAfterGcMiB} → ${end.jsHeapAfterGcMiB} MiB, stuck tiles ${result.stuck.stuckTiles}, ${result.dropCycles.recovered}/${result.dropCycles.cycles} drops recovered\n`);
    return result;
  } finally {
    await browser.close();
    await wall.stop();
  }
}

// Preset switch figures: the console's `preset.apply` (sent over the host's console bridge, as the
// operator-keys bench does) → every tile whose camera changed shows a picture of its new camera on
// the IOC wall, against the plain hls.js page swapping the same tiles to the same streams (destroy,
// new Hls, loadSource, attachMedia) → the first frame of every swapped tile. "Picture on screen" is
// the first frame the new video presents while visible in its tile (requestVideoFrameCallback, the
// page probe's record); IOC's data-camera-state="live" is reported beside it. Both pages take turns
// in blocks in one browser, each block on a fresh page.
import type { Browser, Page } from '@playwright/test';
import type { BridgeClient } from '../../test/helpers/bridge-client';
import type { BrowserHost } from '../../test/helpers/browser-host';
import { CAMERA_PAGE_PROBE, waitFirstFrames, type VideoRecord } from './camera-page-probe';
import { FIRST_FRAME_TIMEOUT_MS, spread } from './camera-grid-page';
import { cameraStateLog, logCameraStates } from './camera-state-log';
import type { SwitchSet } from './camera-grid-layouts';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { epochNow, pageClockOffset } from './page-clock';
import type { PlainGridServer } from './plain-grid-server';

export const SWITCHES = Math.max(2, Number(process.env.BENCH_SWITCHES ?? 10));
/** Each side's switches come in this many blocks, the sides taking turns. */
const BLOCKS = 2;
/**
 * Between switches: longer than the player pool keeps a parked player (CAMERA_PARK_GRACE_MS, 1.5 s),
 * so switching back starts the cameras again instead of picking up the players just let go.
 */
const PAUSE_MS = 3000;
const SWITCH_TIMEOUT_MS = FIRST_FRAME_TIMEOUT_MS;

/** One switch: ms from the command (or swap call) to each changed tile's first new frame; null: none in time. */
interface Switch {
  tileFrameMs: Array<number | null>;
  /** IOC only: to each changed tile's data-camera-state="live" for its new camera. */
  tileLiveMs?: Array<number | null>;
}

interface Block {
  switches: Switch[];
  foreignCores: number | null;
}

interface TileReading {
  cameraId: string | null;
  /** Epoch ms (the page's clock) of the first frame of a video created after the switch, or null. */
  frameAt: number | null;
}

/** The new layout's changed tiles on the IOC wall: camera and first frame of a video made after `since` (page epoch ms). */
function readIocTiles(page: Page, tileIds: string[], since: number): Promise<TileReading[]> {
  return page.evaluate(
    ({ tileIds, since }) =>
      tileIds.map((id) => {
        const tile = document.querySelector(`main.wall-grid [data-tile-id="${id}"]`);
        const frames = [...(tile?.querySelectorAll('video') ?? [])]
          .map((v) => (v as HTMLVideoElement & { __benchRec?: VideoRecord }).__benchRec)
          .filter((r) => r !== undefined && performance.timeOrigin + r.created >= since && r.firstFrame !== null)
          .map((r) => performance.timeOrigin + r!.firstFrame!);
        return { cameraId: tile?.querySelector('[data-camera-id]')?.getAttribute('data-camera-id') ?? null, frameAt: frames.length ? Math.min(...frames) : null };
      }),
    { tileIds, since },
  );
}

/** One block of switches on a fresh IOC wall page that opens on layout A. */
async function iocBlock(browser: Browser, host: BrowserHost, bridge: BridgeClient, set: SwitchSet, count: number): Promise<Block> {
  await bridge.command('preset.apply', { presetId: set.presets[0].id });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.addInitScript(CAMERA_PAGE_PROBE);
    await page.goto(host.wallUrl(set.wall.id));
    await waitFirstFrames(page, set.n, FIRST_FRAME_TIMEOUT_MS);
    await logCameraStates(page);
    const { offsetMs } = await pageClockOffset(page);
    const cpuBefore = cpuSnapshot();
    const switches: Switch[] = [];
    for (let k = 0; k < count; k += 1) {
      const target = (k + 1) % 2;
      const layout = set.layouts[target]!;
      const tileIds = set.changed.map((i) => layout.tiles[i]!.id);
      const cameras = set.changed.map((i) => (layout.tiles[i] as { cameraId: string }).cameraId);
      await page.waitForTimeout(PAUSE_MS);
      const sentAt = epochNow();
      const sentAtDate = Date.now();
      await bridge.command('preset.apply', { presetId: set.presets[target]!.id });
      const since = sentAt + offsetMs;
      await page
        .waitForFunction(
          ({ tileIds, since }) =>
            tileIds.every((id) =>
              [...(document.querySelector(`main.wall-grid [data-tile-id="${id}"]`)?.querySelectorAll('video') ?? [])].some((v) => {
                const r = (v as HTMLVideoElement & { __benchRec?: VideoRecord }).__benchRec;
                return r !== undefined && r.firstFrame !== null && performance.timeOrigin + r.created >= since;
              }),
            ),
          { tileIds, since },
          { timeout: SWITCH_TIMEOUT_MS, polling: 50 },
        )
        .catch(() => undefined);
      const tiles = await readIocTiles(page, tileIds, since);
      // A tile without its new camera has no picture of it: that switch counts as incomplete, not as timed.
      const wrong = tiles.flatMap((t, i) => (t.cameraId === cameras[i] ? [] : [`${tileIds[i]} shows ${t.cameraId}`]));
      if (wrong.length) process.stderr.write(`bench: camera-grid preset switch to ${layout.id}: ${wrong.join(', ')}\n`);
      // The live state may trail the first frame (the player samples frames): wait for it a little too.
      await page.waitForFunction(({ tileIds, at }) => tileIds.every((id) => (window.__cameraStates ?? []).some((r) => r.tileId === id && r.state === 'live' && r.at >= at)), { tileIds, at: sentAtDate }, { timeout: 10_000, polling: 50 }).catch(() => undefined);
      const states = await cameraStateLog(page);
      switches.push({
        tileFrameMs: tiles.map((t, i) => (t.frameAt === null || t.cameraId !== cameras[i] ? null : t.frameAt - since)),
        tileLiveMs: tileIds.map((id) => {
          const live = states.find((r) => r.tileId === id && r.state === 'live' && r.at >= sentAtDate);
          return live ? live.at - sentAtDate : null;
        }),
      });
    }
    return { switches, foreignCores: foreignCores(cpuBefore, cpuSnapshot()) };
  } finally {
    await page.close();
  }
}

interface SwapWindow {
  __swap(urls: string[]): { at: number; changed: number[] };
  __swapFrames(): Array<number | null>;
}

/** One block of swaps on a fresh plain page that opens on A's streams. */
async function plainBlock(browser: Browser, plain: PlainGridServer, hubUrl: string, set: SwitchSet, count: number): Promise<Block> {
  const urls = set.urls(hubUrl);
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.addInitScript(CAMERA_PAGE_PROBE);
    await page.goto(plain.pageUrl(urls[0]));
    await waitFirstFrames(page, set.n, FIRST_FRAME_TIMEOUT_MS);
    const cpuBefore = cpuSnapshot();
    const switches: Switch[] = [];
    for (let k = 0; k < count; k += 1) {
      await page.waitForTimeout(PAUSE_MS);
      const { at, changed } = await page.evaluate((next) => (window as unknown as SwapWindow).__swap(next), urls[(k + 1) % 2]!);
      if (changed.join() !== set.changed.join()) throw new Error(`plain swap changed tiles ${changed.join()}, IOC changes ${set.changed.join()}`);
      await page
        .waitForFunction((tiles) => tiles.every((i) => (window as unknown as SwapWindow).__swapFrames()[i] !== null), changed, { timeout: SWITCH_TIMEOUT_MS, polling: 50 })
        .catch(() => undefined);
      const frames = await page.evaluate(() => (window as unknown as SwapWindow).__swapFrames());
      switches.push({ tileFrameMs: changed.map((i) => (frames[i] === null || frames[i] === undefined ? null : frames[i]! - at)) });
    }
    return { switches, foreignCores: foreignCores(cpuBefore, cpuSnapshot()) };
  } finally {
    await page.close();
  }
}

const round = (v: number): number => Math.round(v);

/** A side's switches reduced: per switch the last changed tile (the wall is ready when all are). */
function switchFigures(blocks: Block[], withLive: boolean) {
  const switches = blocks.flatMap((b) => b.switches);
  const complete = (values: Array<number | null>): values is number[] => values.every((v) => v !== null);
  const lastFrame = switches.flatMap((s) => (complete(s.tileFrameMs) ? [round(Math.max(...s.tileFrameMs))] : []));
  const lastLive = switches.flatMap((s) => (s.tileLiveMs && complete(s.tileLiveMs) ? [round(Math.max(...s.tileLiveMs))] : []));
  return {
    switches: switches.length,
    /** Switches where some changed tile showed no new frame within the timeout. */
    incomplete: switches.length - lastFrame.length,
    toLastNewTileFrameMs: spread(lastFrame),
    /** Every changed tile of every switch, each on its own. */
    perTileFrameMs: spread(switches.flatMap((s) => s.tileFrameMs.filter((v): v is number => v !== null).map(round))),
    ...(withLive ? { toLastNewTileLiveStateMs: spread(lastLive) } : {}),
    /** Other processes' CPU during each block, in cores. */
    foreignCoresPerBlock: blocks.map((b) => b.foreignCores),
  };
}

export type SwitchFigures = ReturnType<typeof switchFigures>;

export interface SwitchRig {
  browser: Browser;
  host: BrowserHost;
  bridge: BridgeClient;
  plain: PlainGridServer;
  hubUrl: string;
}

/** SWITCHES switches per side in BLOCKS blocks, IOC and the plain page taking turns (the order alternates). */
export async function measureSwitches(rig: SwitchRig, set: SwitchSet): Promise<{ iocWall: SwitchFigures; plainHlsJs: SwitchFigures }> {
  const ioc: Block[] = [];
  const plain: Block[] = [];
  for (let b = 0; b < BLOCKS; b += 1) {
    const count = Math.floor(SWITCHES / BLOCKS) + (b < SWITCHES % BLOCKS ? 1 : 0);
    const runIoc = async (): Promise<void> => void ioc.push(await iocBlock(rig.browser, rig.host, rig.bridge, set, count));
    const runPlain = async (): Promise<void> => void plain.push(await plainBlock(rig.browser, rig.plain, rig.hubUrl, set, count));
    if (b % 2 === 0) await runIoc().then(runPlain);
    else await runPlain().then(runIoc);
  }
  return { iocWall: switchFigures(ioc, true), plainHlsJs: switchFigures(plain, false) };
}

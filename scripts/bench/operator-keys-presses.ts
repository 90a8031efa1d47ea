// The operator-keys bench's timed presses: Ctrl+Alt+n in the console page until every wall painted
// its new layout, gathered in blocks, so that two set-ups (layouts kept ready or not) take turns.
import type { Browser } from '@playwright/test';
import type { BrowserHost } from '../../test/helpers/browser-host';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { WALL_IDS } from './operator-keys-config';
import { press, type Pages, type Press } from './operator-keys-pages';
import { percentile } from './percentile';
import { chromiumCpuMs, cpuMs, pageThreadCpuMs } from './process-figures';

export const GOAL_P99_MS = 50;

export const round = (v: number): number => Math.round(v * 10) / 10;
const spread = (values: number[]) => ({ p50: percentile(values, 50), p90: percentile(values, 90), p99: percentile(values, 99), max: percentile(values, 100) });

/** One set-up under test: its own host and Chromium, the console and three walls open in it. */
export interface Rig {
  host: BrowserHost;
  browser: Browser;
  pages: Pages;
}

/** CPU time used so far, in ms: the host process, Chromium's processes by type, each page's main thread. */
export async function cpuNow(host: BrowserHost, browser: Browser, pages: Pages): Promise<Record<string, number>> {
  const chromium = await chromiumCpuMs(browser);
  const threads = await Promise.all(pages.sessions.map(async ({ name, cdp }) => [`${name}MainThread`, await pageThreadCpuMs(cdp)] as const));
  return { host: cpuMs(host.pid) ?? NaN, ...Object.fromEntries(Object.entries(chromium).map(([type, ms]) => [`chromium ${type}`, ms])), ...Object.fromEntries(threads) };
}

/** CPU ms per press between two readings (Chromium's process types include the pages' main threads). */
export function cpuPer(before: Record<string, number>, after: Record<string, number>, count: number): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, round((after[k]! - (before[k] ?? 0)) / count)]));
}

/** Per press, the figure is the last wall's: the time until all three walls show the new layout. */
function pressFigures(presses: Press[]) {
  const last = (p: Press, read: (m: Press['walls'][number]) => number | null): number => Math.max(...p.walls.map((m) => read(m) ?? NaN)) - p.at;
  const painted = presses.map((p) => last(p, (m) => m.painted));
  return {
    presses: presses.length,
    keyToLastWallPaintedMs: spread(painted),
    pressesOverGoal: painted.filter((v) => v > GOAL_P99_MS).length,
    /** The stages of the last wall: wall:view reached it (the host's part ends), its DOM changed, its next frame started. */
    keyToLastViewArrivedMs: spread(presses.map((p) => last(p, (m) => m.view))),
    keyToLastWallDomMs: spread(presses.map((p) => last(p, (m) => m.dom))),
    keyToLastWallFrameMs: spread(presses.map((p) => last(p, (m) => m.frame))),
    perWallPaintedMs: Object.fromEntries(WALL_IDS.map((id, i) => [id, spread(presses.map((p) => p.walls[i]!.painted - p.at))])),
    /** Last wall painted minus first wall painted, per press. */
    wallSpreadMs: spread(presses.map((p) => Math.max(...p.walls.map((m) => m.painted)) - Math.min(...p.walls.map((m) => m.painted)))),
    keyToConsolePaintedMs: spread(presses.map((p) => p.console.painted - p.at)),
  };
}

/** Presses of one kind for one set-up, gathered over several blocks (each on a fresh rig). */
export class PressSeries {
  private readonly presses: Press[] = [];
  private readonly cpu: Record<string, number> = {};
  private readonly foreign: Array<number | null> = [];
  private ms = 0;
  private next = 0;

  /** `keys`: the preset numbers pressed in turn. */
  constructor(private readonly keys: readonly number[]) {}

  /** Presses without measuring (the first showing of each layout loads the chart chunk, warms the JIT). */
  async warmUp({ pages }: Rig, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) await press(pages, this.nextKey());
  }

  async block({ host, browser, pages }: Rig, count: number): Promise<void> {
    const noiseBefore = cpuSnapshot();
    const before = await cpuNow(host, browser, pages);
    const started = Date.now();
    for (let i = 0; i < count; i += 1) this.presses.push(await press(pages, this.nextKey()));
    this.ms += Date.now() - started;
    const after = await cpuNow(host, browser, pages);
    for (const key of Object.keys(after)) this.cpu[key] = (this.cpu[key] ?? 0) + after[key]! - (before[key] ?? 0);
    this.foreign.push(foreignCores(noiseBefore, cpuSnapshot()));
  }

  figures() {
    return {
      ...pressFigures(this.presses),
      seconds: round(this.ms / 1000),
      /** Other processes' CPU during each block, in cores. */
      foreignCoresPerBlock: this.foreign,
      cpuMsPerPress: cpuPer({}, this.cpu, this.presses.length),
    };
  }

  private nextKey(): number {
    const key = this.keys[this.next % this.keys.length]!;
    this.next += 1;
    return key;
  }
}

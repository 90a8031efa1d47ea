// The operator-keys bench's memory run: 1,000 more preset switches through the bridge while the
// console and the walls stay open, sampling each page's heap, the host's heap and RSS after GC.
import { consoleBridge } from '../../test/helpers/bridge-client';
import type { BrowserHost } from '../../test/helpers/browser-host';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { PRESETS } from './operator-keys-config';
import type { Pages } from './operator-keys-pages';
import { cpuNow, cpuPer, round, type Rig } from './operator-keys-presses';
import { eventCount, settled, waitEventCount } from './operator-keys-probe';
import { connectNodeInspector, pageMemoryAfterGc, rssBytes, slope, type NodeInspector, type PageMemory } from './process-figures';

export const SWITCHES = Number(process.env.BENCH_KEY_SWITCHES ?? 1000);
export const SAMPLES = 4;
/** Switches sent ahead of the slowest wall during the memory run. */
export const IN_FLIGHT = 20;

interface MemorySample {
  switches: number;
  hostRssBytes: number | null;
  hostHeapBytes: number | null;
  pages: Record<string, PageMemory>;
}

async function sampleMemory(switches: number, host: BrowserHost, inspector: NodeInspector | null, pages: Pages): Promise<MemorySample> {
  const pageMemory = await Promise.all(pages.sessions.map(async ({ name, cdp }) => [name, await pageMemoryAfterGc(cdp)] as const));
  const hostHeapBytes = inspector ? await inspector.heapUsedAfterGc() : null;
  return { switches, hostRssBytes: rssBytes(host.pid), hostHeapBytes, pages: Object.fromEntries(pageMemory) };
}

/**
 * Waits until each wall has received `views[i]` wall:views and the console `operatorStates`
 * operator:states, every page painted after working through them, and checks what the walls show.
 */
async function caughtUp(pages: Pages, views: number[], operatorStates: number, presetIndex: number): Promise<void> {
  await Promise.all([...pages.walls.map((w, i) => waitEventCount(w.page, 'wall:view', views[i]!)), waitEventCount(pages.console, 'operator:state', operatorStates)]);
  await Promise.all([pages.console, ...pages.walls.map((w) => w.page)].map(settled));
  const preset = PRESETS[presetIndex]!;
  for (const { id, page } of pages.walls) {
    const shown = await page.evaluate(() => document.querySelector('main.wall-grid')?.getAttribute('data-layout-id'));
    if (shown !== preset.layouts[id]) throw new Error(`wall ${id} shows ${shown}, not ${preset.layouts[id]}`);
  }
}

/**
 * 1,000 more switches through the bridge, sent while the slowest wall is at most IN_FLIGHT views
 * behind: the walls render every view back to back (about twice as fast as waiting for each one),
 * and never hold a backlog long enough to miss socket.io's pings (a wall 250 views behind was
 * dropped by the host and resynced, skipping the rest). Memory is sampled after GC every quarter,
 * once every page has caught up and painted.
 */
export async function memoryRun({ host, browser, pages }: Rig) {
  const inspector = await connectNodeInspector(host.output()).catch((error: unknown) => {
    process.stderr.write(`bench: operator-keys: no host heap figures: ${String(error)}\n`);
    return null;
  });
  const bridge = await consoleBridge(host);
  try {
    const every = Math.max(1, Math.round(SWITCHES / SAMPLES));
    // The bridge is a console too: it hears every operator:state the console page does. Counted from
    // after the first sample, when the state its own arrival caused has long reached both.
    let operatorStates = 0;
    bridge.socket.on('operator:state', () => (operatorStates += 1));
    const samples: MemorySample[] = [await sampleMemory(0, host, inspector, pages)];
    const base = await Promise.all(pages.walls.map((w) => eventCount(w.page, 'wall:view')));
    const consoleBase = await eventCount(pages.console, 'operator:state');
    operatorStates = 0;
    const cpuBefore = cpuSnapshot();
    const countersBefore = await cpuNow(host, browser, pages);
    const started = Date.now();
    let busy = 0;
    for (let i = 1; i <= SWITCHES; i += 1) {
      // Checked every tenth switch: asking a page costs a turn of its busy main thread.
      if (i > IN_FLIGHT && i % 10 === 0) await Promise.all(pages.walls.map((w, k) => waitEventCount(w.page, 'wall:view', base[k]! + i - IN_FLIGHT)));
      await bridge.command('preset.apply', { presetId: PRESETS[(i - 1) % 2]!.id });
      if (i % every !== 0 && i !== SWITCHES) continue;
      const sentAt = Date.now();
      await caughtUp(pages, base.map((n) => n + i), consoleBase + operatorStates, (i - 1) % 2);
      const waited = Date.now() - sentAt;
      busy += waited;
      samples.push(await sampleMemory(i, host, inspector, pages));
      process.stderr.write(`bench: operator-keys: ${i}/${SWITCHES} switches, every page caught up ${round(waited / 1000)} s after the last\n`);
    }
    const seconds = (Date.now() - started) / 1000;
    const cpu = cpuPer(countersBefore, await cpuNow(host, browser, pages), SWITCHES);
    const series = (read: (s: MemorySample) => number | null): Array<number | null> => samples.map(read);
    const slopeOf = (read: (s: MemorySample) => number | null): number | null => slope(samples.flatMap((s) => (read(s) === null ? [] : [{ x: s.switches, y: read(s)! }])));
    return {
      switches: SWITCHES,
      sampledAt: samples.map((s) => s.switches),
      seconds: round(seconds),
      /** Of which: waiting, after the last switch of each quarter, for every page to catch up. */
      catchUpSeconds: round(busy / 1000),
      foreignCores: foreignCores(cpuBefore, cpuSnapshot()),
      cpuMsPerSwitch: cpu,
      host: {
        rssBytes: series((s) => s.hostRssBytes),
        v8HeapAfterGcBytes: series((s) => s.hostHeapBytes),
        slopeBytesPerSwitch: { rss: slopeOf((s) => s.hostRssBytes), v8Heap: slopeOf((s) => s.hostHeapBytes) },
      },
      pages: Object.fromEntries(
        pages.sessions.map(({ name }) => [
          name,
          {
            jsHeapAfterGcBytes: series((s) => s.pages[name]!.jsHeapUsedBytes),
            domNodes: series((s) => s.pages[name]!.domNodes),
            jsEventListeners: series((s) => s.pages[name]!.jsEventListeners),
            slopeBytesPerSwitch: slopeOf((s) => s.pages[name]!.jsHeapUsedBytes),
          },
        ]),
      ),
    };
  } finally {
    bridge.close();
    inspector?.close();
  }
}


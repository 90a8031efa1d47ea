// Where a camera wall's first second goes (lab tool, not part of `npm run bench`): one load of the
// IOC wall or the plain grid under Chromium tracing, reduced to CPU time per thread and per kind of
// main-thread work in the windows of the boot timeline (camera-page-probe.ts).
// Usage: tsx scripts/bench/camera-trace.ts ioc|plain [tiles]   (LAB_HLS_CONFIG='{"enableWorker":false}')
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Wall } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startBrowserHost } from '../../test/helpers/browser-host';
import { startHubProcess } from '../../test/helpers/hub-process';
import { cameraLayout, streamUrls } from './camera-grid-layouts';
import { CAMERA_PAGE_PROBE, readRecords, timelineOf, waitFirstFrames, scriptsOf } from './camera-page-probe';
import { startPlainGridServer } from './plain-grid-server';

const TOKEN = 'trace-camera-token';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'toplevel', 'v8', 'media', 'loading'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** Main-thread work classes, by trace event name. */
function classOf(name: string): string {
  if (/^(EvaluateScript|v8\.compile|v8\.compileModule|v8\.evaluateModule|CompileScript|CompileCode|v8\.parseOnBackground|ScriptCompiler)/.test(name)) return 'script load/compile';
  if (/GC|Scavenge|MarkCompact/.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|Layout|RecalculateStyles|ParseAuthorStyleSheet|HitTest|IntersectionObserverController)/.test(name)) return 'style/layout';
  if (/^(Paint|PaintImage|RasterTask|Decode|CompositeLayers|UpdateLayer|UpdateLayerTree|PrePaint|Commit|Layerize)/.test(name)) return 'paint/composite';
  if (/^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|XHRReadyStateChange|XHRLoad|v8\.callFunction|RunMicrotasks|V8\.Execute|ResourceReceivedData)/.test(name)) return 'js';
  if (/^ParseHTML/.test(name)) return 'html';
  return 'other';
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** JS self time in [lo, hi) µs by script and function (V8 sampling profile, same clock as the trace). */
function jsSelf(profile: CpuProfile, lo: number, hi: number): Record<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const next = t + (profile.timeDeltas[i + 1] ?? 0);
    if (t < lo || t >= hi) return;
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    const file = frame.url.replace(/^.*\//, '') || '-';
    const key = frame.functionName.startsWith("(") ? frame.functionName : process.env.LAB_BY_FUNCTION ? `${file}:${frame.functionName || "anon"}:${frame.lineNumber}` : file;
    totals.set(key, (totals.get(key) ?? 0) + (next - t) / 1000);
  });
  return Object.fromEntries([...totals].filter(([, v]) => v >= 3).sort((x, y) => y[1] - x[1]).slice(0, process.env.LAB_BY_FUNCTION ? 25 : 12).map(([k, v]) => [k, Math.round(v)]));
}

async function main(): Promise<void> {
  const which = process.argv[2] === 'plain' ? 'plain' : 'ioc';
  const n = Number(process.argv[3] ?? 16);
  const work = mkdtempSync(join(tmpdir(), 'ioc-trace-'));
  const hub = await startHubProcess([`--db=${join(work, 'hub.db')}`, '--port=0', `--token=${TOKEN}`]);
  const layout = cameraLayout(n);
  const wall: Wall = { id: layout.id, name: layout.name, layoutId: layout.id };
  const host = await startBrowserHost({ hub: { url: hub.url, token: TOKEN }, layouts: [layout], walls: [wall] });
  const plain = await startPlainGridServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const tracePath = join(work, 'trace.json');
  try {
    // Chromium's first seconds load its own WebUI (the omnibox popup) in a renderer of its own:
    // let that pass before tracing, as the bench's warm-up load does.
    await (await browser.newPage()).close();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(`${CAMERA_PAGE_PROBE};performance.mark('bench-t0');`);
    const hlsConfig = process.env.LAB_HLS_CONFIG ? (JSON.parse(process.env.LAB_HLS_CONFIG) as object) : undefined;
    const url = which === 'ioc' ? host.wallUrl(layout.id) : plain.pageUrl(streamUrls(hub.url, n), hlsConfig);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await browser.startTracing(page, { path: tracePath, categories: CATEGORIES });
    await page.goto(url);
    await waitFirstFrames(page, n, 30_000);
    await page.waitForTimeout(200);
    await browser.stopTracing();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const records = await readRecords(page);
    if (process.env.LAB_RESOURCES)
      console.error(JSON.stringify(await page.evaluate(() => performance.getEntriesByType('resource').slice(0, 24).map((e) => [(e as PerformanceResourceTiming).name.replace(/^https?:\/\/[^/]+/, '').slice(0, 48), Math.round(e.startTime), Math.round((e as PerformanceResourceTiming).responseStart), Math.round((e as PerformanceResourceTiming).responseEnd)]))));
    const t0 = await page.evaluate(() => performance.getEntriesByName('bench-t0')[0]?.startTime ?? 0);
    await page.close();
    const timeline = timelineOf(records, n);
    const events = (JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const mark = events.find((e) => e.name === 'bench-t0');
    if (!mark) throw new Error('no bench-t0 mark in the trace');
    // Page clock (ms from navigation) to trace clock (µs).
    const toTrace = (ms: number): number => mark.ts + (ms - t0) * 1000;
    const threadNames = new Map<string, string>();
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name').forEach((e) => threadNames.set(`${e.pid}:${e.tid}`, String(e.args?.name)));
    const main = [...threadNames].find(([key, name]) => name === 'CrRendererMain' && key.startsWith(`${mark.pid}:`))?.[0];
    const windows: Array<[string, number, number]> = [];
    const points = (which === 'ioc' ? ['scriptsLoaded', 'wallCommit', 'videoCreated', 'segmentLoaded', 'firstFrame'] : ['scriptsLoaded', 'videoCreated', 'segmentLoaded', 'firstFrame']).map((k) => [k, timeline[k] ?? null] as const);
    let from = 0;
    let fromName = 'navigation';
    for (const [name, at] of points) {
      if (at === null || at <= from) continue;
      windows.push([`${fromName}→${name}`, from, at]);
      from = at;
      fromName = name;
    }
    const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
    const tasks = complete.filter((e) => /^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask)$/.test(e.name)).sort((x, y) => x.ts - y.ts || y.dur! - x.dur!);
    const report: Record<string, unknown> = { page: which, tiles: n, timeline, scripts: scriptsOf(records), invokes: records.invokes };
    for (const [label, a, b] of windows) {
      const lo = toTrace(a);
      const hi = toTrace(b);
      // CPU per thread: outermost tasks only (nested RunTask events would count twice), clipped to the window.
      const perThread: Record<string, number> = {};
      const openUntil = new Map<string, number>();
      for (const e of tasks) {
        const thread = `${e.pid}:${e.tid}`;
        if (e.ts < (openUntil.get(thread) ?? 0)) continue;
        openUntil.set(thread, e.ts + e.dur!);
        const overlap = Math.min(e.ts + e.dur!, hi) - Math.max(e.ts, lo);
        if (overlap <= 0) continue;
        const key = `${e.pid === mark.pid ? 'renderer' : `pid${e.pid}`}:${threadNames.get(thread) ?? e.tid}`;
        perThread[key] = (perThread[key] ?? 0) + overlap / 1000;
      }
      // Main thread by kind of work: each event's self time, from the nesting of complete events.
      const byClass: Record<string, number> = {};
      const mainEvents = complete.filter((e) => `${e.pid}:${e.tid}` === main && e.ts < hi && e.ts + e.dur! > lo).sort((x, y) => x.ts - y.ts || y.dur! - x.dur!);
      const stack: TraceEvent[] = [];
      const self = new Map<TraceEvent, number>();
      for (const e of mainEvents) {
        while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
        const parent = stack[stack.length - 1];
        const clipped = Math.min(e.ts + e.dur!, hi) - Math.max(e.ts, lo);
        self.set(e, (self.get(e) ?? 0) + clipped);
        if (parent) self.set(parent, (self.get(parent) ?? 0) - clipped);
        stack.push(e);
      }
      self.forEach((us, e) => {
        if (/^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name)) return;
        const c = classOf(e.name);
        byClass[c] = (byClass[c] ?? 0) + us / 1000;
      });
      const round = (o: Record<string, number>): Record<string, number> =>
        Object.fromEntries(Object.entries(o).filter(([, v]) => v >= 5).sort((x, y) => y[1] - x[1]).map(([k, v]) => [k, Math.round(v)]));
      report[label] = { ms: Math.round(b - a), cpuByThread: round(perThread), mainThreadByKind: round(byClass), jsSelfMs: jsSelf(profile, lo, hi) };
    }
    writeFileSync(join(work, 'report.json'), JSON.stringify(report, null, 2));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\ntrace: ${tracePath}\n`);
  } finally {
    await browser.close();
    await plain.stop();
    await host.stop();
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`trace failed: ${String(error)}\n`);
  process.exit(1);
});

// Memory and CPU time of the processes a bench drives: a Node process read from outside (/proc, and
// its V8 heap through the inspector it was started with), Chromium's processes and pages over CDP.
// Memory is read after a full garbage collection, so a sample shows what is kept, not what is not
// yet freed. CPU time, unlike wall time, does not grow when other work on the machine delays it.
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';
import WebSocket from 'ws';
import { procStat } from './cpu-noise';

/** Resident memory of a process in bytes (Linux /proc), or null. */
export function rssBytes(pid: number): number | null {
  try {
    const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}

/** CPU time a process used so far (user + system), in ms (Linux /proc), or null. */
export function cpuMs(pid: number): number | null {
  const stat = procStat(pid);
  // Clock ticks are 1/100 s on Linux.
  return stat === null ? null : stat.ticks * 10;
}

/** A Node process's inspector, for its V8 heap (started with --inspect=127.0.0.1:0). */
export interface NodeInspector {
  /** V8 heap in use after a full GC, in bytes. */
  heapUsedAfterGc(): Promise<number>;
  /** V8 heap in use now, garbage included (no GC forced: a sample that does not disturb the process), in bytes. */
  heapUsed(): Promise<number>;
  close(): void;
}

/** Connects to the inspector whose "Debugger listening on ws://…" line is in `output`. */
export async function connectNodeInspector(output: string): Promise<NodeInspector> {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error('the process printed no inspector address (started without --inspect?)');
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result ?? {});
  });
  const send = (method: string, params: object = {}): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    heapUsedAfterGc: async () => {
      await send('HeapProfiler.collectGarbage');
      return Number((await send('Runtime.getHeapUsage')).usedSize);
    },
    heapUsed: async () => Number((await send('Runtime.getHeapUsage')).usedSize),
    close: () => socket.close(),
  };
}

export interface PageMemory {
  jsHeapUsedBytes: number;
  domNodes: number;
  jsEventListeners: number;
}

/** A page's CDP session with the Performance domain on, for heap samples and main-thread CPU time. */
export async function pageSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  return new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
}

/** The page's JS heap in use after a full GC, with its DOM nodes and listeners (a leak shows in one of them). */
export async function pageMemoryAfterGc(cdp: CDPSession): Promise<PageMemory> {
  await cdp.send('HeapProfiler.collectGarbage');
  const m = await metrics(cdp);
  return { jsHeapUsedBytes: m.get('JSHeapUsedSize') ?? 0, domNodes: m.get('Nodes') ?? 0, jsEventListeners: m.get('JSEventListeners') ?? 0 };
}

/** CPU time the page's main thread used so far (CDP ThreadTime), in ms. */
export async function pageThreadCpuMs(cdp: CDPSession): Promise<number> {
  return ((await metrics(cdp)).get('ThreadTime') ?? 0) * 1000;
}

/**
 * Wall time the page's main thread spent running tasks so far (CDP TaskDuration), in ms: over a
 * window, its share of the window is how busy the thread was, time it waited for a core included.
 */
export async function pageTaskMs(cdp: CDPSession): Promise<number> {
  return ((await metrics(cdp)).get('TaskDuration') ?? 0) * 1000;
}

/** CPU time Chromium's processes used so far, in ms, summed by process type (browser, GPU, renderer, utility). */
export async function chromiumCpuMs(browser: Browser): Promise<Record<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; cpuTime: number }> };
    const byType: Record<string, number> = {};
    for (const p of processInfo) byType[p.type] = (byType[p.type] ?? 0) + p.cpuTime * 1000;
    return byType;
  } finally {
    await cdp.detach();
  }
}

/** Resident memory of Chromium's processes in bytes, summed by process type (browser, GPU, renderer, utility services; Linux /proc). */
export async function chromiumRssBytes(browser: Browser): Promise<Record<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
    const byType: Record<string, number> = {};
    for (const p of processInfo) byType[p.type] = (byType[p.type] ?? 0) + (rssBytes(p.id) ?? 0);
    return byType;
  } finally {
    await cdp.detach();
  }
}

/** Least-squares slope of y over x: bytes per switch for memory samples. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number | null {
  if (points.length < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return Math.round((points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx) * 10) / 10;
}

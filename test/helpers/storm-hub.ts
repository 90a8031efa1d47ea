import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KpiPoint } from '../../src-shared/domain';
import { TEST_DEPARTMENTS, WALL_TOKEN, validRecord } from './hub-fixtures';
import { startHubProcess, type HubProcess } from './hub-process';
import { ingestOrThrow } from './ingest';

/** The built hub as its own process for the storm and flood tests: its memory is measured apart from the walls'. */

const IOC = TEST_DEPARTMENTS.ioc;

/** Resident memory of a process now, in bytes (Linux /proc). */
export function rssOf(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) * 1024;
}

/** Samples a process's resident memory every 50 ms until stop(), which resolves with the peak in bytes. */
export function peakRss(pid: number): { stop(): number } {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssOf(pid));
    } catch {
      // The process is gone: the test says so on its own.
    }
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

let serial = 0;
/** `count` retained KPI points: 100 per district series, so none is evicted. */
export function kpiPoints(count: number): KpiPoint[] {
  return Array.from({ length: count }, (_, i) => ({ ...validRecord('kpi', 0), value: (serial += 1), district: `Phường ${Math.floor(i / 100)}` }));
}

/** A hub process on a fresh database in `dir`, holding `messages` retained messages. */
export async function startStormHub(dir: string, name: string, messages: number): Promise<HubProcess> {
  const config = join(dir, `${name}.json`);
  writeFileSync(config, JSON.stringify({ port: 0, dbPath: `${name}.db`, wallTokens: [WALL_TOKEN], departments: [IOC] }));
  const hub = await startHubProcess([`--config=${config}`]);
  const alerts = Array.from({ length: 50 }, (_, i) => validRecord('alert', i));
  await ingestOrThrow(hub.url, IOC.apiKey, 'alert', alerts);
  const points = kpiPoints(messages - alerts.length);
  for (let i = 0; i < points.length; i += 5000) await ingestOrThrow(hub.url, IOC.apiKey, 'kpi', points.slice(i, i + 5000));
  return hub;
}

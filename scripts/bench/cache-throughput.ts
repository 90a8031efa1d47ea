// Wall cache figures (issue 3): how many hub updates per second the wall's SQLite cache takes in its
// real configuration (WAL, batched transactions, evictions mirrored), and how long reopening takes.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hubMessageSchema, type HubMessage } from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';
import { openWallCache } from '../../src-main/cache/open-wall-cache';
import { createMemoryLogger } from '../../src-shared/node/log';

const UPDATES = Number(process.env.BENCH_CACHE_UPDATES ?? 200_000);
const KPI_SERIES = 200;

/** A realistic mix: mostly KPI points over many series, some alerts and station readings. */
function makeStream(count: number): HubMessage[] {
  const base = Date.now() - count;
  return Array.from({ length: count }, (_, i): HubMessage => {
    const seq = i + 1;
    const time = new Date(base + i).toISOString();
    if (i % 20 === 0) {
      return { topic: 'alert', seq, time, payload: { id: `a-${i % 400}`, time, severity: 'warning', subsystem: 'environment', category: 'ngap-nuoc', text: `Ngập nước cục bộ ${i}`, location: { district: 'TP. Vũng Tàu' }, status: 'open' } };
    }
    if (i % 7 === 0) {
      return { topic: 'environment', seq, time, payload: { stationId: `st-${i % 12}`, stationName: `Trạm ${i % 12}`, district: 'TX. Phú Mỹ', time, aqi: i % 300, pm25: (i % 900) / 10 } };
    }
    return { topic: 'kpi', seq, time, payload: { kpiId: `kpi-${i % KPI_SERIES}`, subsystem: 'socio-economic', value: i, unit: '%', time } };
  });
}

/** Applies the stream to a model and the cache the way the hub client does; returns updates/s. */
function feed(stream: readonly HubMessage[], validate: boolean): { perSecond: number; seconds: number; fileMiB: number; reopenMs: number; retained: number } {
  const dir = mkdtempSync(join(tmpdir(), 'ioc-wall-bench-cache-'));
  const file = join(dir, 'wall-cache.db');
  const log = createMemoryLogger('bench');
  const { cache } = openWallCache({ file, log });
  const model = new HubStateModel();
  cache.replaceAll({ hubId: 'bench-hub', seq: 0, messages: [] });
  model.replace({ hubId: 'bench-hub', seq: 0, messages: [] });
  const start = performance.now();
  for (const raw of stream) {
    const message = validate ? hubMessageSchema.parse(raw) : raw;
    const { outcome, evicted } = model.apply(message);
    if (outcome === 'applied') cache.record(message, evicted);
  }
  cache.flush();
  const seconds = (performance.now() - start) / 1000;
  cache.close();
  const fileMiB = Math.round((statSync(file).size / 2 ** 20) * 10) / 10;
  const reopenStart = performance.now();
  const reopened = openWallCache({ file, log });
  const reopenMs = Math.round(performance.now() - reopenStart);
  const retained = reopened.model.size;
  reopened.cache.close();
  rmSync(dir, { recursive: true, force: true });
  return { perSecond: Math.round(stream.length / seconds), seconds: Math.round(seconds * 100) / 100, fileMiB, reopenMs, retained };
}

export async function benchCacheThroughput(): Promise<Record<string, unknown>> {
  const stream = makeStream(UPDATES);
  feed(stream.slice(0, 5000), false); // warm-up: JIT and SQLite page cache
  const cacheOnly = feed(stream, false);
  const withValidation = feed(stream, true);
  return {
    updates: UPDATES,
    mix: `${KPI_SERIES} KPI series (120 points kept each), 12 stations, 400 alert ids`,
    // The cache as the hub client drives it: model apply + queued rows, one transaction per burst.
    cacheUpdatesPerSecond: cacheOnly.perSecond,
    // The same, plus parsing each message with the protocol schema as the hub client does first.
    validatedUpdatesPerSecond: withValidation.perSecond,
    retainedRows: cacheOnly.retained,
    fileMiB: cacheOnly.fileMiB,
    reopenAndVerifyMs: cacheOnly.reopenMs,
  };
}

import { postIngest } from '../../src-hub/ingest/ingest-client';
import { alertRecord, kpiRecord } from './wall-stream';

export interface IngestFeeder {
  /** Records the hub acknowledged. */
  accepted(): number;
  /** Posts that got no answer or a 5xx (the hub was down), each retried. */
  failures(): number;
  /** Stops after the post in flight; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/**
 * A department posting continuously, as fast as the hub answers: batches of KPI points over a few
 * series (history that evicts) and alerts updated in place. A batch that fails for want of a hub is
 * posted again until it is taken, as a real department's client would, so an outage loses nothing.
 */
export function startIngestFeeder(options: { hubUrl: () => string; apiKey: string; batch?: number; kpiKeys?: number }): IngestFeeder {
  const size = options.batch ?? 50;
  const kpiKeys = options.kpiKeys ?? 20;
  let running = true;
  let accepted = 0;
  let failures = 0;
  let n = 0;
  const loop = (async () => {
    while (running) {
      n += 1;
      const alerts = n % 5 === 0;
      const records = alerts
        ? Array.from({ length: 10 }, (_, i) => alertRecord(`a${(n + i) % 30}`, n, n % 2 ? 'open' : 'acknowledged'))
        : Array.from({ length: size }, (_, i) => kpiRecord(`k${(n * size + i) % kpiKeys}`, n * 1000 + i, n));
      for (;;) {
        const answer = await postIngest(options.hubUrl(), options.apiKey, alerts ? 'alert' : 'kpi', records, { timeoutMs: 3000 });
        if (answer.status === 200) {
          accepted += records.length;
          break;
        }
        if (answer.status !== 0 && answer.status < 500) throw new Error(`ingest refused (${answer.status}): ${answer.error ?? ''}`);
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, 25));
        if (!running) return;
      }
    }
  })();
  return {
    accepted: () => accepted,
    failures: () => failures,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

// Child process of the hub-cluster bench: departments posting to the hub's nodes in turn, as a load
// balancer spreads them. Two roles:
//   rate:  `perSecond` KPI points a second, in ten batches a second, each point a unique value whose
//          send time is kept, so the walls can tell how long each took to reach them.
//   flood: `concurrency` departments each posting `batch` points as fast as they are acknowledged,
//          for `seconds`: the records a second the hub acknowledges.
import { postIngest } from '../../src-hub/ingest/ingest-client';
import { parentMessage } from './bench-child';
import { epochNow } from './page-clock';

export type FeedConfig =
  | { role: 'rate'; urls: string[]; apiKey: string; kpiId: string; perSecond: number }
  | { role: 'flood'; urls: string[]; apiKeys: string[]; batch: number; seconds: number };

export interface FeedResult {
  /** rate: value → epoch ms sent. */
  sentAt: Array<[number, number]>;
  acknowledged: number;
  failed: number;
  /** Each post's answer time, ms. */
  ackMs: number[];
  seconds: number;
}

const point = (kpiId: string, value: number) => ({ kpiId, subsystem: 'socio-economic', value, unit: '', time: new Date().toISOString() });

async function rate(config: Extract<FeedConfig, { role: 'rate' }>, running: () => boolean): Promise<FeedResult> {
  const result: FeedResult = { sentAt: [], acknowledged: 0, failed: 0, ackMs: [], seconds: 0 };
  const perBatch = Math.max(1, Math.round(config.perSecond / 10));
  const started = performance.now();
  let value = 0;
  const inFlight = new Set<Promise<void>>();
  for (let tick = 0; running(); tick += 1) {
    const at = epochNow();
    const records = Array.from({ length: perBatch }, () => point(config.kpiId, ++value));
    records.forEach((r) => result.sentAt.push([r.value, at]));
    const post = postIngest(config.urls[tick % config.urls.length]!, config.apiKey, 'kpi', records, { timeoutMs: 10_000 }).then((answer) => {
      result.ackMs.push(epochNow() - at);
      if (answer.status === 200) result.acknowledged += records.length;
      else result.failed += records.length;
    });
    inFlight.add(post);
    void post.finally(() => inFlight.delete(post));
    const wait = started + (tick + 1) * 100 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await Promise.all(inFlight);
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function flood(config: Extract<FeedConfig, { role: 'flood' }>): Promise<FeedResult> {
  const result: FeedResult = { sentAt: [], acknowledged: 0, failed: 0, ackMs: [], seconds: config.seconds };
  const end = performance.now() + config.seconds * 1000;
  let value = 0;
  await Promise.all(
    config.apiKeys.map(async (apiKey, d) => {
      for (let n = d; performance.now() < end; n += 1) {
        const records = Array.from({ length: config.batch }, (_, i) => point(`flood-${d}-${i % 50}`, ++value));
        const at = epochNow();
        const answer = await postIngest(config.urls[n % config.urls.length]!, apiKey, 'kpi', records, { timeoutMs: 30_000 });
        result.ackMs.push(epochNow() - at);
        if (answer.status === 200) result.acknowledged += records.length;
        else result.failed += records.length;
      }
    }),
  );
  return result;
}

async function main(): Promise<void> {
  const config = await parentMessage<FeedConfig>();
  let running = true;
  process.once('message', () => (running = false));
  const result = config.role === 'rate' ? await rate(config, () => running) : await flood(config);
  process.send!(result, () => process.exit(0));
}

void main();

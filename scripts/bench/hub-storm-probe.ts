// Child process of the hub-storm bench: what the rest of the province sees of the hub while walls
// storm it. Every 50 ms it asks /healthz, and it posts one KPI point as a department does; it records
// each answer's latency, and when each point (a unique value) was sent, so the walls can tell how long
// it took to reach them. Sequential, paced by the clock: a stalled hub shows as one long sample.
// /healthz is asked on one kept-alive connection of its own (as a monitor would), so a sample is the
// hub's answer time, not a new connection's set-up competing with the walls'.
import { Agent, get } from 'node:http';
import { postIngest } from '../../src-hub/ingest/ingest-client';
import { parentMessage } from './bench-child';
import { epochNow } from './page-clock';

export interface ProbeConfig {
  url: string;
  apiKey: string;
  kpiId: string;
  everyMs: number;
}

export interface ProbeSample {
  /** Epoch ms (performance.timeOrigin + now) when the request was sent. */
  at: number;
  ms: number;
  ok: boolean;
}

export interface ProbeResult {
  health: ProbeSample[];
  ingest: ProbeSample[];
  /** Value of each posted point → epoch ms it was sent. */
  sentAt: Array<[number, number]>;
}

async function paced(everyMs: number, running: () => boolean, once: () => Promise<void>): Promise<void> {
  while (running()) {
    const due = performance.now() + everyMs;
    await once();
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

async function main(): Promise<void> {
  const config = await parentMessage<ProbeConfig>();
  let running = true;
  process.once('message', () => (running = false));
  const result: ProbeResult = { health: [], ingest: [], sentAt: [] };
  let value = 1_000_000;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const health = paced(config.everyMs, () => running, async () => {
    const at = epochNow();
    const ok = await new Promise<boolean>((resolve) => {
      const req = get(`${config.url}/healthz`, { agent, timeout: 30_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
    });
    result.health.push({ at, ms: epochNow() - at, ok });
  });
  const ingest = paced(config.everyMs, () => running, async () => {
    value += 1;
    const at = epochNow();
    result.sentAt.push([value, at]);
    const answer = await postIngest(config.url, config.apiKey, 'kpi', [{ kpiId: config.kpiId, subsystem: 'socio-economic', value, unit: '', time: new Date().toISOString() }], { timeoutMs: 30_000 });
    result.ingest.push({ at, ms: epochNow() - at, ok: answer.status === 200 });
  });
  await Promise.all([health, ingest]);
  process.send!(result, () => process.exit(0));
}

void main();

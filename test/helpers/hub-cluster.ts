import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Alert } from '../../src-shared/domain';
import type { HubMessage } from '../../src-shared/hub-protocol';
import { postIngest } from '../../src-hub/ingest/ingest-client';
import { startHubProcess, type HubProcess } from './hub-process';
import { TEST_DEPARTMENTS, WALL_TOKEN } from './hub-fixtures';

/** Starts `count` hub nodes as their own processes (`npm run hub -- --config=…`) on one Redis and key prefix. */
export async function startClusterProcesses(dir: string, redisUrl: string, keyPrefix: string, count: number): Promise<HubProcess[]> {
  const nodes: HubProcess[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = join(dir, `${keyPrefix.replace(/\W/g, '')}-node-${i}.json`);
    writeFileSync(file, JSON.stringify({ port: 0, cluster: { redis: redisUrl, keyPrefix }, wallTokens: [WALL_TOKEN], departments: Object.values(TEST_DEPARTMENTS) }));
    nodes.push(await startHubProcess([`--config=${file}`]));
  }
  return nodes;
}

export interface AcknowledgedRecord {
  seq: number;
  payload: Alert;
}

export interface ClusterFeeder {
  /** Every record a node acknowledged, with the seq it was given. */
  acknowledged: AcknowledgedRecord[];
  /** Posts that got no answer or a 5xx (a node or Redis down), each sent again to the next node. */
  failures(): number;
  stop(): Promise<void>;
}

/**
 * A department posting alerts with ids never used before, round the nodes it is given (a load
 * balancer's spread), sending a batch that failed to the next node until one takes it: the way a
 * department's client rides out a node or Redis going down.
 */
export function startClusterFeeder(name: string, urls: () => readonly string[], batch = 5): ClusterFeeder {
  const acknowledged: AcknowledgedRecord[] = [];
  let failures = 0;
  let running = true;
  let turn = 0;
  const loop = (async () => {
    for (let n = 0; running; n += 1) {
      const records: Alert[] = Array.from({ length: batch }, (_, i) => ({
        id: `${name}-${n}-${i}`,
        time: new Date(Date.now() - 60_000).toISOString(),
        severity: 'warning',
        subsystem: 'environment',
        category: 'ngap-nuoc',
        text: `Cảnh báo ${name} ${n}.${i}`,
        location: { district: 'Phường Vũng Tàu' },
        status: 'open',
      }));
      for (;;) {
        const list = urls();
        const url = list[turn++ % list.length]!;
        const answer = await postIngest(url, TEST_DEPARTMENTS.ioc.apiKey, 'alert', records, { timeoutMs: 3000 });
        if (answer.status === 200) {
          answer.result!.accepted.forEach((a) => acknowledged.push({ seq: a.seq, payload: records[a.index]! }));
          break;
        }
        if (answer.status !== 0 && answer.status < 500) throw new Error(`ingest refused (${answer.status}): ${answer.error ?? ''}`);
        failures += 1;
        if (!running) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  })();
  return {
    acknowledged,
    failures: () => failures,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Each message a wall was sent live or replayed, by seq: from its batches. */
export function messagesBySeq(batches: readonly HubMessage[][]): Map<number, HubMessage> {
  const bySeq = new Map<number, HubMessage>();
  batches.flat().forEach((m) => bySeq.set(m.seq, m));
  return bySeq;
}

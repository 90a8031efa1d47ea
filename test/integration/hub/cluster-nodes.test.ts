import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { HubSnapshot } from '../../../src-shared/hub-protocol';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startIngestFeeder } from '../../helpers/ingest-feeder';
import { startTestHub, tempDir, TEST_DEPARTMENTS, validRecord, type TestHub } from '../../helpers/hub-fixtures';
import { redisMissing, startTestRedis, type TestRedis } from '../../helpers/redis-server';
import { waitFor } from '../../helpers/wait-for';
import { startTestWall, type TestWall } from '../../helpers/wall-client';
import { WALL_TOKEN } from '../../helpers/hub-fixtures';

/**
 * Three hub nodes in this process on one real Redis (issue 14): ingest spread over them, walls spread
 * over them; every wall must end with exactly the hub's state, each seq applied once, in order.
 */
const missing = redisMissing();
const temp = tempDir('ioc-cluster-');
let redis: TestRedis;
const nodes: TestHub[] = [];
const walls: TestWall[] = [];

beforeAll(async () => {
  if (!missing) redis = await startTestRedis();
});
afterEach(async () => {
  walls.splice(0).forEach((wall) => wall.close());
  for (const node of nodes.splice(0)) await node.close();
});
afterAll(async () => {
  await redis?.stop();
  temp.remove();
});

let prefixes = 0;
async function startNodes(count: number): Promise<TestHub[]> {
  const keyPrefix = `test-${++prefixes}:`;
  for (let i = 0; i < count; i += 1) nodes.push(await startTestHub({ dir: temp.dir, cluster: { redis: redis.url, keyPrefix } }));
  return nodes.slice(-count);
}

function expectSameState(wall: TestWall, state: HubSnapshot): void {
  const model = wall.client.model;
  expect(model.hubId).toBe(state.hubId);
  expect(model.seq).toBe(state.seq);
  expect(model.messages()).toEqual(state.messages);
}

describe.skipIf(missing)(`hub cluster on Redis${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('gives every node one hub id, and seqs in one gapless order whichever node takes the ingest', async () => {
    const [a, b, c] = await startNodes(3);
    expect(new Set([a!.hubId, b!.hubId, c!.hubId]).size).toBe(1);
    const key = TEST_DEPARTMENTS.ioc.apiKey;
    const seqs: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const node = [a, b, c][i % 3]!;
      const answer = await postIngest(node.url, key, 'alert', [validRecord('alert', i)]);
      expect(answer.status, answer.error).toBe(200);
      seqs.push(answer.result!.accepted[0]!.seq);
    }
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Each node reads the others' records: the same state everywhere.
    const states = await waitFor(async () => {
      const all = await Promise.all([a, b, c].map((node) => node!.snapshot()));
      return all.every((s) => s.seq === 9) ? all : undefined;
    }, 'every node at seq 9');
    expect(states[1]!.messages).toEqual(states[0]!.messages);
    expect(states[2]!.messages).toEqual(states[0]!.messages);
  });

  it('stores a batch resent to another node once, answering the seqs it already has', async () => {
    const [a, b] = await startNodes(2);
    const records = [validRecord('alert', 1), validRecord('kpi', 1), validRecord('camera', 1)];
    const first = await postIngest(a!.url, TEST_DEPARTMENTS.ioc.apiKey, 'alert', records.slice(0, 1));
    const resent = await postIngest(b!.url, TEST_DEPARTMENTS.ioc.apiKey, 'alert', records.slice(0, 1));
    expect(first.result!.accepted).toEqual([{ index: 0, seq: 1 }]);
    expect(resent.result!.accepted).toEqual([{ index: 0, seq: 1, duplicate: true }]);
    expect((await b!.snapshot()).seq).toBe(1);
  });

  it('stores a record sent to every node at the same moment once (a client retrying through a load balancer)', async () => {
    const cluster = await startNodes(3);
    const answers = [];
    // One record at a time to all three (a department may have 4 requests in flight per node).
    for (let n = 0; n < 30; n += 1) {
      // Made once: validRecord stamps the time, so two calls differ.
      const record = validRecord('alert', n);
      answers.push(...(await Promise.all(cluster.map((node) => postIngest(node.url, TEST_DEPARTMENTS.ioc.apiKey, 'alert', [record])))));
    }
    expect(answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.error ?? ""}`)).toEqual([]);
    // Per record, three answers with one seq: one stored, two duplicates of it.
    for (let n = 0; n < 30; n += 1) {
      const three = answers.slice(n * 3, n * 3 + 3).map((a) => a.result!.accepted[0]!);
      expect(new Set(three.map((a) => a.seq)).size).toBe(1);
      expect(three.filter((a) => a.duplicate).length).toBe(2);
    }
    const state = await cluster[1]!.snapshot();
    expect(state.seq).toBe(30);
    expect(state.messages.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('ends every wall, on whichever node, with exactly the state of GET /api/v1/state, each seq once', async () => {
    const cluster = await startNodes(3);
    cluster.forEach((node, i) => walls.push(startTestWall(node.url, WALL_TOKEN, join(temp.dir, `wall-${prefixes}-${i}.db`))));
    await waitFor(() => walls.every((w) => w.client.connection().status === 'live'), 'walls live');
    const feeders = cluster.map((node) => startIngestFeeder({ hubUrl: () => node.url, apiKey: TEST_DEPARTMENTS.ioc.apiKey, batch: 20 }));
    await waitFor(() => feeders.every((f) => f.accepted() >= 400), 'each feeder past 400 records', 20_000);
    await Promise.all(feeders.map((f) => f.stop()));
    const state = await cluster[0]!.snapshot();
    await waitFor(() => walls.every((w) => w.client.model.seq === state.seq), `walls at seq ${state.seq}`);
    // Each node counts its own walls; any node lists them all (through the socket.io adapter).
    const listed = (await (await fetch(`${cluster[2]!.url}/api/v1/nodes`, { headers: { Authorization: `Bearer ${WALL_TOKEN}` } })).json()) as { complete: boolean; nodes: Array<{ node: string; seq: number; walls: number }> };
    expect(listed.complete).toBe(true);
    expect(listed.nodes.map((n) => [n.node, n.walls]).sort()).toEqual(cluster.map((node) => [node.url, 1]).sort());
    for (const wall of walls) {
      expectSameState(wall, state);
      // Live from the start: every seq applied exactly once, in order.
      expect(wall.applied).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));
    }
  });
});

describe.skipIf(missing)(`hub cluster checkpoints${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('trims the shared log behind a checkpoint, and a node started later holds the same state', async () => {
    const keyPrefix = `checkpoint-${++prefixes}:`;
    const cluster = { redis: redis.url, keyPrefix, checkpointEvery: 100 };
    const first = await startTestHub({ dir: temp.dir, cluster, logRetention: 50, maxReplay: 40 });
    nodes.push(first);
    // 600 points over 3 series: history keeps 120 per series, so most of the log is no longer retained.
    for (let batch = 0; batch < 12; batch += 1) {
      const records = Array.from({ length: 50 }, (_, i) => ({ ...validRecord('kpi', (batch * 50 + i) % 3), value: batch * 50 + i, time: new Date(Date.now() - (600 - batch * 50 - i) * 1000).toISOString() }));
      expect((await postIngest(first.url, TEST_DEPARTMENTS.ioc.apiKey, 'kpi', records)).status).toBe(200);
    }
    const state = await first.snapshot();
    expect(state.seq).toBe(600);
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    try {
      const checkpointSeq = Number(await client.hget(`${keyPrefix}checkpoint`, 'seq'));
      expect(checkpointSeq).toBeGreaterThanOrEqual(500);
      // Nothing below both the checkpoint and the retention window is left in Redis.
      const [oldest] = (await client.xrange(`${keyPrefix}log`, '-', '+', 'COUNT', 1)) as Array<[string, string[]]>;
      expect(Number(oldest![0].split('-')[0])).toBe(Math.min(checkpointSeq + 1, 600 - 50 + 1));
    } finally {
      client.disconnect();
    }
    // A node started now loads the checkpoint and what follows: the same state.
    const later = await startTestHub({ dir: temp.dir, cluster, logRetention: 50, maxReplay: 40 });
    nodes.push(later);
    const laterState = await later.snapshot();
    expect(laterState.seq).toBe(600);
    expect(laterState.messages).toEqual(state.messages);
    // A wall then catches up from that node like from any other.
    const wall = startTestWall(later.url, WALL_TOKEN, join(temp.dir, `late-wall-${prefixes}.db`));
    walls.push(wall);
    await waitFor(() => wall.client.model.seq === 600, 'the new wall at seq 600');
    expectSameState(wall, laterState);
  });
});

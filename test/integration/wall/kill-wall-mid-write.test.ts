import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../../src-shared/hub-protocol';
import { openWallCache } from '../../../src-main/cache/open-wall-cache';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { startHub, type RunningHub } from '../../../src-hub/start-hub';
import { tempCacheFile } from '../../helpers/cache-file';
import { childEnv } from '../../helpers/child-env';
import { fetchHubState } from '../../helpers/hub-state';
import { startIngestFeeder } from '../../helpers/ingest-feeder';
import { startTestWall } from '../../helpers/wall-client';
import { stateAfter } from '../../helpers/wall-stream';
import { waitFor } from '../../helpers/wait-for';

const TOKEN = 'kill-wall-token';
const KEY = 'kill-wall-department-key';
const ROOT = join(__dirname, '..', '..', '..');
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Progress {
  status?: string;
  seq: number;
}

/** Starts the wall-writer fixture in its own process and follows its progress lines. */
function startWallProcess(hubUrl: string, file: string, plan: Round): { child: ChildProcess; latest: () => Progress | undefined; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/fixtures/wall-writer.ts'), hubUrl, TOKEN, file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({
      WALL_WRITER_DIE_AFTER_ROWS: String(plan.kill === 'in-transaction' ? plan.rows : 0),
      WALL_WRITER_DIE_AFTER_COMMITS: String(plan.kill === 'after-commit' ? plan.commits : 0),
    }),
  });
  let latest: Progress | undefined;
  let output = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      output += `${line}\n`;
      latest = JSON.parse(line) as Progress;
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, latest: () => latest, output: () => output.slice(-4000) };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

type Round = { kill: 'outside'; pastSeq: number } | { kill: 'in-transaction'; rows: number } | { kill: 'after-commit'; commits: number };

/**
 * How each run of the wall ends. From outside at an uneven moment while live data streams in; from
 * inside a transaction, after some rows and before the seq and the commit, during live data and
 * during the replay of the backlog that built up while the wall was dead; and right after a commit
 * that wrote rows, in the replay and in live data, where a cache committing the rows and meta.seq
 * apart would leave rows past its seq.
 */
const ROUNDS: Round[] = [
  { kill: 'outside', pastSeq: 3000 },
  { kill: 'in-transaction', rows: 9_517 },
  { kill: 'after-commit', commits: 2 },
  { kill: 'in-transaction', rows: 1_234 },
  { kill: 'after-commit', commits: 40 },
  { kill: 'outside', pastSeq: 4321 },
];

describe('a wall killed during heavy cache writes', () => {
  // Six rounds of kill, restart and replay of a 5,000-message backlog: some 15 s on an idle machine,
  // several times that on a loaded one. Every wait inside has its own limit; this one is for the whole.
  it('reopens its cache as a consistent prefix every time, and resyncs to exactly the hub state', async () => {
    const { dir, file } = tempCacheFile();
    const hub: RunningHub = await startHub({
      dbPath: join(dir, 'hub.db'),
      wallTokens: [TOKEN],
      departments: [{ id: 'so-test', name: 'Sở thử nghiệm', apiKey: KEY, topics: ['kpi', 'alert'] }],
      log: createMemoryLogger('hub'),
    });
    cleanups.push(() => hub.close());
    // A reference wall in this process records the whole stream, to say what each prefix must hold.
    const reference = startTestWall(hub.url, TOKEN, tempCacheFile().file);
    cleanups.push(() => reference.close());
    await waitFor(() => reference.client.connection().status === 'live', 'reference wall live');
    const stream: HubMessage[] = [];
    const seen = (): HubMessage[] => {
      // Copied without spreading: tens of thousands of arguments overflow the call stack.
      stream.length = 0;
      for (const batch of reference.batches) for (const message of batch) stream.push(message);
      return stream;
    };

    const feeder = startIngestFeeder({ hubUrl: () => hub.url, apiKey: KEY, batch: 400, kpiKeys: 40 });
    cleanups.push(() => feeder.stop());

    const prefixes: number[] = [];
    for (const [round, plan] of ROUNDS.entries()) {
      // Let a backlog build while no wall runs, so each start begins with a replay.
      const backlog = hub.state.seq + 5000;
      await waitFor(() => hub.state.seq >= backlog, 'a backlog', 20_000);
      const wall = startWallProcess(hub.url, file, plan);
      const start = await waitFor(() => wall.latest(), `wall process ${round} started`, 20_000);
      if (plan.kill === 'outside') {
        const target = hub.state.seq + plan.pastSeq;
        await waitFor(() => (wall.latest()?.seq ?? 0) >= target, `wall process ${round} past seq ${target}\n${wall.output()}`, 30_000);
        wall.child.kill('SIGKILL');
      }
      await exited(wall.child);
      expect(wall.child.signalCode, wall.output()).toBe('SIGKILL');

      const reopened = openWallCache({ file, log: createMemoryLogger('check') });
      const state = reopened.cache.state();
      const model = reopened.model;
      reopened.cache.close();
      expect(state, `cache after kill ${round} opens without a rebuild`).toEqual({ status: 'ok' });
      expect(model.seq).toBeGreaterThanOrEqual(start.seq);
      // The batches, not the reference's model: its outbox hands what the model applied on to the
      // renderer at the end of that tick, so a model at the seq can still have the last tick unsent.
      await waitFor(() => (reference.batches.at(-1)?.at(-1)?.seq ?? 0) >= model.seq, 'the reference wall to have sent the prefix on');
      // Only the first, empty state came as a snapshot: the batches are the whole stream.
      expect(reference.snapshots.map((s) => s.seq)).toEqual([0]);
      const all = seen();
      expect(all.map((m) => m.seq).slice(0, model.seq)).toEqual(Array.from({ length: model.seq }, (_, i) => i + 1));
      expect(model.hubId).toBe(hub.hubId);
      expect(model.messages(), `cache after kill ${round} is the state at its seq ${model.seq}`).toEqual(stateAfter(hub.hubId, all.slice(0, model.seq)).messages());
      prefixes.push(model.seq);
    }
    expect(prefixes.at(-1)).toBeGreaterThan(prefixes[0]!);

    await feeder.stop();
    const wall = startTestWall(hub.url, TOKEN, file);
    cleanups.push(() => wall.close());
    expect(wall.client.model.seq).toBe(prefixes.at(-1));
    const hubState = await fetchHubState(hub.url, TOKEN);
    await waitFor(() => wall.client.connection().status === 'live' && wall.client.model.seq === hubState.seq, 'the restarted wall to catch up', 20_000);
    expect(wall.replaced, 'caught up by replay from its cached seq').toEqual([]);
    expect(wall.client.model.messages()).toEqual(hubState.messages);
    wall.close();
    const final = openWallCache({ file, log: createMemoryLogger('final') });
    cleanups.push(() => final.cache.close());
    expect(final.model.seq).toBe(hubState.seq);
    expect(final.model.messages()).toEqual(hubState.messages);
  }, 120_000);
});

import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HubTopic, IngestResult } from '../../../src-shared/hub-protocol';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process';
import { startTestHub, tempDir, TEST_DEPARTMENTS, validRecord, WALL_TOKEN } from '../../helpers/hub-fixtures';
import { fetchHubState } from '../../helpers/hub-state';

/**
 * A department whose post timed out sends the same batch again, and that may be after the hub was
 * restarted. The hub recognises records it already retains by content; that index lives in memory,
 * so it must be rebuilt from the database on start, or the resend is stored a second time with new
 * seqs (the walls then show every alert and KPI point twice).
 */

const IOC = TEST_DEPARTMENTS.ioc;
const temp = tempDir('ioc-hub-restart-');
const processes: HubProcess[] = [];
afterEach(async () => {
  for (const hub of processes.splice(0)) await hub.kill();
});
afterAll(() => temp.remove());

/** Made once and resent byte for byte: validRecord stamps the current time, so a new call differs. */
const BATCHES: Array<{ topic: HubTopic; records: unknown[] }> = [
  // Three points of one KPI series (history keeps them all) and one of another.
  { topic: 'kpi', records: [0, 1, 2].map((n) => ({ ...validRecord('kpi', 0), value: 40 + n, time: new Date(Date.now() - (3 - n) * 60_000).toISOString() })).concat([validRecord('kpi', 1)]) },
  { topic: 'alert', records: [validRecord('alert', 1), validRecord('alert', 2)] },
  { topic: 'camera', records: [validRecord('camera', 1)] },
];

async function post(url: string, batch: { topic: HubTopic; records: unknown[] }): Promise<IngestResult> {
  const answer = await postIngest(url, IOC.apiKey, batch.topic, batch.records);
  expect(answer.status, answer.error).toBe(200);
  return answer.result!;
}

function logRows(file: string): Array<{ seq: number; topic: string; payload: string }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT seq, topic, payload FROM log ORDER BY seq').all() as Array<{ seq: number; topic: string; payload: string }>;
  } finally {
    db.close();
  }
}

/** What a resend must answer: every record accepted, as a duplicate of the seq it got the first time. */
function asDuplicates(first: IngestResult): IngestResult {
  return { ...first, accepted: first.accepted.map((a) => ({ index: a.index, seq: a.seq, duplicate: true })) };
}

describe('a resend after a hub restart', () => {
  it('is acknowledged with the seqs it already has, through ingest, after a clean stop and start', async () => {
    const dir = join(temp.dir, 'in-process');
    let hub = await startTestHub({ dir });
    const first = [];
    for (const batch of BATCHES) first.push(await post(hub.url, batch));
    expect(first.flatMap((r) => r.accepted).map((a) => a.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const stateBefore = await hub.snapshot();
    await hub.close();
    const rowsBefore = logRows(hub.dbPath);

    hub = await startTestHub({ dir });
    try {
      for (const [i, batch] of BATCHES.entries()) expect(await post(hub.url, batch)).toEqual(asDuplicates(first[i]!));
      expect(hub.state.seq).toBe(7);
      expect((await hub.snapshot()).messages).toEqual(stateBefore.messages);
    } finally {
      await hub.close();
    }
    expect(logRows(hub.dbPath)).toEqual(rowsBefore);
  });

  it('is acknowledged with the seqs it already has by the real hub process after a crash, and the next record follows on', async () => {
    const config = join(temp.dir, 'hub.json');
    writeFileSync(config, JSON.stringify({ port: 0, dbPath: 'crash.db', wallTokens: [WALL_TOKEN], departments: [IOC] }));
    const start = async (): Promise<HubProcess> => {
      const hub = await startHubProcess([`--config=${config}`], { fromSource: true });
      processes.push(hub);
      return hub;
    };
    const hub = await start();
    const first = [];
    for (const batch of BATCHES) first.push(await post(hub.url, batch));
    // SIGKILL: no clean close, so the restart rebuilds from the WAL as after a power cut.
    await hub.kill();
    const rowsBefore = logRows(join(temp.dir, 'crash.db'));
    expect(rowsBefore.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const again = await start();
    expect(again.hubId).toBe(hub.hubId);
    expect(again.readySeq).toBe(7);
    for (const [i, batch] of BATCHES.entries()) expect(await post(again.url, batch)).toEqual(asDuplicates(first[i]!));
    expect((await fetchHubState(again.url, WALL_TOKEN)).seq).toBe(7);
    expect(logRows(join(temp.dir, 'crash.db'))).toEqual(rowsBefore);
    // A record the hub has not seen still gets the next seq: no seq was spent on the duplicates.
    expect((await post(again.url, { topic: 'alert', records: [validRecord('alert', 3)] })).accepted).toEqual([{ index: 0, seq: 8 }]);
  });
});

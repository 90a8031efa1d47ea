import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startHub, type RunningHub } from '../../../src-hub/start-hub';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { readCacheRows, tempCacheFile } from '../../helpers/cache-file';
import { fetchHubState } from '../../helpers/hub-state';
import { startTestWall, type TestWall } from '../../helpers/wall-client';
import { alertRecord, kpiRecord } from '../../helpers/wall-stream';
import { waitFor } from '../../helpers/wait-for';

const TOKEN = 'corrupt-wall-token';
const KEY = 'corrupt-department-key';
let hub: RunningHub;
const walls: TestWall[] = [];

beforeAll(async () => {
  const { dir } = tempCacheFile();
  hub = await startHub({
    dbPath: join(dir, 'hub.db'),
    wallTokens: [TOKEN],
    departments: [{ id: 'so-test', name: 'Sở thử nghiệm', apiKey: KEY, topics: ['kpi', 'alert'] }],
    log: createMemoryLogger('hub'),
  });
  for (let i = 0; i < 10; i += 1) {
    expect((await postIngest(hub.url, KEY, 'kpi', Array.from({ length: 200 }, (_, j) => kpiRecord(`k${j % 6}`, i * 200 + j, i)))).status).toBe(200);
  }
  expect((await postIngest(hub.url, KEY, 'alert', Array.from({ length: 30 }, (_, j) => alertRecord(`a${j}`, j)))).status).toBe(200);
});

afterAll(async () => {
  walls.forEach((w) => w.close());
  await hub?.close();
});

function wall(file: string): TestWall {
  const w = startTestWall(hub.url, TOKEN, file);
  walls.push(w);
  return w;
}

/** A wall cache that has been live against the hub, closed cleanly. */
async function filledCache(): Promise<string> {
  const { file } = tempCacheFile();
  const w = wall(file);
  await waitFor(() => w.client.connection().status === 'live' && w.client.model.seq === hub.state.seq, 'first wall live');
  w.close();
  expect(readCacheRows(file).seq).toBe(hub.state.seq);
  return file;
}

const CORRUPTIONS: Array<[string, (file: string) => void, RegExp]> = [
  ['random bytes', (file) => writeFileSync(file, randomBytes(statSync(file).size)), /SQLITE_NOTADB/],
  ['a truncated file', (file) => truncateSync(file, Math.floor(statSync(file).size / 3)), /malformed|SQLITE_CORRUPT|quick_check/],
  [
    'garbage rows in a valid SQLite file',
    (file) => {
      const db = new Database(file);
      db.exec("UPDATE messages SET payload = '{\"kpiId\": 42}' WHERE seq IN (SELECT seq FROM messages ORDER BY seq DESC LIMIT 3)");
      db.close();
    },
    /row seq \d+/,
  ],
];

describe('a corrupt wall cache', () => {
  it.each(CORRUPTIONS)('with %s is moved aside with one log line, shown as rebuilt, and refilled from the hub', async (_what, corrupt, reason) => {
    const file = await filledCache();
    corrupt(file);
    const w = wall(file);
    const aside = readdirSync(dirname(file)).filter((f) => /^wall-cache\.db\.corrupt-[\dT-]+Z$/.test(f));
    expect(aside).toHaveLength(1);
    expect(existsSync(join(dirname(file), aside[0]!))).toBe(true);
    const errors = w.log.lines.filter((l) => l.startsWith('error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(file);
    expect(errors[0]).toMatch(reason);
    // The console sees why the wall started empty.
    expect(w.client.connection().cache).toMatchObject({ status: 'rebuilt', detail: expect.stringMatching(reason) });
    expect(w.client.model.seq).toBe(0);

    const state = await fetchHubState(hub.url, TOKEN);
    await waitFor(() => w.client.connection().status === 'live' && w.client.model.seq === state.seq, 'refilled from the hub');
    expect(w.client.model.messages()).toEqual(state.messages);
    expect(w.statuses.at(-1)?.cache.status).toBe('rebuilt');
    w.close();
    const rows = readCacheRows(file);
    expect({ hubId: rows.hubId, seq: rows.seq }).toEqual({ hubId: state.hubId, seq: state.seq });
    expect(rows.rows.map((r) => r.seq)).toEqual(state.messages.map((m) => m.seq));
    // The next start finds a healthy cache.
    const next = wall(file);
    expect(next.client.connection().cache).toEqual({ status: 'ok' });
    expect(next.client.model.messages()).toEqual(state.messages);
  });
});

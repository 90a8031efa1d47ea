import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWallCache } from '../../../src-main/cache/open-wall-cache';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { fetchHubState } from '../../helpers/hub-state';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process';
import { startIngestFeeder } from '../../helpers/ingest-feeder';
import { startTestWall } from '../../helpers/wall-client';
import { waitFor } from '../../helpers/wait-for';

const TOKEN = 'kill-hub-wall-token';
const KEY = 'kill-hub-department-key';
const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The hub's config file; the port is fixed after the first start so the restart takes the same one. */
function writeHubConfig(file: string, dbPath: string, port: number): void {
  const departments = [{ id: 'so-test', name: 'Sở thử nghiệm', apiKey: KEY, topics: ['kpi', 'alert'] }];
  writeFileSync(file, JSON.stringify({ host: '127.0.0.1', port, dbPath, wallTokens: [TOKEN], departments }));
}

describe('the hub killed mid-stream', () => {
  it('leaves the wall with exactly the hub state, every seq seen once, in model and cache', async () => {
    const work = mkdtempSync(join(tmpdir(), 'ioc-kill-hub-'));
    const config = join(work, 'hub.json');
    const dbPath = join(work, 'hub.db');
    writeHubConfig(config, dbPath, 0);
    let hub: HubProcess = await startHubProcess([`--config=${config}`]);
    cleanups.push(() => hub.kill());
    const hubId = hub.hubId;
    const port = Number(new URL(hub.url).port);
    writeHubConfig(config, dbPath, port);

    const cacheFile = join(work, 'wall', 'cache', 'wall-cache.db');
    const wall = startTestWall(hub.url, TOKEN, cacheFile);
    cleanups.push(() => wall.close());
    await waitFor(() => wall.client.connection().status === 'live', 'wall live');
    const firstSeq = wall.client.model.seq;

    const feeder = startIngestFeeder({ hubUrl: () => hub.url, apiKey: KEY });
    cleanups.push(() => feeder.stop());
    await waitFor(() => wall.client.model.seq >= firstSeq + 3000, 'the stream to the wall', 20_000);

    // The crash: no clean shutdown, posts in flight, the wall mid-stream.
    const seqAtKill = wall.client.model.seq;
    await hub.kill();
    await waitFor(() => wall.client.connection().status === 'offline', 'the wall to see the hub gone');
    const failuresBefore = feeder.failures();
    await waitFor(() => feeder.failures() > failuresBefore + 3, 'the feeder to hit the dead hub');

    hub = await startHubProcess([`--config=${config}`]);
    expect(hub.hubId, 'same database, same hub').toBe(hubId);
    expect(hub.url).toBe(`http://127.0.0.1:${port}`);
    const restartSeq = hub.readySeq;
    await waitFor(() => wall.client.connection().status === 'live' && wall.client.model.seq >= restartSeq + 3000, 'the wall back on the restarted hub', 30_000);
    await feeder.stop();

    const hubState = await fetchHubState(hub.url, TOKEN);
    await waitFor(() => wall.client.model.seq === hubState.seq, `the wall at the hub's final seq ${hubState.seq}`);
    expect(seqAtKill).toBeLessThan(hubState.seq);
    expect(feeder.accepted()).toBeGreaterThan(6000);
    expect(wall.statuses.map((s) => s.status)).toContain('offline');

    // The model.
    expect(wall.client.model.hubId).toBe(hubState.hubId);
    expect(wall.client.model.seq).toBe(hubState.seq);
    expect(wall.client.model.messages()).toEqual(hubState.messages);
    // Every seq exactly once: one snapshot at the start, then each message applied once, in order.
    expect(wall.replaced).toEqual([{ hubId, seq: firstSeq }]);
    expect(wall.applied).toEqual(Array.from({ length: hubState.seq - firstSeq }, (_, i) => firstSeq + 1 + i));
    expect(wall.client.connection().rejected).toBe(0);

    // The cache file, reopened as a restarted wall would.
    wall.close();
    const reopened = openWallCache({ file: cacheFile, log: createMemoryLogger('reopen') });
    cleanups.push(() => reopened.cache.close());
    expect(reopened.cache.state()).toEqual({ status: 'ok' });
    expect(reopened.model.hubId).toBe(hubState.hubId);
    expect(reopened.model.seq).toBe(hubState.seq);
    expect(reopened.model.messages()).toEqual(hubState.messages);
  });
});

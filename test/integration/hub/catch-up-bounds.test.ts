import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, tempDir, TEST_DEPARTMENTS, WALL_TOKEN, type TestHub } from '../../helpers/hub-fixtures';
import { ingestOrThrow } from '../../helpers/ingest';
import { kpiPoints } from '../../helpers/storm-hub';
import { connectTestWall, type TestWall } from '../../helpers/test-wall';
import { waitFor } from '../../helpers/wait-for';

/**
 * The bounds on catch-up work, seen from inside an in-process hub: at most 16 catch-ups at once with
 * the rest queued, and a connection's resyncs served one at a time. Snapshots are sent uncompressed
 * here so each takes a dozen chunks, long enough for catch-ups to overlap.
 */

const temp = tempDir();
let hub: TestHub;
const walls: TestWall[] = [];

beforeAll(async () => {
  hub = await startTestHub({ dir: temp.dir, compressSnapshots: false });
  await ingestOrThrow(hub.url, TEST_DEPARTMENTS.ioc.apiKey, 'kpi', kpiPoints(3000));
});
afterAll(async () => {
  walls.forEach((w) => w.close());
  await hub.close();
  temp.remove();
});

async function expectInSync(w: TestWall): Promise<void> {
  await waitFor(() => w.model.seq === hub.state.seq, `wall at seq ${hub.state.seq}`);
  expect(w.problems).toEqual([]);
  expect({ ...w.model.snapshot(), time: '' }).toEqual({ ...(await hub.snapshot()), time: '' });
}

describe('catch-up bounds', () => {
  it('runs at most 16 catch-ups at once, queueing the rest, and serves every wall', async () => {
    let maxActive = 0;
    let maxQueued = 0;
    let watching = true;
    const watch = (): void => {
      const { active, queued } = hub.catchUps();
      maxActive = Math.max(maxActive, active);
      maxQueued = Math.max(maxQueued, queued);
      if (watching) setImmediate(watch);
    };
    watch();
    const storm = Array.from({ length: 48 }, () => connectTestWall(hub.url, { token: WALL_TOKEN }));
    walls.push(...storm);
    await Promise.all(storm.map((w) => w.nextLive()));
    watching = false;
    expect(maxActive).toBe(16);
    expect(maxQueued).toBeGreaterThan(0);
    expect(hub.catchUps()).toMatchObject({ active: 0, queued: 0 });
    for (const w of storm) await expectInSync(w);
  });

  it('serves resyncs that arrive while one runs as one catch-up, for the latest, never two at once', async () => {
    const w = connectTestWall(hub.url, { token: WALL_TOKEN });
    walls.push(w);
    await w.nextLive();
    const chunksBefore = w.chunks.count;
    // Five requests at once: the first (a snapshot) runs; the other four wait as one, the latest —
    // which says the wall holds everything, so it is answered with no snapshot at all.
    for (let i = 0; i < 4; i += 1) w.resync({ lastSeq: 0 });
    w.resync({ hubId: hub.hubId, lastSeq: hub.state.seq });
    await waitFor(() => w.events.filter((e) => e.startsWith('live@')).length >= 3, 'two more catch-ups');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.events.filter((e) => e.startsWith('live@'))).toHaveLength(3);
    // One more snapshot's chunks, whole and in order (two at once would interleave and not assemble).
    expect(w.chunks.count - chunksBefore).toBe(chunksBefore);
    await expectInSync(w);
  });
});

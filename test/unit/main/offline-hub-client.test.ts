import { afterEach, describe, expect, it } from 'vitest';
import { connectionStateSchema } from '../../../src-shared/ipc';
import { openWallCache, type OpenedWallCache } from '../../../src-main/cache/open-wall-cache';
import { offlineHubClient } from '../../../src-main/hub/offline-hub-client';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { tempCacheFile } from '../../helpers/cache-file';
import { mixedStream, stateAfter } from '../../helpers/wall-stream';

const opened: OpenedWallCache[] = [];
afterEach(() => opened.splice(0).forEach(({ cache }) => cache.close()));

/** The hub link when the config's hub.url is unusable: offline for good, saying why, on the cached state. */
describe('offline hub client', () => {
  it('reports offline with the reason and the cached seq, within the status contract even for a long reason', async () => {
    const { file } = tempCacheFile();
    const wall = openWallCache({ file, log: createMemoryLogger() });
    opened.push(wall);
    wall.cache.replaceAll(stateAfter('hub-a', mixedStream(30)).snapshot());
    wall.model.replace(stateAfter('hub-a', mixedStream(30)).snapshot());
    const reason = `config error: field "hub.url": Invalid URL ${'x'.repeat(600)}`;
    const client = offlineHubClient({ model: wall.model, cache: wall.cache, reason });

    const state = connectionStateSchema.parse(client.connection());
    expect(state).toMatchObject({ status: 'offline', seq: 30, rejected: 0, cache: { status: 'ok' } });
    expect(state.error).toHaveLength(500);
    expect(state.error!.startsWith('config error: field "hub.url"')).toBe(true);
    expect(await client.acknowledgeAlert({ alertId: 'a1', by: { station: 'Bàn 1' } } as never)).toEqual({ ok: false, error: state.error });
    // Short reasons pass as they are.
    expect(offlineHubClient({ model: wall.model, cache: wall.cache, reason: 'no hub' }).connection().error).toBe('no hub');
    client.close();
  });
});

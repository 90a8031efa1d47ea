import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../src-shared/ipc';
import { startAppCore, type AppCore } from '../../../src-main/app-core';
import { openWallCache } from '../../../src-main/cache/open-wall-cache';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { mixedStream, stateAfter } from '../../helpers/wall-stream';

let core: AppCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('app core with the hub unreachable', () => {
  it('answers hub:state from the cache at once, and app:info with the configured stale thresholds', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-core-offline-'));
    const cached = stateAfter('hub-cached', mixedStream(300)).snapshot();
    const seed = openWallCache({ file: join(dataDir, 'cache', 'wall-cache.db'), log: createMemoryLogger('seed') });
    seed.cache.replaceAll(cached);
    seed.cache.close();
    const configPath = join(dataDir, 'ioc-wall.json');
    // Port 9 on loopback: nothing listens there, the hub is down for the whole test.
    writeFileSync(configPath, JSON.stringify({ hub: { url: 'http://127.0.0.1:9', token: 'wall-token' }, staleAfterSeconds: { kpi: 5 } }));
    const log = createMemoryLogger('core');
    core = await startAppCore({ mode: 'browser', configPath, userDataDir: dataDir, assetsDir: resolve(__dirname, '../../../assets'), version: 'test', log });

    const state = await core.invoke({ role: 'wall', wallId: '1' }, 'hub:state', undefined);
    const parsed = state.ok ? invokeChannels['hub:state'].response.parse(state.value) : null;
    expect(parsed?.snapshot.hubId).toBe('hub-cached');
    expect(parsed?.snapshot.seq).toBe(300);
    expect(parsed?.snapshot.messages).toEqual(cached.messages);
    expect(parsed?.connection).toMatchObject({ seq: 300, cache: { status: 'ok' }, hubUrl: 'http://127.0.0.1:9' });
    expect(['connecting', 'offline']).toContain(parsed?.connection.status);

    const info = await core.invoke({ role: 'wall', wallId: '1' }, 'app:info', undefined);
    const appInfo = info.ok ? invokeChannels['app:info'].response.parse(info.value) : null;
    expect(appInfo?.hub).toBe('remote');
    expect(appInfo?.staleAfterSeconds).toMatchObject({ kpi: 5, alert: 3600, environment: 1800 });
  });

  it('starts no demo hub when the configured hub.url is unusable: the cache is painted and the hub shown offline with the reason', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ioc-core-bad-url-'));
    const cached = stateAfter('hub-cached', mixedStream(120)).snapshot();
    const seed = openWallCache({ file: join(dataDir, 'cache', 'wall-cache.db'), log: createMemoryLogger('seed') });
    seed.cache.replaceAll(cached);
    seed.cache.close();
    const configPath = join(dataDir, 'ioc-wall.json');
    writeFileSync(configPath, JSON.stringify({ hub: { url: 'ioc-hub.example.gov.vn:4781', token: 'wall-token' } }));
    core = await startAppCore({ mode: 'browser', configPath, userDataDir: dataDir, assetsDir: resolve(__dirname, '../../../assets'), version: 'test', log: createMemoryLogger('core') });

    expect(core.hubUrl).toBeUndefined();
    expect(existsSync(join(dataDir, 'demo-hub')), 'no demo hub database').toBe(false);
    expect(core.configErrors).toEqual([expect.stringMatching(/field "hub\.url": Invalid URL/)]);
    const state = await core.invoke({ role: 'wall', wallId: '1' }, 'hub:state', undefined);
    const parsed = state.ok ? invokeChannels['hub:state'].response.parse(state.value) : null;
    expect(parsed?.snapshot.messages).toEqual(cached.messages);
    expect(parsed?.connection).toMatchObject({ status: 'offline', seq: 120, error: expect.stringMatching(/no demo hub.*hub\.url/) });
    const info = await core.invoke({ role: 'wall', wallId: '1' }, 'app:info', undefined);
    expect(info.ok && invokeChannels['app:info'].response.parse(info.value).hub).toBe('remote');
  });
});

import type { HubMessage, HubSnapshot } from '../../src-shared/hub-protocol';
import type { ConnectionState } from '../../src-shared/ipc';
import { openWallCache } from '../../src-main/cache/open-wall-cache';
import type { WallCache } from '../../src-main/cache/wall-cache';
import { connectHubClient, type HubClient } from '../../src-main/hub/hub-client';
import { createMemoryLogger } from '../../src-shared/node/log';

export interface TestWall {
  client: HubClient;
  cache: WallCache;
  log: ReturnType<typeof createMemoryLogger>;
  statuses: ConnectionState[];
  /** What the windows were sent. */
  snapshots: HubSnapshot[];
  batches: HubMessage[][];
  /** Every seq the wall applied and wrote, in order: "saw each seq exactly once" is checked here. */
  applied: number[];
  /** Every wholesale replacement of the cache (snapshots), by hub id and seq. */
  replaced: Array<{ hubId: string; seq: number }>;
  close(): void;
}

/** Wraps a cache to record what the hub client asks of it, passing everything through. */
function recordingCache(cache: WallCache, applied: number[], replaced: TestWall['replaced']): WallCache {
  return {
    get file() {
      return cache.file;
    },
    state: () => cache.state(),
    record: (message, evicted) => {
      applied.push(message.seq);
      cache.record(message, evicted);
    },
    replaceAll: (snapshot) => {
      replaced.push({ hubId: snapshot.hubId, seq: snapshot.seq });
      cache.replaceAll(snapshot);
    },
    flush: () => cache.flush(),
    watch: (listener) => cache.watch(listener),
    close: () => cache.close(),
  };
}

/** A wall host's data path as app-core builds it, in-process: cache file, model, hub client. */
export function startTestWall(url: string | readonly string[], token: string, cacheFile: string, options: { resyncTimeoutMs?: number } = {}): TestWall {
  const log = createMemoryLogger('wall');
  const opened = openWallCache({ file: cacheFile, log: log.child('cache') });
  const applied: number[] = [];
  const replaced: TestWall['replaced'] = [];
  const cache = recordingCache(opened.cache, applied, replaced);
  const statuses: ConnectionState[] = [];
  const snapshots: HubSnapshot[] = [];
  const batches: HubMessage[][] = [];
  const client = connectHubClient({
    urls: typeof url === 'string' ? [url] : url,
    token,
    log: log.child('hub'),
    model: opened.model,
    cache,
    onStatus: (s) => statuses.push(s),
    onSnapshot: (s) => snapshots.push(s),
    onMessages: (b) => batches.push(b),
    refusedRetryMs: 500,
    ...options,
  });
  let closed = false;
  return {
    client,
    cache,
    log,
    statuses,
    snapshots,
    batches,
    applied,
    replaced,
    close: () => {
      if (closed) return;
      closed = true;
      client.close();
      cache.close();
    },
  };
}

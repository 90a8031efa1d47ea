import { errorMessage, type Logger } from '../../src-shared/node/log';
import type { HubLogReader } from '../store/hub-log';
import { encodeSnapshot, type EncodedSnapshot } from './encode-snapshot';

export interface SnapshotCacheOptions {
  store: HubLogReader;
  /** Gzip what walls are sent (default on): a tenth of the bytes for a little of the thread pool's time. */
  compress: boolean;
  /**
   * A snapshot this many messages behind the hub still serves (the wall is replayed the rest from
   * the log); past it a new one is encoded.
   */
  maxLag: number;
  /** …and for this long after it was encoded: a lone wall later on gets the state of its moment. */
  reuseMs: number;
  log: Logger;
}

export interface SnapshotCache {
  /**
   * A snapshot a wall can be caught up from: this hub's, at most `maxLag` behind with the rest still
   * in the log. Encoded when none fits; callers meanwhile wait for that one encoding.
   */
  get(): Promise<EncodedSnapshot>;
  /** A snapshot of the state as it is now (the cached one if nothing changed since; else encoded, shared with concurrent callers). */
  current(): Promise<EncodedSnapshot>;
  /** Snapshots encoded so far. */
  encodings(): number;
}

/**
 * One encoded snapshot shared by every wall that connects at about the same time: 500 walls
 * reconnecting after a network cut cost one JSON encoding and one gzip, and the same bytes go to
 * each of them, instead of 500 copies of a 5 MB state in memory at once.
 */
export function createSnapshotCache(options: SnapshotCacheOptions): SnapshotCache {
  const { store, log } = options;
  let latest: EncodedSnapshot | undefined;
  let encoding: Promise<EncodedSnapshot> | undefined;
  let encodings = 0;

  const fits = (entry: EncodedSnapshot): boolean => {
    const seq = store.model.seq;
    if (entry.hubId !== store.hubId || entry.seq > seq) return false;
    if (entry.seq === seq) return true;
    return seq - entry.seq <= options.maxLag && entry.seq + 1 >= store.replayableFrom() && performance.now() - entry.encodedAt <= options.reuseMs;
  };

  const encode = (): Promise<EncodedSnapshot> => {
    encoding ??= (async () => {
      try {
        const entry = await encodeSnapshot(store.model, options.compress);
        encodings += 1;
        latest = entry;
        const sizes = `${entry.json.length} bytes of JSON${entry.gzip ? `, ${entry.gzip.length} gzipped` : ''}`;
        log.info(`encoded the snapshot at seq ${entry.seq}: ${entry.snapshot.messages.length} messages, ${sizes}, ${entry.loopMs} ms on the event loop`);
        return entry;
      } catch (error) {
        log.error(`could not encode a snapshot: ${errorMessage(error)}`);
        throw error;
      } finally {
        encoding = undefined;
      }
    })();
    return encoding;
  };

  return {
    async get() {
      if (latest && fits(latest)) return latest;
      // One that is being encoded started moments ago: it fits, or the catch-up replays the rest.
      return encoding ?? encode();
    },
    async current() {
      if (latest && latest.hubId === store.hubId && latest.seq === store.model.seq) return latest;
      const pending = encoding;
      // One already under way may be a few seqs old; a caller that asked for now gets a newer one.
      if (pending && (await pending).seq === store.model.seq) return pending;
      return encoding ?? encode();
    },
    encodings: () => encodings,
  };
}

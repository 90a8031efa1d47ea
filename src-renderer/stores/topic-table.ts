import { topicSpec, type HubMessageOf, type HubTopic, type PayloadOf } from '../../src-shared/hub-protocol';

/**
 * What a renderer store keeps of one hub topic: per record key, its retained versions, bounded by
 * the topic's historyLimit and keyLimit from hub-topics.ts. These are the hub's own retention rules
 * (src-shared/hub-state-model.ts), so a wall never shows a record the hub has already let go of.
 *
 * Tables are immutable: a batch makes one new Map, and new entries only for the keys it touched,
 * so a tile that selects one entry does not re-render when another record changes.
 */
export interface TableEntry<T> {
  /** Versions oldest first; the last one is the record's current state. */
  readonly versions: readonly T[];
  /** Seq of the newest version: the order in which keys were last updated (and are evicted). */
  readonly seq: number;
}

export type TopicTable<T> = ReadonlyMap<string, TableEntry<T>>;

export function emptyTable<T>(): TopicTable<T> {
  return new Map();
}

/** A topic's table as a snapshot's messages (oldest first) leave it. */
export function tableFrom<T extends HubTopic>(topic: T, messages: readonly HubMessageOf<T>[]): TopicTable<PayloadOf<T>> {
  return tableWith(emptyTable<PayloadOf<T>>(), topic, messages);
}

/** The table after new messages (in seq order): versions appended, then the topic's limits applied. */
export function tableWith<T extends HubTopic>(table: TopicTable<PayloadOf<T>>, topic: T, messages: readonly HubMessageOf<T>[]): TopicTable<PayloadOf<T>> {
  if (messages.length === 0) return table;
  const spec = topicSpec(topic);
  // Group first, so a key updated many times in one batch gets one new entry, not one per message.
  const added = new Map<string, { payloads: PayloadOf<T>[]; seq: number }>();
  for (const message of messages) {
    const payload = message.payload as PayloadOf<T>;
    const key = spec.key(payload);
    const group = added.get(key);
    if (group) {
      group.payloads.push(payload);
      group.seq = message.seq;
    } else {
      added.set(key, { payloads: [payload], seq: message.seq });
    }
  }
  const next = new Map(table);
  for (const [key, { payloads, seq }] of added) {
    const old = next.get(key)?.versions ?? [];
    const versions = old.length + payloads.length > spec.historyLimit ? [...old, ...payloads].slice(-spec.historyLimit) : [...old, ...payloads];
    next.set(key, { versions, seq });
  }
  if (next.size > spec.keyLimit) {
    // Past the key limit the key updated longest ago goes, as on the hub.
    const oldestFirst = [...next].sort(([, a], [, b]) => a.seq - b.seq);
    oldestFirst.slice(0, next.size - spec.keyLimit).forEach(([key]) => next.delete(key));
  }
  return next;
}

/** The current state of one record: its newest version. */
export function latestOf<T>(table: TopicTable<T>, key: string): T | undefined {
  return table.get(key)?.versions.at(-1);
}

/** Every record's current state, in no particular order. */
export function* currentRecords<T>(table: TopicTable<T>): Generator<T> {
  for (const { versions } of table.values()) {
    const latest = versions.at(-1);
    if (latest !== undefined) yield latest;
  }
}

/** Every record's current state, the one updated most recently first: the order feeds show them in. */
export function newestFirst<T>(table: TopicTable<T>): T[] {
  return [...table.values()].sort((a, b) => b.seq - a.seq).map((entry) => entry.versions.at(-1) as T);
}

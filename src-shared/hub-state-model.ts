import { HUB_TOPICS, topicSpec, type HubMessage, type HubMessageOf, type HubSnapshot, type HubTopic } from './hub-protocol';

/** What applying one message did: walls use it to spot duplicates and gaps in the sequence. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'gap';

export interface ApplyResult {
  outcome: ApplyOutcome;
  /** Sequence numbers of messages this one pushed out (older versions, or a feed's oldest key). */
  evicted: number[];
}

const NOTHING_EVICTED: ApplyResult = { outcome: 'duplicate', evicted: [] };

/**
 * The meaning of the hub protocol as state: which messages a hub or wall retains after a stream of
 * messages, by the retention rules of hub-topics.ts. The hub keeps one to answer walls; each wall
 * host keeps one as its mirror and persists what it retains. Keeping the rule in one place is what
 * makes "the wall ends with exactly the hub's state" true and checkable: same messages in, same
 * retained messages out.
 */
export class HubStateModel {
  private seqValue = 0;
  private hubIdValue: string | undefined;
  /** Per topic, per key, versions oldest first. Map order: the key updated longest ago first. */
  private readonly topics = new Map<HubTopic, Map<string, HubMessage[]>>();
  private retainedCount = 0;

  constructor(hubId?: string) {
    this.hubIdValue = hubId;
  }

  get seq(): number {
    return this.seqValue;
  }

  get hubId(): string | undefined {
    return this.hubIdValue;
  }

  /** Number of messages retained now. */
  get size(): number {
    return this.retainedCount;
  }

  /**
   * Applies the next message. Only seq + 1 is applied: an older one is a duplicate and a later one
   * is a gap, and neither changes anything, so the holder can ask for what it missed first.
   */
  apply(message: HubMessage): ApplyResult {
    if (message.seq <= this.seqValue) return NOTHING_EVICTED;
    if (message.seq !== this.seqValue + 1) return { outcome: 'gap', evicted: [] };
    this.seqValue = message.seq;
    return { outcome: 'applied', evicted: this.retain(message) };
  }

  /** Replaces the whole state with a snapshot's (or a cache's) retained messages. */
  replace(snapshot: Pick<HubSnapshot, 'hubId' | 'seq' | 'messages'>): void {
    this.reset(snapshot.hubId);
    snapshot.messages.forEach((message) => this.retain(message));
    this.seqValue = snapshot.seq;
  }

  /** Forgets everything: a new hub, or a cache that could not be trusted. */
  reset(hubId?: string): void {
    this.topics.clear();
    this.retainedCount = 0;
    this.seqValue = 0;
    this.hubIdValue = hubId;
  }

  /** Every retained message, oldest first: what a snapshot carries and a cache stores. */
  messages(): HubMessage[] {
    const all: HubMessage[] = [];
    this.topics.forEach((keys) => keys.forEach((versions) => all.push(...versions)));
    return all.sort((a, b) => a.seq - b.seq);
  }

  snapshot(time: Date = new Date()): HubSnapshot {
    return { hubId: this.hubIdValue ?? 'unknown', seq: this.seqValue, time: time.toISOString(), messages: this.messages() };
  }

  /** The newest version of one record, e.g. the latest point of a KPI series. */
  latest<T extends HubTopic>(topic: T, key: string): HubMessageOf<T> | undefined {
    return this.topics.get(topic)?.get(key)?.at(-1) as HubMessageOf<T> | undefined;
  }

  /** The keys of a topic, the one updated longest ago first. */
  keys(topic: HubTopic): string[] {
    return [...(this.topics.get(topic)?.keys() ?? [])];
  }

  /** Adds a message under its key and applies the topic's limits; returns what fell out. */
  private retain(message: HubMessage): number[] {
    const spec = topicSpec(message.topic);
    const key = spec.key(message.payload);
    let keys = this.topics.get(message.topic);
    if (!keys) {
      keys = new Map();
      this.topics.set(message.topic, keys);
    }
    const versions = keys.get(key) ?? [];
    // Re-inserting moves the key to the end: Map order stays "least recently updated first".
    keys.delete(key);
    versions.push(message);
    keys.set(key, versions);
    this.retainedCount += 1;
    const evicted: number[] = [];
    while (versions.length > spec.historyLimit) {
      evicted.push(versions.shift()!.seq);
      this.retainedCount -= 1;
    }
    while (keys.size > spec.keyLimit) {
      const [oldestKey, oldest] = keys.entries().next().value as [string, HubMessage[]];
      keys.delete(oldestKey);
      oldest.forEach((m) => evicted.push(m.seq));
      this.retainedCount -= oldest.length;
    }
    return evicted;
  }
}

/** All topics, for code that walks the state topic by topic. */
export const STATE_TOPICS = Object.keys(HUB_TOPICS) as HubTopic[];

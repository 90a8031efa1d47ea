import { topicSpec, type HubMessage, type HubTopic } from '../../src-shared/hub-protocol';

/** JSON with object keys sorted, so two deep-equal payloads give one string whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The payloads the hub retains, by content: lets ingest acknowledge a resent record with the seq it
 * already has instead of storing it twice. It covers every retained version of a key, not only the
 * latest, so a resent batch holding several points of one KPI series is recognised point by point.
 */
export class RetainedIndex {
  private readonly seqBySignature = new Map<string, number>();
  private readonly signatureBySeq = new Map<number, string>();

  static signature(topic: HubTopic, key: string, payload: unknown): string {
    return `${topic}\u0000${key}\u0000${stableJson(payload)}`;
  }

  add(message: HubMessage, key: string): void {
    const signature = RetainedIndex.signature(message.topic, key, message.payload);
    this.seqBySignature.set(signature, message.seq);
    this.signatureBySeq.set(message.seq, signature);
  }

  remove(seq: number): void {
    const signature = this.signatureBySeq.get(seq);
    if (signature === undefined) return;
    this.signatureBySeq.delete(seq);
    // A later identical version may have taken the signature over; only drop our own entry.
    if (this.seqBySignature.get(signature) === seq) this.seqBySignature.delete(signature);
  }

  find(signature: string): number | undefined {
    return this.seqBySignature.get(signature);
  }

  clear(): void {
    this.seqBySignature.clear();
    this.signatureBySeq.clear();
  }

  /** Indexes exactly `messages` (a state's retained ones), each under its topic's key. */
  rebuild(messages: readonly HubMessage[]): void {
    this.clear();
    messages.forEach((m) => this.add(m, topicSpec(m.topic).key(m.payload)));
  }
}

import { topicSpec, type HubMessage } from '../../src-shared/hub-protocol';
import type { HubStateModel } from '../../src-shared/hub-state-model';
import type { AppendOutcome, NewRecord } from './hub-store';
import { RetainedIndex } from './retained-index';

/** Where appended records go besides the model: the SQLite rows, or a batch for the shared log. */
export interface AppendSink {
  /** A record became message `message`, stored under `key`. */
  stored(message: HubMessage, key: string, source: string): void;
  /** A message is no longer retained (an older version, a feed's oldest key). */
  released(seq: number): void;
}

/**
 * Applies the next message to a state and its retained index: the message is indexed under `key`
 * and what it pushed out is no longer. Answers the seqs pushed out.
 */
export function applyRetained(model: HubStateModel, index: RetainedIndex, message: HubMessage, key: string): number[] {
  const { outcome, evicted } = model.apply(message);
  if (outcome !== 'applied') throw new Error(`seq ${message.seq} was not applied (${outcome})`);
  index.add(message, key);
  evicted.forEach((seq) => index.remove(seq));
  return evicted;
}

/**
 * Gives records the next seqs on `model`, one by one, the way every hub store appends: a record
 * identical to a version the state retains at that point of the batch keeps that version's seq,
 * marked duplicate. The retained index changes record by record, so a batch that updates a key and
 * then resends its old version stores that version again instead of calling it a duplicate.
 */
export function appendRecords(model: HubStateModel, index: RetainedIndex, records: readonly NewRecord[], time: string, sink: AppendSink): AppendOutcome[] {
  return records.map((record): AppendOutcome => {
    const key = topicSpec(record.topic).key(record.payload);
    const duplicateSeq = index.find(RetainedIndex.signature(record.topic, key, record.payload));
    if (duplicateSeq !== undefined) return { duplicate: true, seq: duplicateSeq };
    const message = { topic: record.topic, seq: model.seq + 1, time, payload: record.payload } as HubMessage;
    const evicted = applyRetained(model, index, message, key);
    sink.stored(message, key, record.source);
    evicted.forEach((seq) => sink.released(seq));
    return { duplicate: false, seq: message.seq, message };
  });
}

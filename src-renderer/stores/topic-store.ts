import { create } from 'zustand';
import type { HubMessageOf, HubTopic, PayloadOf } from '../../src-shared/hub-protocol';
import { emptyTable, tableFrom, tableWith, type TopicTable } from './topic-table';

/**
 * A store that holds one hub topic as a table (topic-table.ts). Every action is one `set`, so a
 * snapshot or a batch of any size re-renders each subscriber at most once.
 */
export interface TopicStore<T extends HubTopic> {
  table: TopicTable<PayloadOf<T>>;
  /** A snapshot replaced everything: the table is rebuilt from the snapshot's messages of this topic. */
  replaceAll(messages: readonly HubMessageOf<T>[]): void;
  /** New messages of this topic, in seq order. */
  received(messages: readonly HubMessageOf<T>[]): void;
}

export function createTopicStore<T extends HubTopic>(topic: T) {
  return create<TopicStore<T>>()((set) => ({
    table: emptyTable(),
    replaceAll: (messages) => set({ table: tableFrom(topic, messages) }),
    received: (messages) => set((s) => ({ table: tableWith(s.table, topic, messages) })),
  }));
}

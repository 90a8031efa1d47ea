import { create } from 'zustand';
import type { FeedItem } from '../../src-shared/domain';
import { FEED_LIMIT } from '../../src-shared/hub-protocol';

/** The alert ticker's lines, newest first, one line per alert id, at most FEED_LIMIT. */
export interface FeedStore {
  items: readonly FeedItem[];
  replaceAll(items: readonly FeedItem[]): void;
  alertReceived(item: FeedItem): void;
}

export const useFeedStore = create<FeedStore>()((set) => ({
  items: [],
  replaceAll: (items) => set({ items: items.slice(0, FEED_LIMIT) }),
  // An alert re-sent with the same id is an update (e.g. severity raised): it moves to the top.
  alertReceived: (item) => set((s) => ({ items: [item, ...s.items.filter((i) => i.id !== item.id)].slice(0, FEED_LIMIT) })),
}));

import { create } from 'zustand';
import type { WallView } from '../../src-shared/domain';

export type WallLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The wall this window shows and the layout it paints. */
export interface WallStore {
  wallId: string | null;
  status: WallLoadStatus;
  view: WallView | null;
  error: string | null;
  loadStarted(wallId: string): void;
  loaded(view: WallView): void;
  failed(error: string): void;
}

export const useWallStore = create<WallStore>()((set) => ({
  wallId: null,
  status: 'idle',
  view: null,
  error: null,
  loadStarted: (wallId) => set({ wallId, status: 'loading', error: null }),
  loaded: (view) => set({ view, status: 'ready', error: null }),
  failed: (error) => set({ status: 'error', error }),
}));

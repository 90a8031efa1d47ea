import { create } from 'zustand';
import type { WallSummary } from '../../src-shared/ipc';

/** Every configured wall with its display, for the operator console. */
export interface WallListStore {
  walls: readonly WallSummary[] | null;
  error: string | null;
  listLoaded(walls: readonly WallSummary[]): void;
  listFailed(error: string): void;
}

export const useWallListStore = create<WallListStore>()((set) => ({
  walls: null,
  error: null,
  listLoaded: (walls) => set({ walls, error: null }),
  listFailed: (error) => set({ error }),
}));

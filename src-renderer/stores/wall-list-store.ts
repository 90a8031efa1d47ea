import { create } from 'zustand';
import type { WallView } from '../../src-shared/domain';
import type { WallSummary } from '../../src-shared/ipc';

/** Every configured wall with its display, for the operator console. */
export interface WallListStore {
  walls: readonly WallSummary[] | null;
  error: string | null;
  listLoaded(walls: readonly WallSummary[]): void;
  listFailed(error: string): void;
  /** A wall was put on another layout (preset, operator): its card follows. */
  viewChanged(view: WallView): void;
}

export const useWallListStore = create<WallListStore>()((set) => ({
  walls: null,
  error: null,
  listLoaded: (walls) => set({ walls, error: null }),
  listFailed: (error) => set({ error }),
  viewChanged: (view) =>
    set((s) => ({ walls: s.walls?.map((summary) => (summary.wall.id === view.wall.id ? { ...summary, wall: view.wall, layout: view.layout } : summary)) ?? null })),
}));

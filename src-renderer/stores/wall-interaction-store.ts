import { create } from 'zustand';

/** What an operator asks of the camera tours on this wall, e.g. from the keyboard. */
export type TourAction = 'toggle-pause' | 'next' | 'previous';

export interface TourCommand {
  /** Increases with every command, so the same action twice is two commands. */
  seq: number;
  action: TourAction;
  /** The tour tile it is for; null: every tour on the wall. */
  tileId: string | null;
}

export interface SnapshotRequestCommand {
  seq: number;
  tileId: string;
}

/**
 * The operator's hold on one wall: which tile is selected, which one is enlarged to the whole wall,
 * and the latest commands for tours and snapshots (tiles react to them by seq).
 */
export interface WallInteractionStore {
  selectedTileId: string | null;
  enlargedTileId: string | null;
  tourCommand: TourCommand | null;
  snapshotCommand: SnapshotRequestCommand | null;
  select(tileId: string | null): void;
  toggleEnlarge(tileId: string): void;
  restore(): void;
  commandTours(action: TourAction, tileId: string | null): void;
  requestSnapshot(tileId: string): void;
  /** A new layout: selections of tiles that no longer exist are dropped. */
  layoutChanged(tileIds: ReadonlySet<string>): void;
}

export const useWallInteractionStore = create<WallInteractionStore>()((set) => ({
  selectedTileId: null,
  enlargedTileId: null,
  tourCommand: null,
  snapshotCommand: null,
  select: (tileId) => set({ selectedTileId: tileId }),
  toggleEnlarge: (tileId) => set((s) => ({ enlargedTileId: s.enlargedTileId === tileId ? null : tileId, selectedTileId: tileId })),
  restore: () => set({ enlargedTileId: null }),
  commandTours: (action, tileId) => set((s) => ({ tourCommand: { seq: (s.tourCommand?.seq ?? 0) + 1, action, tileId } })),
  requestSnapshot: (tileId) => set((s) => ({ snapshotCommand: { seq: (s.snapshotCommand?.seq ?? 0) + 1, tileId } })),
  layoutChanged: (tileIds) =>
    set((s) => ({
      selectedTileId: s.selectedTileId !== null && tileIds.has(s.selectedTileId) ? s.selectedTileId : null,
      enlargedTileId: s.enlargedTileId !== null && tileIds.has(s.enlargedTileId) ? s.enlargedTileId : null,
    })),
}));

import { create } from 'zustand';

export interface SnapshotRequestCommand {
  seq: number;
  tileId: string;
}

/**
 * This wall window's own hold on its tiles: which tile is selected (for the wall keys), and the
 * latest snapshot request (the tile takes it by seq). What is enlarged and where the tours stand
 * belong to the host (wall-store), because the console sees and changes them too.
 */
export interface WallInteractionStore {
  selectedTileId: string | null;
  /** A camera marker picked on a map tile (arrow keys or a click): Enter opens it. */
  mapCamera: { tileId: string; cameraId: string } | null;
  snapshotCommand: SnapshotRequestCommand | null;
  select(tileId: string | null): void;
  /** Picks a camera on a map tile (selecting that tile), or drops the pick with null. */
  selectMapCamera(pick: { tileId: string; cameraId: string } | null): void;
  requestSnapshot(tileId: string): void;
  /** A new layout: a selection of a tile that no longer exists is dropped. */
  layoutChanged(tileIds: ReadonlySet<string>): void;
}

export const useWallInteractionStore = create<WallInteractionStore>()((set) => ({
  selectedTileId: null,
  mapCamera: null,
  snapshotCommand: null,
  select: (tileId) => set((s) => ({ selectedTileId: tileId, mapCamera: s.mapCamera?.tileId === tileId ? s.mapCamera : null })),
  selectMapCamera: (pick) => set((s) => (pick ? { selectedTileId: pick.tileId, mapCamera: pick } : { mapCamera: null, selectedTileId: s.selectedTileId })),
  requestSnapshot: (tileId) => set((s) => ({ snapshotCommand: { seq: (s.snapshotCommand?.seq ?? 0) + 1, tileId } })),
  layoutChanged: (tileIds) =>
    set((s) => ({
      selectedTileId: s.selectedTileId !== null && tileIds.has(s.selectedTileId) ? s.selectedTileId : null,
      mapCamera: s.mapCamera !== null && tileIds.has(s.mapCamera.tileId) ? s.mapCamera : null,
    })),
}));

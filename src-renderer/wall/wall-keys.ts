import type { Command } from '../../src-shared/commands';
import type { GridArea, Tile } from '../../src-shared/domain';
import type { WallKeyActionName } from '../../src-shared/keys/key-table';

/**
 * What a wall key does (the key table's `wall` actions: src-shared/keys/key-table.ts), as a pure
 * mapping from the action and the wall's selection to an effect, so the rules are one table to
 * read and test. Selecting a tile is this window's own business; enlarging and driving the tours
 * are wall-local commands the host runs (the console sees and can change them); a snapshot is
 * taken here, of the picture this window shows.
 */
export type WallKeyEffect =
  | { type: 'select'; tileId: string }
  | { type: 'clear-selection' }
  | { type: 'command'; command: Command }
  | { type: 'snapshot'; tileId: string }
  | { type: 'select-map-camera'; tileId: string; cameraId: string }
  | { type: 'clear-map-camera' };

export interface WallKeyContext {
  wallId: string;
  tiles: readonly Tile[];
  selectedTileId: string | null;
  enlargedTileId: string | null;
  /** The camera picked on a map tile, if any. */
  mapCamera?: { tileId: string; cameraId: string } | null;
  /** The camera marker of a map tile an arrow moves to, from the picked one; null: none that way. */
  pickMapCamera?: (tileId: string, dx: number, dy: number) => string | null;
}

const DIRECTIONS: Readonly<Partial<Record<WallKeyActionName, { dx: number; dy: number }>>> = {
  'select-right': { dx: 1, dy: 0 },
  'select-left': { dx: -1, dy: 0 },
  'select-down': { dx: 0, dy: 1 },
  'select-up': { dx: 0, dy: -1 },
};

const isCamera = (tile: Tile | undefined): boolean => tile?.kind === 'camera' || tile?.kind === 'camera-tour';
const showsCameras = (tile: Tile | undefined): boolean => tile?.kind === 'map' && tile.layers.includes('cameras');
/** Tiles worth putting over the whole wall: pictures and maps. */
const enlargeable = (tile: Tile | undefined): boolean => isCamera(tile) || tile?.kind === 'map';
const center = (area: GridArea): { x: number; y: number } => ({ x: area.col + area.colSpan / 2, y: area.row + area.rowSpan / 2 });

/** The nearest tile in a direction, favouring tiles straight ahead over diagonal ones. */
export function neighbour(tiles: readonly Tile[], from: Tile, dx: number, dy: number): Tile | null {
  const origin = center(from.area);
  let best: { tile: Tile; score: number } | null = null;
  for (const tile of tiles) {
    if (tile.id === from.id) continue;
    const c = center(tile.area);
    const ahead = (c.x - origin.x) * dx + (c.y - origin.y) * dy;
    if (ahead <= 0) continue;
    const aside = Math.abs((c.x - origin.x) * dy) + Math.abs((c.y - origin.y) * dx);
    const score = ahead + aside * 2;
    if (!best || score < best.score) best = { tile, score };
  }
  return best?.tile ?? null;
}

export function wallKeyEffect(action: WallKeyActionName, context: WallKeyContext): WallKeyEffect | null {
  const { wallId, tiles, selectedTileId, enlargedTileId } = context;
  const selected = tiles.find((tile) => tile.id === selectedTileId);
  const direction = DIRECTIONS[action];
  if (direction) {
    if (enlargedTileId !== null) return null;
    if (!selected) return tiles[0] ? { type: 'select', tileId: tiles[0].id } : null;
    // On a map, the arrows go from camera to camera; past the last one that way, to the next tile.
    if (showsCameras(selected)) {
      const cameraId = context.pickMapCamera?.(selected.id, direction.dx, direction.dy) ?? null;
      if (cameraId !== null) return { type: 'select-map-camera', tileId: selected.id, cameraId };
    }
    const target = neighbour(tiles, selected, direction.dx, direction.dy);
    return target ? { type: 'select', tileId: target.id } : null;
  }
  const tourTarget = selected?.kind === 'camera-tour' ? selected.id : null;
  const tour = (tourAction: 'toggle-pause' | 'next' | 'previous'): WallKeyEffect => ({ type: 'command', command: { name: 'tour.control', payload: { wallId, tileId: tourTarget, action: tourAction } } });
  switch (action) {
    case 'enlarge': {
      if (enlargedTileId !== null) return { type: 'command', command: { name: 'wall.restore', payload: { wallId } } };
      const picked = context.mapCamera;
      if (picked && picked.tileId === selectedTileId && showsCameras(selected)) return { type: 'command', command: { name: 'map.open-camera', payload: { wallId, tileId: picked.tileId, cameraId: picked.cameraId } } };
      return enlargeable(selected) ? { type: 'command', command: { name: 'wall.enlarge', payload: { wallId, tileId: selectedTileId! } } } : null;
    }
    case 'back':
      if (enlargedTileId !== null) return { type: 'command', command: { name: 'wall.restore', payload: { wallId } } };
      if (context.mapCamera) return { type: 'clear-map-camera' };
      return selectedTileId !== null ? { type: 'clear-selection' } : null;
    case 'tour-pause':
      return tour('toggle-pause');
    case 'tour-next':
      return tour('next');
    case 'tour-previous':
      return tour('previous');
    case 'snapshot': {
      const target = enlargedTileId ?? (isCamera(selected) ? selectedTileId : null);
      return target ? { type: 'snapshot', tileId: target } : null;
    }
    default:
      return null;
  }
}

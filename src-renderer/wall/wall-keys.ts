import type { GridArea, Tile } from '../../src-shared/domain';
import type { TourAction } from '../stores/wall-interaction-store';

/**
 * The wall's keyboard, as a pure mapping from a key to what it does, so the bindings are one table
 * to read and test. Global shortcuts (switching presets and walls) belong to the host; these act on
 * the tiles of the wall that has the focus.
 *
 *   arrows          select the neighbouring tile
 *   Enter, F        enlarge the selected camera to the whole wall, and back
 *   Esc             back from enlarged; else clear the selection
 *   Space           pause / resume the selected tour (every tour when none is selected)
 *   N, PageDown     next camera of the tour(s);  P, PageUp  previous
 *   S               save a snapshot of the selected (or enlarged) camera
 */
export type WallKeyAction =
  | { type: 'select'; tileId: string }
  | { type: 'toggle-enlarge'; tileId: string }
  | { type: 'restore' }
  | { type: 'clear-selection' }
  | { type: 'tour'; action: TourAction; tileId: string | null }
  | { type: 'snapshot'; tileId: string };

export interface WallKeyContext {
  tiles: readonly Tile[];
  selectedTileId: string | null;
  enlargedTileId: string | null;
}

const DIRECTIONS: Readonly<Record<string, { dx: number; dy: number }>> = {
  ArrowRight: { dx: 1, dy: 0 },
  ArrowLeft: { dx: -1, dy: 0 },
  ArrowDown: { dx: 0, dy: 1 },
  ArrowUp: { dx: 0, dy: -1 },
};

const isCamera = (tile: Tile | undefined): boolean => tile?.kind === 'camera' || tile?.kind === 'camera-tour';
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

export function wallKeyAction(key: string, context: WallKeyContext): WallKeyAction | null {
  const { tiles, selectedTileId, enlargedTileId } = context;
  const selected = tiles.find((tile) => tile.id === selectedTileId);
  const direction = DIRECTIONS[key];
  if (direction) {
    if (enlargedTileId !== null) return null;
    if (!selected) return tiles[0] ? { type: 'select', tileId: tiles[0].id } : null;
    const target = neighbour(tiles, selected, direction.dx, direction.dy);
    return target ? { type: 'select', tileId: target.id } : null;
  }
  const tourTarget = selected?.kind === 'camera-tour' ? selected.id : null;
  switch (key) {
    case 'Enter':
    case 'f':
    case 'F': {
      const target = enlargedTileId ?? (isCamera(selected) ? selectedTileId : null);
      return target ? { type: 'toggle-enlarge', tileId: target } : null;
    }
    case 'Escape':
      return enlargedTileId !== null ? { type: 'restore' } : selectedTileId !== null ? { type: 'clear-selection' } : null;
    case ' ':
      return { type: 'tour', action: 'toggle-pause', tileId: tourTarget };
    case 'n':
    case 'N':
    case 'PageDown':
      return { type: 'tour', action: 'next', tileId: tourTarget };
    case 'p':
    case 'P':
    case 'PageUp':
      return { type: 'tour', action: 'previous', tileId: tourTarget };
    case 's':
    case 'S': {
      const target = enlargedTileId ?? (isCamera(selected) ? selectedTileId : null);
      return target ? { type: 'snapshot', tileId: target } : null;
    }
    default:
      return null;
  }
}

import { describe, expect, it } from 'vitest';
import type { Tile } from '../../../src-shared/domain';
import { neighbour, wallKeyAction } from '../../../src-renderer/wall/wall-keys';

const area = (col: number, row: number, colSpan = 1, rowSpan = 1) => ({ col, row, colSpan, rowSpan });
const tiles: Tile[] = [
  { id: 'big', kind: 'camera', cameraId: 'a', area: area(1, 1, 2, 2) },
  { id: 'right-top', kind: 'camera', cameraId: 'b', area: area(3, 1) },
  { id: 'tour', kind: 'camera-tour', cameraIds: ['a', 'b'], dwellSeconds: 10, pauseOnAlert: true, area: area(3, 2) },
  { id: 'ticker', kind: 'ticker', area: area(1, 3, 3, 1) },
];
const ctx = (selectedTileId: string | null, enlargedTileId: string | null = null) => ({ tiles, selectedTileId, enlargedTileId });

describe('wall keys', () => {
  it('arrows move to the nearest tile in that direction, straight ahead first', () => {
    expect(neighbour(tiles, tiles[0]!, 1, 0)?.id).toBe('right-top');
    expect(neighbour(tiles, tiles[1]!, 0, 1)?.id).toBe('tour');
    expect(neighbour(tiles, tiles[2]!, 0, 1)?.id).toBe('ticker');
    expect(neighbour(tiles, tiles[3]!, 0, -1)?.id).toBe('big');
    expect(neighbour(tiles, tiles[1]!, 0, -1)).toBeNull();
    expect(wallKeyAction('ArrowRight', ctx(null))).toEqual({ type: 'select', tileId: 'big' });
  });

  it('Enter/F enlarge the selected camera and back; not a ticker; Esc restores first', () => {
    expect(wallKeyAction('Enter', ctx('big'))).toEqual({ type: 'toggle-enlarge', tileId: 'big' });
    expect(wallKeyAction('f', ctx('tour'))).toEqual({ type: 'toggle-enlarge', tileId: 'tour' });
    expect(wallKeyAction('Enter', ctx('ticker'))).toBeNull();
    expect(wallKeyAction('F', ctx('ticker', 'big'))).toEqual({ type: 'toggle-enlarge', tileId: 'big' });
    expect(wallKeyAction('Escape', ctx('big', 'big'))).toEqual({ type: 'restore' });
    expect(wallKeyAction('Escape', ctx('big'))).toEqual({ type: 'clear-selection' });
    expect(wallKeyAction('Escape', ctx(null))).toBeNull();
    expect(wallKeyAction('ArrowLeft', ctx('big', 'big'))).toBeNull();
  });

  it('tour keys act on the selected tour, or on every tour when none is selected', () => {
    expect(wallKeyAction(' ', ctx('tour'))).toEqual({ type: 'tour', action: 'toggle-pause', tileId: 'tour' });
    expect(wallKeyAction(' ', ctx('big'))).toEqual({ type: 'tour', action: 'toggle-pause', tileId: null });
    expect(wallKeyAction('PageDown', ctx('tour'))).toEqual({ type: 'tour', action: 'next', tileId: 'tour' });
    expect(wallKeyAction('p', ctx(null))).toEqual({ type: 'tour', action: 'previous', tileId: null });
  });

  it('S snapshots the enlarged or selected camera, nothing else', () => {
    expect(wallKeyAction('s', ctx('right-top'))).toEqual({ type: 'snapshot', tileId: 'right-top' });
    expect(wallKeyAction('S', ctx('ticker', 'tour'))).toEqual({ type: 'snapshot', tileId: 'tour' });
    expect(wallKeyAction('s', ctx('ticker'))).toBeNull();
    expect(wallKeyAction('x', ctx('big'))).toBeNull();
  });
});

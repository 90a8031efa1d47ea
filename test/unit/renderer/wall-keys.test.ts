import { describe, expect, it } from 'vitest';
import type { Tile } from '../../../src-shared/domain';
import { neighbour, wallKeyEffect } from '../../../src-renderer/wall/wall-keys';

const area = (col: number, row: number, colSpan = 1, rowSpan = 1) => ({ col, row, colSpan, rowSpan });
const tiles: Tile[] = [
  { id: 'big', kind: 'camera', cameraId: 'a', area: area(1, 1, 2, 2) },
  { id: 'right-top', kind: 'camera', cameraId: 'b', area: area(3, 1) },
  { id: 'tour', kind: 'camera-tour', cameraIds: ['a', 'b'], dwellSeconds: 10, pauseOnAlert: true, area: area(3, 2) },
  { id: 'ticker', kind: 'ticker', area: area(1, 3, 3, 1) },
];
const ctx = (selectedTileId: string | null, enlargedTileId: string | null = null) => ({ wallId: 'w1', tiles, selectedTileId, enlargedTileId });
const command = (name: string, payload: object) => ({ type: 'command', command: { name, payload } });

describe('wall keys', () => {
  it('arrows move to the nearest tile in that direction, straight ahead first', () => {
    expect(neighbour(tiles, tiles[0]!, 1, 0)?.id).toBe('right-top');
    expect(neighbour(tiles, tiles[1]!, 0, 1)?.id).toBe('tour');
    expect(neighbour(tiles, tiles[2]!, 0, 1)?.id).toBe('ticker');
    expect(neighbour(tiles, tiles[3]!, 0, -1)?.id).toBe('big');
    expect(neighbour(tiles, tiles[1]!, 0, -1)).toBeNull();
    expect(wallKeyEffect('select-right', ctx(null))).toEqual({ type: 'select', tileId: 'big' });
    expect(wallKeyEffect('select-down', ctx('right-top'))).toEqual({ type: 'select', tileId: 'tour' });
  });

  it('enlarge asks the host to enlarge the selected camera, and back; not a ticker; back restores first', () => {
    expect(wallKeyEffect('enlarge', ctx('big'))).toEqual(command('wall.enlarge', { wallId: 'w1', tileId: 'big' }));
    expect(wallKeyEffect('enlarge', ctx('tour'))).toEqual(command('wall.enlarge', { wallId: 'w1', tileId: 'tour' }));
    expect(wallKeyEffect('enlarge', ctx('ticker'))).toBeNull();
    expect(wallKeyEffect('enlarge', ctx('ticker', 'big'))).toEqual(command('wall.restore', { wallId: 'w1' }));
    expect(wallKeyEffect('back', ctx('big', 'big'))).toEqual(command('wall.restore', { wallId: 'w1' }));
    expect(wallKeyEffect('back', ctx('big'))).toEqual({ type: 'clear-selection' });
    expect(wallKeyEffect('back', ctx(null))).toBeNull();
    expect(wallKeyEffect('select-left', ctx('big', 'big'))).toBeNull();
  });

  it('tour keys drive the selected tour through the host, or every tour when none is selected', () => {
    expect(wallKeyEffect('tour-pause', ctx('tour'))).toEqual(command('tour.control', { wallId: 'w1', tileId: 'tour', action: 'toggle-pause' }));
    expect(wallKeyEffect('tour-pause', ctx('big'))).toEqual(command('tour.control', { wallId: 'w1', tileId: null, action: 'toggle-pause' }));
    expect(wallKeyEffect('tour-next', ctx('tour'))).toEqual(command('tour.control', { wallId: 'w1', tileId: 'tour', action: 'next' }));
    expect(wallKeyEffect('tour-previous', ctx(null))).toEqual(command('tour.control', { wallId: 'w1', tileId: null, action: 'previous' }));
  });

  it('snapshot takes the enlarged or selected camera, nothing else', () => {
    expect(wallKeyEffect('snapshot', ctx('right-top'))).toEqual({ type: 'snapshot', tileId: 'right-top' });
    expect(wallKeyEffect('snapshot', ctx('ticker', 'tour'))).toEqual({ type: 'snapshot', tileId: 'tour' });
    expect(wallKeyEffect('snapshot', ctx('ticker'))).toBeNull();
  });
});

describe('wall keys on a map tile', () => {
  const mapTiles: Tile[] = [
    { id: 'map', kind: 'map', view: 'province', layers: ['cameras', 'alerts'], area: area(1, 1, 2, 1) },
    { id: 'plain-map', kind: 'map', view: 'province', layers: ['alerts'], area: area(1, 2) },
    { id: 'cam', kind: 'camera', cameraId: 'c', area: area(3, 1) },
  ];
  const picks: Record<string, string | null> = { '1,0': 'east-cam', '-1,0': null, '0,1': 'south-cam', '0,-1': null };
  const mapCtx = (selectedTileId: string | null, mapCamera: { tileId: string; cameraId: string } | null = null, enlargedTileId: string | null = null) => ({
    wallId: 'w1',
    tiles: mapTiles,
    selectedTileId,
    enlargedTileId,
    mapCamera,
    pickMapCamera: (tileId: string, dx: number, dy: number) => (tileId === 'map' ? (picks[`${dx},${dy}`] ?? null) : 'never'),
  });

  it('arrows go from camera marker to camera marker, and to the next tile past the last one that way', () => {
    expect(wallKeyEffect('select-right', mapCtx('map'))).toEqual({ type: 'select-map-camera', tileId: 'map', cameraId: 'east-cam' });
    expect(wallKeyEffect('select-down', mapCtx('map', { tileId: 'map', cameraId: 'east-cam' }))).toEqual({ type: 'select-map-camera', tileId: 'map', cameraId: 'south-cam' });
    expect(wallKeyEffect('select-up', mapCtx('map'))).toBeNull();
    // A map without a camera layer is a tile like any other for the arrows.
    expect(wallKeyEffect('select-right', mapCtx('plain-map'))).toEqual({ type: 'select', tileId: 'map' });
  });

  it('Enter opens the picked camera through the host, enlarges the map without one; Esc drops the pick first', () => {
    const picked = { tileId: 'map', cameraId: 'east-cam' };
    expect(wallKeyEffect('enlarge', mapCtx('map', picked))).toEqual(command('map.open-camera', { wallId: 'w1', tileId: 'map', cameraId: 'east-cam' }));
    expect(wallKeyEffect('enlarge', mapCtx('map'))).toEqual(command('wall.enlarge', { wallId: 'w1', tileId: 'map' }));
    expect(wallKeyEffect('back', mapCtx('map', picked))).toEqual({ type: 'clear-map-camera' });
    expect(wallKeyEffect('back', mapCtx('map', picked, 'wall-focus'))).toEqual(command('wall.restore', { wallId: 'w1' }));
    expect(wallKeyEffect('back', mapCtx('map'))).toEqual({ type: 'clear-selection' });
  });
});

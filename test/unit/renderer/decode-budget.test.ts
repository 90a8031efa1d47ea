import { describe, expect, it } from 'vitest';
import { CAMERA_MAIN_STREAM_COST } from '../../../src-renderer/constants';
import { allocateDecoders, defaultDecodeBudget, type DecodeRequest } from '../../../src-renderer/tiles/camera/decode-budget';
import { stillSize, wantsMainStream } from '../../../src-renderer/tiles/camera/stream-choice';

const tiles = (n: number, over: Partial<DecodeRequest> = {}): DecodeRequest[] =>
  Array.from({ length: n }, (_, i) => ({ key: `t${i}`, order: i, visible: true, wantsMain: false, ...over }));

describe('decode budget', () => {
  it('defaults to 14 sub streams per core, at least 16 and at most 64', () => {
    expect(defaultDecodeBudget(2)).toBe(28);
    expect(defaultDecodeBudget(1)).toBe(16);
    expect(defaultDecodeBudget(undefined)).toBe(28);
    expect(defaultDecodeBudget(16)).toBe(64);
  });

  it('decodes every tile that fits and gives the rest none, in reading order', () => {
    const grants = allocateDecoders(tiles(6), 4);
    expect([...grants.values()]).toEqual(['sub', 'sub', 'sub', 'sub', 'none', 'none']);
  });

  it('hidden tiles never get a decoder and do not count against the budget', () => {
    const requests = tiles(4).map((r, i) => ({ ...r, visible: i !== 0 }));
    const grants = allocateDecoders(requests, 3);
    expect(grants.get('t0')).toBe('none');
    expect([1, 2, 3].map((i) => grants.get(`t${i}`))).toEqual(['sub', 'sub', 'sub']);
  });

  it('an enlarged tile alone gets its main stream', () => {
    const requests = tiles(9).map((r, i) => (i === 4 ? { ...r, order: -1, wantsMain: true } : { ...r, visible: false }));
    const grants = allocateDecoders(requests, 4);
    expect(grants.get('t4')).toBe('main');
    expect([...grants.values()].filter((g) => g !== 'none')).toHaveLength(1);
  });

  it('a main stream never pushes a smaller tile off the wall: it falls back to sub', () => {
    const requests = tiles(4).map((r, i) => (i === 0 ? { ...r, wantsMain: true } : r));
    expect(allocateDecoders(requests, 4).get('t0')).toBe('sub');
    expect(allocateDecoders(requests, 3 + CAMERA_MAIN_STREAM_COST).get('t0')).toBe('main');
    expect([...allocateDecoders(requests, 3 + CAMERA_MAIN_STREAM_COST).values()].filter((g) => g === 'none')).toEqual([]);
  });

  it('ties in order are broken by key, so the same wall allocates the same way every time', () => {
    const a = allocateDecoders(tiles(3, { order: 0 }), 2);
    const b = allocateDecoders(tiles(3, { order: 0 }).reverse(), 2);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });
});

describe('sub or main stream', () => {
  it('switches up only well above the sub stream height, and back down with a margin', () => {
    expect(wantsMainStream(300, 1, 360, false)).toBe(false);
    expect(wantsMainStream(540, 1, 360, false)).toBe(true);
    expect(wantsMainStream(450, 1, 360, true)).toBe(true);
    expect(wantsMainStream(420, 1, 360, true)).toBe(false);
  });

  it('counts device pixels and assumes 360p before the sub stream is known', () => {
    expect(wantsMainStream(300, 2, 0, false)).toBe(true);
    expect(wantsMainStream(500, 1, 0, false)).toBe(false);
  });
});

describe('the still a tile keeps of its last frame', () => {
  it('is as tall as the tile in device pixels, at the frame’s aspect', () => {
    expect(stillSize(640, 360, 190)).toEqual({ width: 338, height: 190 });
    expect(stillSize(640, 360, 190 * 2)).toEqual({ width: 640, height: 360 });
    // A portrait camera keeps its aspect too: width follows height, not the other way round.
    expect(stillSize(360, 640, 320)).toEqual({ width: 180, height: 320 });
  });

  it('is never larger than the frame, and the whole frame before the tile’s height is known', () => {
    expect(stillSize(640, 360, 2160)).toEqual({ width: 640, height: 360 });
    expect(stillSize(640, 360, 0)).toEqual({ width: 640, height: 360 });
    expect(stillSize(640, 360, Number.NaN)).toEqual({ width: 640, height: 360 });
    expect(stillSize(640, 360, 0.2)).toEqual({ width: 2, height: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { displayName, sortDisplays } from '../../../src-main/walls/display-order';
import { display } from './display-fixtures';

/** Four 1080p monitors side by side; the primary (operator's) is the leftmost, as in the IOC room. */
const fourInARow = [display(40, 5760), display(10, 0, 0, { primary: true }), display(30, 3840), display(20, 1920)];

describe('sortDisplays', () => {
  it('orders side-by-side displays left to right whatever order the OS lists them in', () => {
    expect(sortDisplays(fourInARow).map((d) => d.id)).toEqual([10, 20, 30, 40]);
  });

  it('reads a 2×2 grid row by row: top-left, top-right, bottom-left, bottom-right', () => {
    const grid = [display(4, 1920, 1080), display(1, 0, 0), display(3, 0, 1080), display(2, 1920, 0)];
    expect(sortDisplays(grid).map((d) => d.id)).toEqual([1, 2, 3, 4]);
  });

  it('keeps a row together when monitors of different heights are bottom-aligned', () => {
    const mixed = [display(1, 0, 360), display(2, 1920, 0, { width: 2560, height: 1440 }), display(3, 4480, 360)];
    expect(sortDisplays(mixed).map((d) => d.id)).toEqual([1, 2, 3]);
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const displays = [display(1, 0, 0, { primary: true }), display(2, -1920, 0), display(3, -1920, -1080)];
    expect(sortDisplays(displays).map((d) => d.id)).toEqual([3, 2, 1]);
  });

  it('is deterministic for identical bounds (mirrored displays): by id', () => {
    expect(sortDisplays([display(9, 0), display(3, 0)]).map((d) => d.id)).toEqual([3, 9]);
  });
});

describe('displayName', () => {
  it('is the monitor name, else its size', () => {
    expect(displayName(display(1, 0, 0, { label: 'DELL P2419H' }))).toBe('DELL P2419H');
    expect(displayName(display(1, 0, 0, { label: '' }))).toBe('1920×1080');
  });
});

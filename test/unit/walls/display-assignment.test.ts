import { describe, expect, it } from 'vitest';
import type { DisplayPin, Wall } from '../../../src-shared/domain';
import { assignDisplays, sortDisplays, type DisplayAssignment, type DisplayInfo } from '../../../src-main/walls/display-assignment';

function display(id: number, x: number, y = 0, options: { primary?: boolean; width?: number; height?: number } = {}): DisplayInfo {
  return { id, label: `D${id}`, primary: options.primary ?? false, bounds: { x, y, width: options.width ?? 1920, height: options.height ?? 1080 } };
}

function wall(id: string, display?: DisplayPin): Wall {
  return { id, name: `Wall ${id}`, layoutId: 'tong-quan', ...(display ? { display } : {}) };
}

/** wallId → display id, the part of an assignment most tests care about. */
function where(assignment: DisplayAssignment): Record<string, number> {
  return Object.fromEntries(assignment.placements.map((p) => [p.wallId, p.display.id]));
}

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

describe('assignDisplays', () => {
  it('with no display places nothing and reports every wall', () => {
    const result = assignDisplays([wall('1'), wall('2')], []);
    expect(result).toEqual({ console: null, placements: [], unplaced: ['1', '2'] });
  });

  it('on a single monitor shares it: console and the first wall, the rest reported', () => {
    const only = display(1, 0, 0, { primary: true });
    const result = assignDisplays([wall('1'), wall('2')], [only]);
    expect(result.console?.id).toBe(1);
    expect(result.placements).toEqual([{ wallId: '1', display: only, index: 0 }]);
    expect(result.unplaced).toEqual(['2']);
  });

  it('on four displays puts the console on the primary and walls on the others in order', () => {
    const result = assignDisplays([wall('1'), wall('2'), wall('3')], fourInARow);
    expect(result.console?.id).toBe(10);
    expect(where(result)).toEqual({ '1': 20, '2': 30, '3': 40 });
    expect(result.placements.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(result.unplaced).toEqual([]);
  });

  it('falls back to the first display in reading order when none is marked primary', () => {
    const result = assignDisplays([wall('1')], [display(2, 1920), display(1, 0)]);
    expect(result.console?.id).toBe(1);
    expect(where(result)).toEqual({ '1': 2 });
  });

  it('puts the console on its pinned display, by index or by id', () => {
    expect(assignDisplays([wall('1')], fourInARow, { index: 3 }).console?.id).toBe(40);
    expect(assignDisplays([wall('1')], fourInARow, { displayId: 30 }).console?.id).toBe(30);
    const byIndex = assignDisplays([wall('1'), wall('2'), wall('3')], fourInARow, { index: 3 });
    expect(where(byIndex)).toEqual({ '1': 10, '2': 20, '3': 30 });
  });

  it('puts the console on the primary when its pin names a missing display', () => {
    expect(assignDisplays([wall('1')], fourInARow, { index: 9 }).console?.id).toBe(10);
    expect(assignDisplays([wall('1')], fourInARow, { displayId: 999 }).console?.id).toBe(10);
  });

  it('gives pinned walls their display before unpinned walls fill the rest', () => {
    const walls = [wall('a'), wall('b', { index: 1 }), wall('c', { displayId: 40 })];
    const result = assignDisplays(walls, fourInARow);
    expect(where(result)).toEqual({ a: 30, b: 20, c: 40 });
    // Placements keep the walls' config order, not the order they were decided in.
    expect(result.placements.map((p) => p.wallId)).toEqual(['a', 'b', 'c']);
  });

  it('prefers the display id over the index when both are pinned and the id is plugged in', () => {
    expect(where(assignDisplays([wall('a', { displayId: 40, index: 1 })], fourInARow))).toEqual({ a: 40 });
  });

  it('falls back to the index when the pinned display id is gone (replugged monitors get new ids)', () => {
    expect(where(assignDisplays([wall('a', { displayId: 777, index: 2 })], fourInARow))).toEqual({ a: 30 });
  });

  it('lets a wall pinned to a missing display fill a free one instead of going dark', () => {
    const result = assignDisplays([wall('a', { index: 7 }), wall('b')], fourInARow);
    expect(where(result)).toEqual({ a: 20, b: 30 });
    expect(result.unplaced).toEqual([]);
  });

  it('never pins a wall onto the console display while other displays exist', () => {
    const result = assignDisplays([wall('a', { index: 0 })], fourInARow);
    expect(where(result)).toEqual({ a: 20 });
  });

  it('gives a contested pin to the first wall in config order; the second fills in', () => {
    const result = assignDisplays([wall('a', { index: 2 }), wall('b', { index: 2 }), wall('c')], fourInARow);
    expect(where(result)).toEqual({ a: 30, b: 20, c: 40 });
  });

  it('reports walls beyond the number of displays as unplaced, keeping the order', () => {
    const walls = ['1', '2', '3', '4', '5'].map((id) => wall(id));
    const result = assignDisplays(walls, fourInARow);
    expect(where(result)).toEqual({ '1': 20, '2': 30, '3': 40 });
    expect(result.unplaced).toEqual(['4', '5']);
  });

  it('reports the unpinned wall, not the pinned one, when displays run out', () => {
    const result = assignDisplays([wall('free'), wall('pinned', { index: 1 })], [display(1, 0, 0, { primary: true }), display(2, 1920)]);
    expect(where(result)).toEqual({ pinned: 2 });
    expect(result.unplaced).toEqual(['free']);
  });

  it('gives the same answer whatever order the displays are listed in', () => {
    const walls = [wall('1'), wall('2', { index: 3 }), wall('3')];
    const reference = assignDisplays(walls, fourInARow);
    for (const order of [[...fourInARow].reverse(), [fourInARow[2]!, fourInARow[0]!, fourInARow[3]!, fourInARow[1]!]]) {
      expect(assignDisplays(walls, order)).toEqual(reference);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_DISPLAY_BOOK, settleDisplays, type DisplayBook } from '../../../src-main/walls/display-book';
import type { DisplayInfo } from '../../../src-main/walls/display-order';
import { planWallWindows, type PlannedWall, type WallWindowPlan } from '../../../src-main/walls/window-plan';

import { display as at, wall } from './display-fixtures';

const display = (id: number, x: number, primary = false): DisplayInfo => at(id, x, 0, { primary });
const walls = ['1', '2', '3'].map((id) => wall(id));

/** Plays the shell's part over a run of screen events: settle the book, plan against the open windows, apply the plan. */
function shell(): { open: Map<string, number>; step: (displays: DisplayInfo[]) => WallWindowPlan } {
  const open = new Map<string, number>();
  let book: DisplayBook = EMPTY_DISPLAY_BOOK;
  const step = (displays: DisplayInfo[]): WallWindowPlan => {
    const next = settleDisplays(book, { walls, displays, at: '2026-12-01T00:00:00.000Z' });
    book = next.book;
    const planned: PlannedWall[] = next.settled.placements.map((p) => ({ wallId: p.wallId, displayId: p.display.id }));
    const plan = planWallWindows(open, planned, new Set(next.settled.refit));
    plan.close.forEach((id) => open.delete(id));
    plan.move.forEach(({ wallId, to }) => open.set(wallId, to));
    plan.open.forEach(({ wallId, displayId }) => open.set(wallId, displayId));
    return plan;
  };
  return { open, step };
}

describe('planWallWindows', () => {
  it('opens every wall on first start', () => {
    expect(planWallWindows(new Map(), [{ wallId: '1', displayId: 2 }, { wallId: '2', displayId: 3 }])).toEqual({
      open: [{ wallId: '1', displayId: 2 }, { wallId: '2', displayId: 3 }],
      move: [],
      close: [],
    });
  });

  it('does nothing when the assignment did not change', () => {
    const current = new Map([['1', 2], ['2', 3]]);
    expect(planWallWindows(current, [{ wallId: '1', displayId: 2 }, { wallId: '2', displayId: 3 }])).toEqual({ open: [], move: [], close: [] });
  });

  it('moves only the walls whose display changed', () => {
    const current = new Map([['1', 2], ['2', 3]]);
    expect(planWallWindows(current, [{ wallId: '1', displayId: 2 }, { wallId: '2', displayId: 4 }])).toEqual({
      open: [],
      move: [{ wallId: '2', from: 3, to: 4 }],
      close: [],
    });
  });

  it('refits in place a wall whose display changed metrics, and leaves the others alone', () => {
    const current = new Map([['1', 2], ['2', 3]]);
    const plan = planWallWindows(current, [{ wallId: '1', displayId: 2 }, { wallId: '2', displayId: 3 }], new Set([3, 99]));
    expect(plan).toEqual({ open: [], move: [{ wallId: '2', from: 3, to: 3 }], close: [] });
  });

  it('closes windows of walls that lost their display, in a stable order', () => {
    const current = new Map([['b', 3], ['a', 2], ['c', 4]]);
    expect(planWallWindows(current, [{ wallId: 'c', displayId: 4 }]).close).toEqual(['a', 'b']);
  });
});

describe('hot-plug sequences', () => {
  const primary = display(1, 0, true);
  const left = display(2, 1920);
  const middle = display(3, 3840);
  const right = display(4, 5760);

  it('start on four displays, unplug the last, plug it back: only wall 3 is touched', () => {
    const { open, step } = shell();
    expect(step([primary, left, middle, right]).open).toHaveLength(3);
    expect(step([primary, left, middle])).toEqual({ open: [], move: [], close: ['3'] });
    expect(step([primary, left, middle, right])).toEqual({ open: [{ wallId: '3', displayId: 4 }], move: [], close: [] });
    expect(open).toEqual(new Map([['1', 2], ['2', 3], ['3', 4]]));
  });

  it('unplugging a middle display closes its wall only; replugging reopens it there', () => {
    const { step } = shell();
    step([primary, left, middle, right]);
    expect(step([primary, left, right])).toEqual({ open: [], move: [], close: ['2'] });
    expect(step([primary, left, middle, right])).toEqual({ open: [{ wallId: '2', displayId: 3 }], move: [], close: [] });
  });

  it('a laptop alone (single display) keeps wall 1 on the console display, then spreads out when monitors arrive', () => {
    const { step } = shell();
    expect(step([primary])).toEqual({ open: [{ wallId: '1', displayId: 1 }], move: [], close: [] });
    expect(step([primary, left])).toEqual({ open: [], move: [{ wallId: '1', from: 1, to: 2 }], close: [] });
    expect(step([primary, left, middle])).toEqual({ open: [{ wallId: '2', displayId: 3 }], move: [], close: [] });
  });

  it('a resolution change on one display refits only its wall', () => {
    const { step } = shell();
    step([primary, left, middle, right]);
    const sharper = { ...middle, bounds: { ...middle.bounds, width: 3840, height: 2160 } };
    expect(step([primary, left, sharper, right])).toEqual({ open: [], move: [{ wallId: '2', from: 3, to: 3 }], close: [] });
  });

  it('losing every display closes every wall, and they all come back', () => {
    const { open, step } = shell();
    step([primary, left, middle]);
    expect(step([]).close).toEqual(['1', '2']);
    expect(open.size).toBe(0);
    expect(step([primary, left, middle]).open.map((o) => o.wallId)).toEqual(['1', '2']);
  });
});

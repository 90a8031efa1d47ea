import { describe, expect, it } from 'vitest';
import type { Wall } from '../../../src-shared/domain';
import { assignDisplays, type DisplayInfo } from '../../../src-main/walls/display-assignment';
import { planWallWindows, type PlannedWall, type WallWindowPlan } from '../../../src-main/walls/window-plan';

function display(id: number, x: number, primary = false): DisplayInfo {
  return { id, label: `D${id}`, primary, bounds: { x, y: 0, width: 1920, height: 1080 } };
}

const walls: Wall[] = ['1', '2', '3'].map((id) => ({ id, name: `Wall ${id}`, layoutId: 'tong-quan' }));

/** Plays the shell's part: plan against the open windows, then apply the plan to them. */
function step(open: Map<string, number>, displays: DisplayInfo[], changed?: Set<number>): WallWindowPlan {
  const next: PlannedWall[] = assignDisplays(walls, displays).placements.map((p) => ({ wallId: p.wallId, displayId: p.display.id }));
  const plan = planWallWindows(open, next, changed);
  plan.close.forEach((id) => open.delete(id));
  plan.move.forEach(({ wallId, to }) => open.set(wallId, to));
  plan.open.forEach(({ wallId, displayId }) => open.set(wallId, displayId));
  return plan;
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
    const open = new Map<string, number>();
    expect(step(open, [primary, left, middle, right]).open).toHaveLength(3);
    expect(step(open, [primary, left, middle])).toEqual({ open: [], move: [], close: ['3'] });
    expect(step(open, [primary, left, middle, right])).toEqual({ open: [{ wallId: '3', displayId: 4 }], move: [], close: [] });
    expect(open).toEqual(new Map([['1', 2], ['2', 3], ['3', 4]]));
  });

  it('unplugging a middle display shifts the later walls left, leaving earlier ones', () => {
    const open = new Map<string, number>();
    step(open, [primary, left, middle, right]);
    expect(step(open, [primary, left, right])).toEqual({ open: [], move: [{ wallId: '2', from: 3, to: 4 }], close: ['3'] });
  });

  it('a laptop alone (single display) keeps wall 1 on the console display, then spreads out when monitors arrive', () => {
    const open = new Map<string, number>();
    expect(step(open, [primary])).toEqual({ open: [{ wallId: '1', displayId: 1 }], move: [], close: [] });
    expect(step(open, [primary, left])).toEqual({ open: [], move: [{ wallId: '1', from: 1, to: 2 }], close: [] });
    expect(step(open, [primary, left, middle])).toEqual({ open: [{ wallId: '2', displayId: 3 }], move: [], close: [] });
  });

  it('a resolution change on one display refits only its wall', () => {
    const open = new Map<string, number>();
    step(open, [primary, left, middle, right]);
    expect(step(open, [primary, left, middle, right], new Set([3]))).toEqual({ open: [], move: [{ wallId: '2', from: 3, to: 3 }], close: [] });
  });

  it('losing every display closes every wall, and they all come back', () => {
    const open = new Map<string, number>();
    step(open, [primary, left, middle]);
    expect(step(open, []).close).toEqual(['1', '2']);
    expect(open.size).toBe(0);
    expect(step(open, [primary, left, middle]).open.map((o) => o.wallId)).toEqual(['1', '2']);
  });
});

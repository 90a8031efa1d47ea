import { describe, expect, it } from 'vitest';
import type { DisplayPin, Wall } from '../../../src-shared/domain';
import { EMPTY_DISPLAY_BOOK, settleDisplays, type DisplayBook, type DisplaySettlement } from '../../../src-main/walls/display-book';
import type { DisplayInfo } from '../../../src-main/walls/display-order';
import { display, wall } from './display-fixtures';

/** wallId → display id of the walls that have a window. */
function where(settled: DisplaySettlement): Record<string, number> {
  return Object.fromEntries(settled.placements.map((p) => [p.wallId, p.display.id]));
}

/** A fresh host seeing these displays for the first time. */
function first(walls: readonly Wall[], displays: readonly DisplayInfo[], consolePin?: DisplayPin): DisplaySettlement {
  return settleDisplays(EMPTY_DISPLAY_BOOK, { walls, displays, consolePin, at: '2026-12-01T00:00:00.000Z' }).settled;
}

/** A host living through screen events: each call is one settled burst, at 22:00 + n minutes. */
function room(walls: readonly Wall[], consolePin?: DisplayPin) {
  let book: DisplayBook = EMPTY_DISPLAY_BOOK;
  let minute = 0;
  return (displays: readonly DisplayInfo[]): DisplaySettlement => {
    const at = new Date(Date.UTC(2026, 11, 1, 15, minute++)).toISOString();
    const next = settleDisplays(book, { walls, displays, consolePin, at });
    book = next.book;
    return next.settled;
  };
}

/** Four 1080p monitors side by side; the primary (operator's) is the leftmost, as in the IOC room. */
const fourInARow = [display(40, 5760), display(10, 0, 0, { primary: true }), display(30, 3840), display(20, 1920)];
const threeWalls = [wall('1'), wall('2'), wall('3')];

describe('first placement (what the pins mean on first sight)', () => {
  it('with no display places nothing and reports every wall', () => {
    const settled = first([wall('1'), wall('2')], []);
    expect(settled).toMatchObject({ console: null, placements: [], waiting: [], unplaced: ['1', '2'], displays: [] });
  });

  it('on a single monitor shares it: console and the first wall, the rest reported', () => {
    const only = display(1, 0, 0, { primary: true });
    const settled = first([wall('1'), wall('2')], [only]);
    expect(settled.console?.id).toBe(1);
    expect(settled.placements).toEqual([{ wallId: '1', display: only, index: 0 }]);
    expect(settled.unplaced).toEqual(['2']);
  });

  it('on four displays puts the console on the primary and walls on the others in order', () => {
    const settled = first(threeWalls, fourInARow);
    expect(settled.console?.id).toBe(10);
    expect(where(settled)).toEqual({ '1': 20, '2': 30, '3': 40 });
    expect(settled.placements.map((p) => p.index)).toEqual([1, 2, 3]);
  });

  it('puts the console on its pinned display, by index, id or name; else the primary', () => {
    expect(first([wall('1')], fourInARow, { index: 3 }).console?.id).toBe(40);
    expect(first([wall('1')], fourInARow, { displayId: 30 }).console?.id).toBe(30);
    expect(first([wall('1')], fourInARow, { name: 'D20' }).console?.id).toBe(20);
    expect(first([wall('1')], fourInARow, { index: 9 }).console?.id).toBe(10);
    expect(first([wall('1')], fourInARow, { displayId: 999 }).console?.id).toBe(10);
    expect(where(first(threeWalls, fourInARow, { index: 3 }))).toEqual({ '1': 10, '2': 20, '3': 30 });
  });

  it('gives pinned walls their display before unpinned walls fill the rest, keeping config order', () => {
    const settled = first([wall('a'), wall('b', { index: 1 }), wall('c', { displayId: 40 })], fourInARow);
    expect(where(settled)).toEqual({ a: 30, b: 20, c: 40 });
    expect(settled.placements.map((p) => p.wallId)).toEqual(['a', 'b', 'c']);
  });

  it('prefers the id, then the name, then the index', () => {
    expect(where(first([wall('a', { displayId: 40, index: 1 })], fourInARow))).toEqual({ a: 40 });
    expect(where(first([wall('a', { displayId: 777, index: 2 })], fourInARow))).toEqual({ a: 30 });
    expect(where(first([wall('a', { displayId: 777, name: 'D40', index: 1 })], fourInARow))).toEqual({ a: 40 });
  });

  it('gives walls pinned to one model of monitor one each', () => {
    const same = [display(1, 0, 0, { primary: true }), display(2, 1920, 0, { label: 'LG' }), display(3, 3840, 0, { label: 'LG' })];
    expect(where(first([wall('a', { name: 'LG' }), wall('b', { name: 'LG' })], same))).toEqual({ a: 2, b: 3 });
  });

  it('lets a wall pinned to an index or id that is not there fill a free display', () => {
    const settled = first([wall('a', { index: 7 }), wall('b', { displayId: 5 })], fourInARow);
    expect(where(settled)).toEqual({ a: 20, b: 30 });
  });

  it('keeps a wall pinned by a name not there waiting for it, and no other wall takes its place', () => {
    const settled = first([wall('a', { name: 'Samsung QM55' }), wall('b')], fourInARow);
    expect(where(settled)).toEqual({ b: 20 });
    expect(settled.waiting).toEqual([{ wallId: 'a', label: 'Samsung QM55', missingSince: null }]);
  });

  it('never pins a wall onto the console display while other displays exist', () => {
    expect(where(first([wall('a', { index: 0 })], fourInARow))).toEqual({ a: 20 });
  });

  it('gives a contested pin to the first wall in config order; the second fills in', () => {
    expect(where(first([wall('a', { index: 2 }), wall('b', { index: 2 }), wall('c')], fourInARow))).toEqual({ a: 30, b: 20, c: 40 });
  });

  it('reports walls beyond the number of displays as unplaced, the unpinned one first', () => {
    expect(first(['1', '2', '3', '4', '5'].map((id) => wall(id)), fourInARow).unplaced).toEqual(['4', '5']);
    const settled = first([wall('free'), wall('pinned', { index: 1 })], [display(1, 0, 0, { primary: true }), display(2, 1920)]);
    expect(where(settled)).toEqual({ pinned: 2 });
    expect(settled.unplaced).toEqual(['free']);
  });

  it('gives the same answer whatever order the displays are listed in', () => {
    const walls = [wall('1'), wall('2', { index: 3 }), wall('3')];
    const reference = first(walls, fourInARow);
    expect(first(walls, [...fourInARow].reverse())).toEqual(reference);
  });
});

describe('hot-plug, sleep and resolution changes', () => {
  const [right, primary, middle, left] = fourInARow as [DisplayInfo, DisplayInfo, DisplayInfo, DisplayInfo];

  it('monitor 2 switched off: its wall waits, the others stay; back on: the wall returns', () => {
    const step = room(threeWalls);
    expect(where(step(fourInARow))).toEqual({ '1': 20, '2': 30, '3': 40 });
    const off = step([primary, left, right]);
    expect(where(off)).toEqual({ '1': 20, '3': 40 });
    expect(off.waiting).toEqual([{ wallId: '2', label: 'D30', missingSince: '2026-12-01T15:01:00.000Z' }]);
    expect(off.displays.find((d) => d.label === 'D30')).toMatchObject({ present: false, missingSince: '2026-12-01T15:01:00.000Z', wallId: '2' });
    // A second burst while it is still off keeps the first time it went.
    expect(step([primary, left, right]).waiting[0]?.missingSince).toBe('2026-12-01T15:01:00.000Z');
    const on = step(fourInARow);
    expect(where(on)).toEqual({ '1': 20, '2': 30, '3': 40 });
    expect(on.waiting).toEqual([]);
    expect(on.displays.every((d) => d.present && d.missingSince === null)).toBe(true);
  });

  it('the OS closing the gap when a monitor goes (the others shift left) moves no wall', () => {
    const step = room(threeWalls);
    step(fourInARow);
    const shifted = step([primary, left, { ...right, bounds: { ...right.bounds, x: 3840 } }]);
    expect(where(shifted)).toEqual({ '1': 20, '3': 40 });
    expect(shifted.refit).toEqual([40]);
  });

  it('two monitors swapped in the arrangement: ids kept, the walls follow the ids', () => {
    const step = room(threeWalls);
    step(fourInARow);
    const swapped = step([primary, { ...left, bounds: { ...left.bounds, x: 3840 } }, { ...middle, bounds: { ...middle.bounds, x: 1920 } }, right]);
    expect(where(swapped)).toEqual({ '1': 20, '2': 30, '3': 40 });
    expect(swapped.refit.sort()).toEqual([20, 30]);
    // Reading order changed, so the index shown to people did.
    expect(swapped.placements.map((p) => p.index)).toEqual([2, 1, 3]);
  });

  it('a resolution or scale change keeps the wall and asks for a refit of that display only', () => {
    const step = room(threeWalls);
    step(fourInARow);
    const changed = step([primary, left, { ...middle, bounds: { ...middle.bounds, width: 3840, height: 2160 } }, right]);
    expect(where(changed)).toEqual({ '1': 20, '2': 30, '3': 40 });
    expect(changed.refit).toEqual([30]);
    expect(step([primary, left, { ...middle, bounds: { ...middle.bounds, width: 3840, height: 2160 }, scaleFactor: 2 }, right]).refit).toEqual([30]);
    expect(step([primary, left, { ...middle, bounds: { ...middle.bounds, width: 3840, height: 2160 }, scaleFactor: 2 }, right]).refit).toEqual([]);
  });

  it('every monitor off at night and on in the morning: every wall back where it was', () => {
    const step = room(threeWalls);
    step(fourInARow);
    const night = step([]);
    expect(night.placements).toEqual([]);
    expect(night.console).toBeNull();
    expect(night.waiting.map((w) => w.wallId)).toEqual(['1', '2', '3']);
    // Morning: they come back one by one, in any order, some with new ids.
    expect(where(step([right]))).toEqual({ '3': 40 });
    expect(where(step([right, { ...left, id: 21 }]))).toEqual({ '1': 21, '3': 40 });
    expect(where(step([right, { ...left, id: 21 }, primary, { ...middle, id: 31 }]))).toEqual({ '1': 21, '2': 31, '3': 40 });
  });

  it('wall monitors asleep leave the console display to the console, even for a wall with no display', () => {
    const step = room([...threeWalls, wall('4')]);
    step(fourInARow);
    const night = step([primary]);
    expect(night.console?.id).toBe(10);
    expect(night.placements).toEqual([]);
    expect(night.unplaced).toEqual(['4']);
  });

  it('a replug with a new id but the same name and position gets its wall back', () => {
    const step = room(threeWalls);
    step(fourInARow);
    step([primary, left, right]);
    const back = step([primary, left, { ...middle, id: 99 }, right]);
    expect(where(back)).toEqual({ '1': 20, '2': 99, '3': 40 });
  });

  it('a different monitor where the lost one was does not take its wall; a new free display does serve unplaced walls', () => {
    const step = room([...threeWalls, wall('4')]);
    expect(step(fourInARow).unplaced).toEqual(['4']);
    step([primary, left, right]);
    const other = step([primary, left, display(77, 3840, 0, { label: 'Projector' }), right]);
    expect(where(other)).toEqual({ '1': 20, '3': 40, '4': 77 });
    expect(other.waiting.map((w) => w.wallId)).toEqual(['2']);
  });

  it('an unpinned wall keeps the display it took, even when an earlier wall in the config is waiting', () => {
    const step = room([wall('1'), wall('2')]);
    step([primary, left]);
    expect(where(step([primary, left, middle]))).toEqual({ '1': 20, '2': 30 });
    expect(where(step([primary, middle]))).toEqual({ '2': 30 });
  });

  it('a laptop alone shares its display with wall 1, which moves off it once a monitor arrives', () => {
    const step = room(threeWalls);
    expect(where(step([primary]))).toEqual({ '1': 10 });
    expect(where(step([primary, left]))).toEqual({ '1': 20 });
    expect(where(step([primary, left, middle]))).toEqual({ '1': 20, '2': 30 });
  });

  it('the console stays on its display when a pin by index would now name a wall display', () => {
    const step = room(threeWalls, { index: 0 });
    step(fourInARow);
    const settled = step([left, middle, right, { ...primary, bounds: { ...primary.bounds, x: 7680 } }]);
    expect(settled.console?.id).toBe(10);
    expect(where(settled)).toEqual({ '1': 20, '2': 30, '3': 40 });
  });

  it('lists the displays for the console: name, size, scale, what each shows', () => {
    const settled = room(threeWalls)(fourInARow);
    expect(settled.displays[0]).toEqual({ key: 'd1', label: 'D10', width: 1920, height: 1080, scaleFactor: 1, present: true, missingSince: null, wallId: null, console: true });
    expect(settled.displays.map((d) => d.wallId)).toEqual([null, '1', '2', '3']);
  });

  it('a wall whose pin changes in the config is placed afresh, without taking a held display', () => {
    const before = settleDisplays(EMPTY_DISPLAY_BOOK, { walls: [wall('1'), wall('2')], displays: fourInARow, at: '2026-12-01T00:00:00.000Z' });
    expect(where(before.settled)).toEqual({ '1': 20, '2': 30 });
    const moved = settleDisplays(before.book, { walls: [wall('1', { index: 3 }), wall('2')], displays: fourInARow, at: '2026-12-01T00:01:00.000Z' });
    expect(where(moved.settled)).toEqual({ '1': 40, '2': 30 });
    const contested = settleDisplays(before.book, { walls: [wall('1', { index: 2 }), wall('2')], displays: fourInARow, at: '2026-12-01T00:01:00.000Z' });
    expect(where(contested.settled)).toEqual({ '1': 20, '2': 30 });
  });
});

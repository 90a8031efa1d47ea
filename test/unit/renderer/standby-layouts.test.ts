import { describe, expect, it } from 'vitest';
import type { Layout, Tile } from '../../../src-shared/domain';
import { LAYOUTS_KEPT_READY_DEFAULT as KEPT } from '../../../src-shared/ipc';
import { canStandBy, nextStandby, sameLayout } from '../../../src-renderer/wall/standby-layouts';

const area = { col: 1, row: 1, colSpan: 1, rowSpan: 1 };
const text: Tile = { id: 't', kind: 'text', title: 'Ghi chú', text: '…', area };
const layout = (id: string, tiles: Tile[] = [text]): Layout => ({ id, name: id, cols: 1, rows: 1, tiles });
const ids = (layouts: Layout[]): string[] => layouts.map((l) => l.id);

/** Walks a wall through layouts as the host sends them; returns the standby list after each. */
function walk(shown: Layout[], capacity = KEPT): string[][] {
  let standby: Layout[] = [];
  let previous: Layout | null = null;
  return shown.map((next) => {
    standby = nextStandby(standby, previous, next, capacity);
    previous = next;
    return ids(standby);
  });
}

describe('layouts a wall keeps ready', () => {
  it('keeps the layout that left the screen, most recent first', () => {
    const [a, b, c] = [layout('a'), layout('b'), layout('c')];
    expect(walk([a, b, c])).toEqual([[], ['a'], ['b', 'a']]);
  });

  it('switching back and forth keeps both, without duplicates', () => {
    const [a, b] = [layout('a'), layout('b')];
    expect(walk([a, b, a, b, a])).toEqual([[], ['a'], ['b'], ['a'], ['b']]);
  });

  it(`keeps at most ${KEPT} (the default), dropping the one shown longest ago`, () => {
    const shown = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => layout(id));
    const after = walk(shown);
    expect(after.at(-1)).toEqual(['e', 'd', 'c']);
    expect(after.every((list) => list.length <= KEPT)).toBe(true);
    // A cycle one longer than what is kept misses every time: the cold presses of the bench.
    expect(walk([...shown.slice(0, 5), ...shown.slice(0, 5)]).slice(5).every((list, i) => !list.includes(shown[i]!.id))).toBe(true);
  });

  it('keeps none when the config says 0, and more when it says more', () => {
    const shown = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => layout(id));
    expect(walk(shown, 0).every((list) => list.length === 0)).toBe(true);
    expect(walk(shown, 5).at(-1)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('a new view of the shown layout (a push, a tour) changes nothing kept', () => {
    const [a, b] = [layout('a'), layout('b')];
    const bPushed = layout('b', [{ ...text, text: 'pushed' }]);
    expect(nextStandby([a], b, bPushed, KEPT)).toEqual([a]);
  });

  it('keeps the latest content of a layout, the one it left the screen with', () => {
    const a = layout('a');
    const aPushed = layout('a', [{ ...text, text: 'pushed' }]);
    expect(nextStandby([a], aPushed, layout('b'), KEPT)).toEqual([aPushed]);
  });

  it('never keeps a layout with cameras or tours: a hidden player would go on downloading', () => {
    const camera = layout('cams', [{ id: 'c', kind: 'camera', cameraId: 'cam-1', area }]);
    const tour = layout('tour', [{ id: 'r', kind: 'camera-tour', cameraIds: ['cam-1', 'cam-2'], dwellSeconds: 10, pauseOnAlert: true, area }]);
    expect([canStandBy(camera), canStandBy(tour), canStandBy(layout('kpi'))]).toEqual([false, false, true]);
    expect(walk([camera, tour, layout('kpi'), layout('b')])).toEqual([[], [], [], ['kpi']]);
  });
});

describe('the same layout', () => {
  it('is equal content under the same id, whatever the object', () => {
    const a = layout('a');
    expect(sameLayout(a, JSON.parse(JSON.stringify(a)) as Layout)).toBe(true);
    expect(sameLayout(a, layout('a', [{ ...text, text: 'other' }]))).toBe(false);
    expect(sameLayout(a, { ...a, id: 'b' })).toBe(false);
  });
});

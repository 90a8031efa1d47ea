import { afterEach, describe, expect, it } from 'vitest';
import { operatorStateSchema } from '../../../src-shared/operator-state';
import { EMPTY_DISPLAY_BOOK, settleDisplays } from '../../../src-main/walls/display-book';
import { toPlacements } from '../../../src-main/walls/display-placements';
import { startHarness, TEST_CONFIG, type Harness } from '../../helpers/operations-harness';
import { display } from './display-fixtures';

let harness: Harness | undefined;
afterEach(() => harness?.close());

const primary = display(10, 0, 0, { primary: true });
const left = display(20, 1920, 0, { label: 'LG 55VM5J' });
const right = display(30, 3840, 0, { label: '' });

describe('displays in the operator state', () => {
  it('carries each wall’s display, a missing one with since when, and the display list, valid by the contract', () => {
    harness = startHarness();
    const walls = harness.config.walls;
    const first = settleDisplays(EMPTY_DISPLAY_BOOK, { walls, displays: [primary, left, right], at: '2026-12-01T15:00:00.000Z' });
    const night = settleDisplays(first.book, { walls, displays: [primary, right], at: '2026-12-01T15:14:00.000Z' });
    harness.ops.setPlacements(toPlacements(night.settled));

    const state = operatorStateSchema.parse(harness.ops.operatorState());
    const byWall = Object.fromEntries(state.walls.map((w) => [w.view.wall.id, w.display]));
    expect(byWall).toEqual({
      '1': { index: null, label: 'LG 55VM5J', present: false, missingSince: '2026-12-01T15:14:00.000Z' },
      '2': { index: 1, label: '1920×1080', present: true, missingSince: null },
      '3': null,
    });
    expect(state.displays).toEqual([
      { key: 'd1', label: 'D10', width: 1920, height: 1080, scaleFactor: 1, present: true, missingSince: null, wallId: null, console: true },
      { key: 'd3', label: '1920×1080', width: 1920, height: 1080, scaleFactor: 1, present: true, missingSince: null, wallId: '2', console: false },
      { key: 'd2', label: 'LG 55VM5J', width: 1920, height: 1080, scaleFactor: 1, present: false, missingSince: '2026-12-01T15:14:00.000Z', wallId: '1', console: false },
    ]);
  });

  it('is empty in browser mode (no shell sets placements)', () => {
    harness = startHarness(TEST_CONFIG);
    const state = operatorStateSchema.parse(harness.ops.operatorState());
    expect(state.displays).toEqual([]);
    expect(state.walls.every((w) => w.display === null)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import type { OperatorState, OperatorWall } from '../../../src-shared/operator-state';
import { displayRows, formatMissingTime, wallDisplayText } from '../../../src-renderer/console/walls/display-text';
import { translator } from '../../../src-renderer/i18n/translate';

const vi = translator('vi');
const en = translator('en');

/** Just enough of a wall for the display list: its id and name. */
const wall = (id: string, name: string): OperatorWall => ({ view: { wall: { id, name } } }) as unknown as OperatorWall;

const state: Pick<OperatorState, 'displays' | 'walls'> = {
  walls: [wall('1', 'Tường trái'), wall('2', 'Tường giữa')],
  displays: [
    { key: 'd1', label: 'DELL P2419H', width: 1920, height: 1080, scaleFactor: 1, present: true, missingSince: null, wallId: null, console: true },
    { key: 'd2', label: '3840×2160', width: 3840, height: 2160, scaleFactor: 1.5, present: true, missingSince: null, wallId: '1', console: false },
    // Went at 22:14 Vietnam time on 1 December.
    { key: 'd3', label: 'LG 55VM5J', width: 1920, height: 1080, scaleFactor: 1, present: false, missingSince: '2026-12-01T15:14:00.000Z', wallId: '2', console: false },
    { key: 'd4', label: 'Projector', width: 1280, height: 720, scaleFactor: 1, present: true, missingSince: null, wallId: null, console: false },
  ],
};

describe('console display list', () => {
  it('says what each display shows, and since when a missing one is gone, in Vietnamese first', () => {
    expect(displayRows(state, vi, 'vi-VN')).toEqual([
      { key: 'd1', name: 'DELL P2419H', size: '1920×1080 · tỉ lệ ×1', shows: 'Bảng điều khiển', missing: null },
      { key: 'd2', name: '3840×2160', size: '3840×2160 · tỉ lệ ×1,5', shows: 'Đang hiển thị: Tường trái', missing: null },
      { key: 'd3', name: 'LG 55VM5J', size: '1920×1080 · tỉ lệ ×1', shows: 'Chờ để hiển thị lại: Tường giữa', missing: 'Màn hình mất kết nối từ 22:14 01/12' },
      { key: 'd4', name: 'Projector', size: '1280×720 · tỉ lệ ×1', shows: 'Không gán màn hình hiển thị nào', missing: null },
    ]);
    expect(displayRows(state, en, 'en-GB')[2]?.missing).toBe('Display missing since 22:14 01/12');
  });

  it('lists nothing in browser mode', () => {
    expect(displayRows({ walls: state.walls, displays: [] }, vi, 'vi-VN')).toEqual([]);
  });

  it('formats the time in Vietnam time with the day, and nothing for a bad time', () => {
    expect(formatMissingTime('2026-12-31T17:05:00.000Z', 'vi-VN')).toBe('00:05 01/01');
    expect(formatMissingTime('not a time', 'vi-VN')).toBe('');
  });

  it("gives a wall card's display line: there, missing since, or awaited by name", () => {
    expect(wallDisplayText(null, vi, 'vi-VN')).toBeNull();
    expect(wallDisplayText({ index: 1, label: 'DELL P2419H', present: true, missingSince: null }, vi, 'vi-VN')).toBe('Màn hình vật lý: DELL P2419H');
    expect(wallDisplayText({ index: null, label: 'LG 55VM5J', present: false, missingSince: '2026-12-01T15:14:00.000Z' }, vi, 'vi-VN')).toBe('Màn hình mất kết nối từ 22:14 01/12 · LG 55VM5J');
    expect(wallDisplayText({ index: null, label: 'Samsung QM55', present: false, missingSince: null }, vi, 'vi-VN')).toBe('Đang chờ màn hình Samsung QM55');
  });
});

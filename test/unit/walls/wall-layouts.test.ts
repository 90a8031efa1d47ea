import { describe, expect, it } from 'vitest';
import { CAMERA_LAYOUT, DEFAULT_LAYOUTS, DEFAULT_PRESETS, DEFAULT_WALLS, OVERVIEW_LAYOUT, TRAFFIC_LAYOUT } from '../../../src-main/config/default-walls';
import { createWallLayouts } from '../../../src-main/walls/wall-layouts';

const make = () => createWallLayouts(DEFAULT_WALLS, DEFAULT_LAYOUTS, DEFAULT_PRESETS);

describe('wall layouts', () => {
  it('starts from each wall’s configured layout', () => {
    const layouts = make();
    expect(layouts.view('1').layout.id).toBe(OVERVIEW_LAYOUT.id);
    expect(layouts.views().map((v) => v.layout.id)).toEqual([OVERVIEW_LAYOUT.id, CAMERA_LAYOUT.id]);
    expect(() => layouts.view('9')).toThrow(/no wall/);
  });

  it('sets one wall’s layout, and the wall record says which one it shows', () => {
    const layouts = make();
    const view = layouts.setLayout('1', TRAFFIC_LAYOUT.id);
    expect(view.layout.id).toBe(TRAFFIC_LAYOUT.id);
    expect(view.wall.layoutId).toBe(TRAFFIC_LAYOUT.id);
    expect(layouts.view('2').layout.id).toBe(CAMERA_LAYOUT.id);
    expect(() => layouts.setLayout('1', 'khong-co')).toThrow(/no layout/);
    expect(() => layouts.setLayout('9', TRAFFIC_LAYOUT.id)).toThrow(/no wall/);
  });

  it('a preset changes only the walls that differ and stays active until a wall leaves it', () => {
    const layouts = make();
    expect(layouts.presetState().activePresetId, 'the walls start as the morning briefing has them').toBe('giao-ban-thu-hai');
    const changed = layouts.applyPreset('dieu-hanh-giao-thong');
    expect(changed.map((v) => [v.wall.id, v.layout.id])).toEqual([['1', TRAFFIC_LAYOUT.id]]);
    expect(layouts.presetState().activePresetId).toBe('dieu-hanh-giao-thong');
    expect(layouts.applyPreset('dieu-hanh-giao-thong')).toEqual([]);
    layouts.setLayout('2', TRAFFIC_LAYOUT.id);
    expect(layouts.presetState().activePresetId).toBeNull();
    expect(() => layouts.applyPreset('khong-co')).toThrow(/no preset/);
    expect(layouts.presetState().layoutNames).toEqual({ [OVERVIEW_LAYOUT.id]: OVERVIEW_LAYOUT.name, [CAMERA_LAYOUT.id]: CAMERA_LAYOUT.name, [TRAFFIC_LAYOUT.id]: TRAFFIC_LAYOUT.name });
  });
});

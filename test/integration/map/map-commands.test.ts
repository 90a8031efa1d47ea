import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../src-shared/caller';
import type { Layout } from '../../../src-shared/domain';
import { eachTestOnFakeClock } from '../../helpers/fake-host-clock';
import { alert, cam, startHarness, TEST_CONFIG, type Harness } from '../../helpers/operations-harness';

/**
 * Map tiles driven like any wall: the console shows a named view, follows an alert, puts a map on a
 * tile; a wall window opens a camera from its map; a rule makes a map follow its alert. Real state
 * files, undo, restart, and the audit trail, through the same dispatch as every command.
 */

const T0 = Date.parse('2025-11-24T09:00:00+07:00');
const MAP_LAYOUT: Layout = {
  id: 'ban-do',
  name: 'Bản đồ',
  cols: 2,
  rows: 1,
  tiles: [{ id: 'map', kind: 'map', view: 'province', layers: ['cameras', 'alerts'], area: { col: 1, row: 1, colSpan: 1, rowSpan: 1 } }, cam('side', 'cam-1', 2, 1)],
};
const CONFIG = {
  ...TEST_CONFIG,
  layouts: [...TEST_CONFIG.layouts, MAP_LAYOUT],
  walls: [...TEST_CONFIG.walls, { id: '4', name: 'Tường bản đồ', layoutId: 'ban-do' }],
  map: { views: [{ id: 'con-dao', name: 'Côn Đảo', bbox: [106.52, 8.63, 106.72, 8.78] }] },
  rules: [{ id: 'khan-cap', name: 'Sự cố khẩn cấp', match: { minSeverity: 'critical' }, wallId: '4', action: { kind: 'map', tileId: 'map' }, revertAfterMinutes: 5, minIntervalSeconds: 0 }],
};
const WALL_4: Caller = { kind: 'wall-window', wallId: '4' };
const POINT = { lat: 10.35, lng: 107.08 };

let harness: Harness | undefined;
eachTestOnFakeClock(T0, () => {
  harness?.close();
  harness = undefined;
});

describe('map commands', () => {
  it('shows a named view, keeps it across a restart, and undoes it back to the layout’s own', async () => {
    harness = startHarness(CONFIG);
    expect(harness.configErrors).toEqual([]);
    expect(harness.ops.wallView('4').maps).toEqual({});
    await harness.console({ name: 'map.show-view', payload: { wallId: '4', tileId: 'map', view: { named: 'con-dao' } } });
    expect(harness.ops.wallView('4').maps).toEqual({ map: { view: { named: 'con-dao' } } });
    expect(harness.ops.operatorState().recent[0]).toMatchObject({ command: 'map.show-view', ok: true, label: { vi: 'Tường bản đồ, bản đồ: Côn Đảo' } });
    harness = harness.restart();
    expect(harness.ops.wallView('4').maps).toEqual({ map: { view: { named: 'con-dao' } } });
    await harness.console({ name: 'walls.undo', payload: {} });
    expect(harness.ops.wallView('4').maps).toEqual({});
  });

  it('refuses a view nobody named, a tile that is no map, and a viewer, saying why', async () => {
    harness = startHarness(CONFIG);
    await expect(harness.console({ name: 'map.show-view', payload: { wallId: '4', tileId: 'map', view: { named: 'phu-quoc' } } })).rejects.toThrow('Không có vùng bản đồ "phu-quoc"');
    await expect(harness.console({ name: 'map.show-view', payload: { wallId: '4', tileId: 'side', view: 'province' } })).rejects.toThrow('không có bản đồ tại ô "side"');
    await expect(harness.console({ name: 'map.show-view', payload: { wallId: '1', tileId: 'map', view: 'province' } })).rejects.toThrow('không có bản đồ');
    const viewer: Caller = { kind: 'console', station: 'ws', operator: { username: 'xem', name: 'Người xem', role: 'viewer' } };
    await expect(harness.run(viewer, { name: 'map.show-view', payload: { wallId: '4', tileId: 'map', view: 'province' } })).rejects.toThrow();
    expect(harness.ops.wallView('4').maps).toEqual({});
  });

  it('follows an alert with a place until told to stop; one without a place is refused', async () => {
    harness = startHarness({ ...CONFIG, rules: [] });
    harness.hubAlerts(alert('ngap-1', { severity: 'warning', location: { district: 'TP. Vũng Tàu', point: POINT } }), alert('no-place', { severity: 'warning' }));
    await harness.console({ name: 'map.follow-alert', payload: { wallId: '4', tileId: 'map', alertId: 'ngap-1' } });
    expect(harness.ops.wallView('4').maps.map).toEqual({ followAlertId: 'ngap-1' });
    await expect(harness.console({ name: 'map.follow-alert', payload: { wallId: '4', tileId: 'map', alertId: 'no-place' } })).rejects.toThrow('không có vị trí trên bản đồ');
    await harness.console({ name: 'map.follow-alert', payload: { wallId: '4', tileId: 'map', alertId: null } });
    expect(harness.ops.wallView('4').maps).toEqual({});
  });

  it('lets the wall window open a camera from its map, as the enlarged camera, and nothing beyond its own wall', async () => {
    harness = startHarness(CONFIG);
    await harness.run(WALL_4, { name: 'map.open-camera', payload: { wallId: '4', tileId: 'map', cameraId: 'cam-7' } });
    const view = harness.ops.wallView('4');
    expect(view.enlargedTileId).toBe('wall-focus');
    expect(view.focus).toMatchObject({ kind: 'camera', cameraId: 'cam-7' });
    await harness.run(WALL_4, { name: 'wall.restore', payload: { wallId: '4' } });
    expect(harness.ops.wallView('4').focus).toBeNull();
    await expect(harness.run(WALL_4, { name: 'map.open-camera', payload: { wallId: '1', tileId: 'map', cameraId: 'cam-7' } })).rejects.toThrow();
    await expect(harness.run(WALL_4, { name: 'map.show-view', payload: { wallId: '4', tileId: 'map', view: 'province' } })).rejects.toThrow();
  });

  it('puts a map on a tile of another wall, drawn as a map tile there', async () => {
    harness = startHarness(CONFIG);
    await harness.console({ name: 'wall.push', payload: { wallId: '1', tileId: 'a', content: { kind: 'map', view: { named: 'con-dao' }, layers: ['cameras', 'stations'] } } });
    const tile = harness.ops.wallView('1').layout.tiles.find((t) => t.id === 'a');
    expect(tile).toMatchObject({ kind: 'map', view: { named: 'con-dao' }, layers: ['cameras', 'stations'] });
    expect(harness.ops.operatorState().recent[0]).toMatchObject({ label: { vi: 'Tường 1, ô a: bản đồ Côn Đảo' } });
    // The pushed map answers map commands like a layout's own.
    await harness.console({ name: 'map.show-view', payload: { wallId: '1', tileId: 'a', view: 'province' } });
    expect(harness.ops.wallView('1').maps).toEqual({ a: { view: 'province' } });
  });

  it('makes a rule’s map follow its alert for the takeover, then lets go', async () => {
    harness = startHarness(CONFIG);
    harness.hubAlerts(alert('chay-1', { location: { district: 'TX. Phú Mỹ', point: POINT } }));
    const taken = harness.ops.wallView('4');
    expect(taken.maps.map).toEqual({ followAlertId: 'chay-1' });
    expect(taken.takeover).toMatchObject({ ruleId: 'khan-cap', alertId: 'chay-1' });
    expect(taken.layout.id).toBe('ban-do');
    await harness.console({ name: 'alert.acknowledge', payload: { alertId: 'chay-1' } });
    expect(harness.ops.wallView('4').maps).toEqual({});
    // An alert without a place has nothing to fly to: the rule leaves the wall alone.
    harness.hubAlerts(alert('chay-2'));
    expect(harness.ops.wallView('4').takeover).toBeNull();
  });

  it('drops a rule whose map tile no layout has, and reports a layout naming an unknown view', () => {
    harness = startHarness({
      ...CONFIG,
      layouts: [...CONFIG.layouts.filter((l) => l.id !== 'ban-do'), { ...MAP_LAYOUT, tiles: [{ ...MAP_LAYOUT.tiles[0]!, view: { named: 'ha-long' } }, MAP_LAYOUT.tiles[1]!] }],
      rules: [{ ...CONFIG.rules[0]!, action: { kind: 'map', tileId: 'khong-co' } }],
    });
    expect(harness.configErrors.some((e) => e.includes('field "rules[0].action.tileId": no layout has a map tile "khong-co"; rule dropped'))).toBe(true);
    expect(harness.configErrors.some((e) => /field "layouts\[4\]\.tiles\[0\]\.view\.named": no map view "ha-long" in map\.views; showing the province/.test(e))).toBe(true);
    expect(harness.ops.wallView('4').layout.tiles[0]).toMatchObject({ kind: 'map', view: 'province' });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { eachTestOnFakeClock } from '../../helpers/fake-host-clock';
import { alert, startHarness, TEST_CONFIG, type Harness } from '../../helpers/operations-harness';

/**
 * Alert rules take over a wall and give it back; camera tours run on the host. Real state files,
 * the host's own clock (faked), alerts fed in as the hub would.
 */

const T0 = Date.parse('2025-11-24T09:00:00+07:00');
const RULES_CONFIG = {
  ...TEST_CONFIG,
  cameras: { tourAlertHoldMinutes: 2 },
  rules: [
    { id: 'va-cham', name: 'Va chạm giao thông', match: { categories: ['va-cham-giao-thong'], minSeverity: 'warning' }, wallId: '2', action: { kind: 'camera' }, revertAfterMinutes: 5, minIntervalSeconds: 60 },
    { id: 'ngap', name: 'Ngập nước', match: { categories: ['ngap-nuoc'], districts: ['TP. Vũng Tàu'] }, wallId: '3', action: { kind: 'layout', layoutId: 'grid', cameraTileId: 'b' }, revertAfterMinutes: 10, minIntervalSeconds: 0 },
  ],
};

let harness: Harness | undefined;
eachTestOnFakeClock(T0, () => {
  harness?.close();
  harness = undefined;
});

describe('alert-triggered layouts', () => {
  it('puts the alert’s camera over the wall, says why, and gives the wall back when the alert is acknowledged', async () => {
    harness = startHarness(RULES_CONFIG);
    harness.hubAlerts(alert('vc-1', { cameraId: 'cam-9', text: 'Va chạm tại nút giao Giếng Nước' }));
    const taken = harness.ops.wallView('2');
    expect(taken.focus).toMatchObject({ kind: 'camera', cameraId: 'cam-9' });
    expect(taken.enlargedTileId).toBe('wall-focus');
    expect(taken.takeover).toMatchObject({ ruleName: 'Va chạm giao thông', alertId: 'vc-1', alertText: 'Va chạm tại nút giao Giếng Nước', severity: 'critical', pinned: false });
    expect(Date.parse(taken.takeover!.revertAt!)).toBe(T0 + 5 * 60_000);
    expect(taken.source).toEqual({ kind: 'rule', id: 'va-cham' });
    expect(harness.ops.operatorState().recent[0]).toMatchObject({ command: 'takeover.start', by: { en: 'rule va-cham (alert vc-1)', vi: 'quy tắc va-cham (cảnh báo vc-1)' } });

    await harness.console({ name: 'alert.acknowledge', payload: { alertId: 'vc-1' } });
    expect(harness.alerts.get('vc-1')).toMatchObject({ status: 'acknowledged', acknowledged: { by: 'Nguyễn Văn An (test-ws)' } });
    const back = harness.ops.wallView('2');
    expect(back.takeover).toBeNull();
    expect(back.focus).toBeNull();
    expect(back.layout.id).toBe('kpis');
    const recent = harness.ops.operatorState().recent;
    expect(recent.find((r) => r.command === 'takeover.end')).toMatchObject({ by: { en: 'rule va-cham (alert vc-1)' }, label: { vi: 'Tường 2 trở lại như trước (cảnh báo đã được tiếp nhận)' } });
    expect(recent.find((r) => r.command === 'alert.acknowledge')).toMatchObject({ by: { en: 'console (test-ws) — an.nguyen', vi: 'bàn điều khiển (test-ws) — an.nguyen' }, ok: true, label: { vi: 'Tiếp nhận: Va chạm tại nút giao Giếng Nước' } });
  });

  it('applies a layout with the alert’s camera in a tile, only for its district, and reverts after its time', async () => {
    harness = startHarness(RULES_CONFIG);
    harness.hubAlerts(alert('ngap-1', { category: 'ngap-nuoc', severity: 'warning', location: { district: 'TP. Bà Rịa' } }));
    expect(harness.ops.wallView('3').takeover).toBeNull();
    // The same district spelt in decomposed Unicode still matches.
    harness.hubAlerts(alert('ngap-2', { category: 'ngap-nuoc', severity: 'warning', cameraId: 'cam-5', location: { district: 'TP. Vũng Tàu'.normalize('NFD') } }));
    const view = harness.ops.wallView('3');
    expect(view.layout.id).toBe('grid');
    expect(view.layout.tiles.find((t) => t.id === 'b')).toMatchObject({ kind: 'camera', cameraId: 'cam-5' });
    expect(view.pushedTileIds).toEqual(['b']);
    await vi.advanceTimersByTimeAsync(10 * 60_000 - 1);
    expect(harness.ops.wallView('3').takeover).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(harness.ops.wallView('3').layout.id).toBe('night');
    expect(harness.ops.operatorState().recent[0]?.label.vi).toMatch(/hết thời gian/);
  });

  it('queues an alert storm: one takeover at a time, at most one start per interval, the rest waiting their turn', async () => {
    harness = startHarness(RULES_CONFIG);
    for (let i = 1; i <= 8; i += 1) harness.hubAlerts(alert(`storm-${i}`, { severity: i === 5 ? 'critical' : 'warning', cameraId: `cam-${i}` }));
    const state = () => harness!.ops.operatorState();
    expect(harness.ops.wallView('2').takeover?.alertId).toBe('storm-1');
    expect(state().takeoverQueue).toHaveLength(7);
    expect(state().takeoverQueue[0]?.alertId).toBe('storm-5');
    expect(state().walls.find((w) => w.view.wall.id === '2')?.queued).toBe(7);
    // Acknowledged after 10 s: the wall goes back, and the next waits for the 60 s interval.
    await vi.advanceTimersByTimeAsync(10_000);
    await harness.console({ name: 'alert.acknowledge', payload: { alertId: 'storm-1' } });
    expect(harness.ops.wallView('2').takeover).toBeNull();
    await vi.advanceTimersByTimeAsync(49_999);
    expect(harness.ops.wallView('2').takeover).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(harness.ops.wallView('2').takeover?.alertId).toBe('storm-5');
    // A queued alert that is resolved meanwhile never takes the wall.
    harness.hubAlerts({ ...harness.alerts.get('storm-2')!, status: 'resolved' });
    expect(state().takeoverQueue.map((q) => q.alertId)).not.toContain('storm-2');
  });

  it('pinned stays through the alert’s acknowledgement until dismissed; an operator’s own change ends a takeover', async () => {
    harness = startHarness(RULES_CONFIG);
    harness.hubAlerts(alert('vc-2'));
    await harness.console({ name: 'takeover.pin', payload: { wallId: '2' } });
    expect(harness.ops.wallView('2').takeover).toMatchObject({ pinned: true, revertAt: null });
    await harness.console({ name: 'alert.acknowledge', payload: { alertId: 'vc-2' } });
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(harness.ops.wallView('2').takeover?.alertId).toBe('vc-2');
    await harness.console({ name: 'takeover.dismiss', payload: {} });
    expect(harness.ops.wallView('2').takeover).toBeNull();

    await vi.advanceTimersByTimeAsync(60_000);
    harness.hubAlerts(alert('vc-3'));
    expect(harness.ops.wallView('2').takeover?.alertId).toBe('vc-3');
    await harness.console({ name: 'wall.set-layout', payload: { wallId: '2', layoutId: 'night' } });
    expect(harness.ops.wallView('2').takeover).toBeNull();
    expect(harness.ops.wallView('2').layout.id).toBe('night');
  });

  it('keeps a takeover across a host restart, and reverts one whose alert was closed while the host was down', async () => {
    harness = startHarness(RULES_CONFIG);
    harness.hubAlerts(alert('vc-4'), alert('ngap-4', { category: 'ngap-nuoc' }));
    harness = harness.restart();
    expect(harness.ops.wallView('2').takeover?.alertId).toBe('vc-4');
    expect(harness.ops.wallView('3').takeover?.alertId).toBe('ngap-4');
    harness.close();
    harness.alerts.set('vc-4', { ...harness.alerts.get('vc-4')!, status: 'resolved' });
    harness = startHarness(RULES_CONFIG, harness.dataDir, [...harness.alerts.values()]);
    expect(harness.ops.wallView('2').takeover).toBeNull();
    expect(harness.ops.wallView('3').takeover?.alertId).toBe('ngap-4');
    // An old alert, still open, found after a long outage, does not take a wall over.
    harness.hubAlerts(alert('vc-old', { time: new Date(T0 - 3600_000).toISOString() }));
    await vi.advanceTimersByTimeAsync(0);
    expect(harness.ops.operatorState().takeoverQueue.map((q) => q.alertId)).not.toContain('vc-old');
  });
});

describe('camera tours on the host', () => {
  it('cycles on its dwell, obeys the wall’s keys, holds on an alert for at most the configured time', async () => {
    harness = startHarness(RULES_CONFIG);
    await harness.console({ name: 'wall.set-layout', payload: { wallId: '1', layoutId: 'traffic' } });
    const tour = () => harness!.ops.wallView('1').tours.tour!;
    expect(tour()).toMatchObject({ cameraId: 'cam-1', upcomingCameraId: 'cam-2', position: 1, count: 3, paused: false, held: false, msUntilAdvance: 10_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tour()).toMatchObject({ cameraId: 'cam-2', position: 2 });
    expect(harness.events.at(-1)?.channel).toMatch(/wall:tours|operator:state/);
    expect(harness.events.some((e) => e.channel === 'wall:tours' && (e.payload as { wallId: string }).wallId === '1')).toBe(true);

    const wall1 = { kind: 'wall-window', wallId: '1' } as const;
    await harness.run(wall1, { name: 'tour.control', payload: { wallId: '1', tileId: null, action: 'toggle-pause' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(tour()).toMatchObject({ cameraId: 'cam-2', paused: true, msUntilAdvance: null });
    await harness.run(wall1, { name: 'tour.control', payload: { wallId: '1', tileId: 'tour', action: 'next' } });
    expect(tour().cameraId).toBe('cam-3');
    await harness.run(wall1, { name: 'tour.control', payload: { wallId: '1', tileId: 'tour', action: 'toggle-pause' } });

    // An alert on cam-1 (no rule matches "kẹt xe") holds the tour there, for two minutes at most.
    harness.hubAlerts(alert('kx-1', { category: 'ket-xe', cameraId: 'cam-1' }));
    expect(tour()).toMatchObject({ cameraId: 'cam-1', held: true, msUntilAdvance: null });
    await vi.advanceTimersByTimeAsync(2 * 60_000 - 1);
    expect(tour()).toMatchObject({ cameraId: 'cam-1', held: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(tour()).toMatchObject({ cameraId: 'cam-1', held: false, msUntilAdvance: 10_000 });

    // The place in the tour survives a restart.
    await vi.advanceTimersByTimeAsync(10_000);
    harness = harness.restart();
    expect(tour()).toMatchObject({ cameraId: 'cam-2', held: false });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alert, layoutsOf, startHarness, TEST_CONFIG, type Harness } from '../../helpers/operations-harness';

/**
 * Briefing agendas and schedules run on the host's own clock (faked here), against real state files:
 * steps follow their dwell, hold, resume after a restart on the same step, pause while a rule has
 * taken a wall over; schedules fire in Vietnam time, a manual change holds until the next point,
 * and a point missed while the host was off is carried out when it starts.
 */

// Monday 24 November 2025, 07:00 in Vietnam (UTC+7).
const MONDAY_0700 = Date.parse('2025-11-24T07:00:00+07:00');

const AGENDA_CONFIG = {
  ...TEST_CONFIG,
  agendas: [
    {
      id: 'giao-ban',
      name: 'Giao ban thứ Hai',
      steps: [
        { title: 'Tổng quan', presetId: 'sang', dwellSeconds: 60 },
        { title: 'Giao thông', presetId: 'giao-thong', pushes: [{ wallId: '2', tileId: 'a', content: { kind: 'kpi', kpiId: 'kpi-9', chart: 'gauge' } }], dwellSeconds: 120 },
        { title: 'Kết luận', layouts: { '3': 'grid' }, note: 'Chủ trì kết luận' },
      ],
    },
  ],
  rules: [{ id: 'va-cham', name: 'Va chạm', match: { categories: ['va-cham-giao-thong'] }, wallId: '3', action: { kind: 'camera' }, revertAfterMinutes: 5, minIntervalSeconds: 30 }],
};

let harness: Harness | undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: MONDAY_0700, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] });
});
afterEach(() => {
  harness?.close();
  harness = undefined;
  vi.useRealTimers();
});

const agendaOf = (h: Harness) => h.ops.operatorState().agenda;

describe('a briefing agenda', () => {
  it('steps through its walls on its own clock, holds, steps by hand, and ends', async () => {
    harness = startHarness(AGENDA_CONFIG);
    await harness.console({ name: 'preset.apply', payload: { presetId: 'dem' } });
    await harness.console({ name: 'agenda.start', payload: {} });
    expect(agendaOf(harness)).toEqual({ agendaId: 'giao-ban', step: 0, state: 'running', remainingMs: 60_000 });
    expect(layoutsOf(harness)).toEqual({ '1': 'grid', '2': 'kpis', '3': 'night' });
    expect(harness.ops.wallView('1').source).toEqual({ kind: 'agenda', id: 'giao-ban', step: 0 });

    await vi.advanceTimersByTimeAsync(59_000);
    expect(agendaOf(harness)?.step).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(agendaOf(harness)).toMatchObject({ step: 1, state: 'running', remainingMs: 120_000 });
    expect(layoutsOf(harness)).toEqual({ '1': 'traffic', '2': 'grid', '3': 'kpis' });
    expect(harness.ops.wallView('2').pushedTileIds).toEqual(['a']);
    // The agenda stepped by itself, and the log says so.
    expect(harness.ops.operatorState().recent[0]).toMatchObject({ command: 'agenda.next', by: { en: 'agenda giao-ban step 1', vi: 'chương trình giao-ban, bước 1' }, ok: true });

    await vi.advanceTimersByTimeAsync(30_000);
    await harness.console({ name: 'agenda.hold', payload: {} });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(agendaOf(harness)).toMatchObject({ step: 1, state: 'held', remainingMs: 90_000 });
    await harness.console({ name: 'agenda.hold', payload: {} });
    await harness.console({ name: 'agenda.previous', payload: {} });
    expect(agendaOf(harness)).toMatchObject({ step: 0, remainingMs: 60_000 });
    await harness.console({ name: 'agenda.next', payload: {} });
    await harness.console({ name: 'agenda.next', payload: {} });
    expect(agendaOf(harness)).toMatchObject({ step: 2, remainingMs: null });
    expect(layoutsOf(harness)['3']).toBe('grid');
    // "Until next": it waits for the operator however long it takes.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(agendaOf(harness)?.step).toBe(2);
    await harness.console({ name: 'agenda.next', payload: {} });
    expect(agendaOf(harness)).toBeNull();
    expect(layoutsOf(harness)['3']).toBe('grid');
  });

  it('applies the rest of a step when one of its changes cannot be made, and says which', async () => {
    const agendas = [{ id: 'le', name: 'Lệch', steps: [{ title: 'Một', presetId: 'giao-thong', pushes: [{ wallId: '2', tileId: 'khong-co', content: { kind: 'camera', cameraId: 'cam-1' } }, { wallId: '3', tileId: 'k2', content: { kind: 'camera', cameraId: 'cam-2' } }] }] }];
    harness = startHarness({ ...AGENDA_CONFIG, agendas });
    await harness.console({ name: 'agenda.start', payload: { agendaId: 'le' } });
    expect(layoutsOf(harness)).toEqual({ '1': 'traffic', '2': 'grid', '3': 'kpis' });
    expect(harness.ops.wallView('3').pushedTileIds).toEqual(['k2']);
    const failed = harness.ops.operatorState().recent.find((r) => !r.ok);
    expect(failed).toMatchObject({ command: 'wall.push', by: { en: 'agenda le step 1' }, error: { vi: 'Bố cục "grid" của màn hình 2 không có ô "khong-co"', en: 'layout "grid" of wall 2 has no tile "khong-co"' } });
  });

  it('resumes the same step after a host restart, with the time it had left', async () => {
    harness = startHarness(AGENDA_CONFIG);
    await harness.console({ name: 'agenda.start', payload: {} });
    await vi.advanceTimersByTimeAsync(60_000 + 20_000);
    expect(agendaOf(harness)).toMatchObject({ step: 1, remainingMs: 100_000 });
    harness.close();
    // The host is down for ten minutes: the step's clock stops with it.
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    harness = startHarness(AGENDA_CONFIG, harness.dataDir);
    expect(agendaOf(harness)).toMatchObject({ step: 1, state: 'running', remainingMs: 100_000 });
    expect(layoutsOf(harness)).toEqual({ '1': 'traffic', '2': 'grid', '3': 'kpis' });
    await vi.advanceTimersByTimeAsync(100_000);
    expect(agendaOf(harness)?.step).toBe(2);
  });

  it('pauses while a rule has taken a wall over, and goes on after the takeover reverts', async () => {
    harness = startHarness(AGENDA_CONFIG);
    await harness.console({ name: 'agenda.start', payload: {} });
    await vi.advanceTimersByTimeAsync(10_000);
    harness.hubAlerts(alert('vc-1'));
    expect(harness.ops.wallView('3').takeover?.alertId).toBe('vc-1');
    expect(agendaOf(harness)).toMatchObject({ step: 0, state: 'paused', remainingMs: 50_000 });
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(agendaOf(harness)).toMatchObject({ step: 0, state: 'paused', remainingMs: 50_000 });
    await harness.console({ name: 'alert.acknowledge', payload: { alertId: 'vc-1' } });
    expect(harness.ops.wallView('3').takeover).toBeNull();
    expect(agendaOf(harness)).toMatchObject({ step: 0, state: 'running', remainingMs: 50_000 });
    await vi.advanceTimersByTimeAsync(50_000);
    expect(agendaOf(harness)?.step).toBe(1);
  });
});

describe('schedules in Vietnam time', () => {
  const SCHEDULED = {
    ...AGENDA_CONFIG,
    schedules: [
      { id: 'sang-thu-hai', days: ['mon'], at: '07:30', agendaId: 'giao-ban' },
      { id: 'ca-dem', at: '22:00', presetId: 'dem' },
      { id: 'ca-ngay', at: '06:00', presetId: 'sang' },
    ],
  };

  it('fires at its time and says what comes next; a manual change holds until the next point', async () => {
    harness = startHarness(SCHEDULED);
    // 06:00 passed an hour ago at first start: the day preset is what the schedule says is on.
    expect(harness.ops.operatorState().schedule.next).toMatchObject({ scheduleId: 'sang-thu-hai', at: new Date(Date.parse('2025-11-24T07:30:00+07:00')).toISOString(), kind: 'agenda', name: 'Giao ban thứ Hai' });
    await harness.console({ name: 'preset.apply', payload: { presetId: 'dem' } });
    expect(harness.ops.operatorState().schedule.manualSince).not.toBeNull();
    await vi.advanceTimersByTimeAsync(29 * 60_000);
    expect(layoutsOf(harness)['1']).toBe('night');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(agendaOf(harness)).toMatchObject({ agendaId: 'giao-ban', step: 0 });
    expect(layoutsOf(harness)['1']).toBe('grid');
    expect(harness.ops.operatorState().recent.some((r) => r.command === 'agenda.start' && r.by.en === 'schedule sang-thu-hai')).toBe(true);
    expect(harness.ops.operatorState().schedule.manualSince).toBeNull();
    expect(harness.ops.operatorState().schedule.next).toMatchObject({ scheduleId: 'ca-dem' });
    await vi.advanceTimersByTimeAsync(Date.parse('2025-11-24T22:00:00+07:00') - Date.now());
    expect(layoutsOf(harness)).toEqual({ '1': 'night', '2': 'night', '3': 'night' });
  });

  it('carries out the point it missed while the host was off, unless an operator changed the walls after it', async () => {
    harness = startHarness(SCHEDULED);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    harness.close();
    // Off from 07:05 to 07:45: the 07:30 agenda is 15 minutes late, inside its 30-minute window.
    await vi.advanceTimersByTimeAsync(40 * 60_000);
    harness = startHarness(SCHEDULED, harness.dataDir);
    await vi.advanceTimersByTimeAsync(0);
    expect(agendaOf(harness)).toMatchObject({ agendaId: 'giao-ban', step: 0 });
    expect(harness.log.lines.some((l) => /schedule sang-thu-hai: its point at .* passed while the host was off; carrying it out now/.test(l))).toBe(true);

    // An operator takes over the walls by hand at 07:50; the host restarts at 08:00: nothing is re-fired.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await harness.console({ name: 'agenda.stop', payload: {} });
    await harness.console({ name: 'preset.apply', payload: { presetId: 'giao-thong' } });
    harness.close();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    harness = startHarness(SCHEDULED, harness.dataDir);
    await vi.advanceTimersByTimeAsync(0);
    expect(agendaOf(harness)).toBeNull();
    expect(layoutsOf(harness)['1']).toBe('traffic');
  });

  it('does not start a briefing that is long over when the host comes back late', async () => {
    harness = startHarness(SCHEDULED);
    harness.close();
    // Off until 11:00: the 07:30 agenda is too old; the 06:00 day preset still applies.
    await vi.advanceTimersByTimeAsync(4 * 3600_000);
    harness = startHarness({ ...SCHEDULED, walls: SCHEDULED.walls.map((w) => ({ ...w, layoutId: 'night' })) }, harness.dataDir);
    await vi.advanceTimersByTimeAsync(0);
    expect(agendaOf(harness)).toBeNull();
  });
});

describe('a schedule that reloads the walls', () => {
  const RELOADING = {
    ...AGENDA_CONFIG,
    schedules: [
      { id: 'ca-dem', at: '22:00', presetId: 'dem' },
      { id: 'tai-lai', at: '03:30', reloadWalls: true },
    ],
  };
  const reloads = (h: Harness): number => h.events.filter((e) => e.channel === 'wall:reload').length;

  it('reloads every wall at its time, as the schedule, without ending a manual change or being the console\'s next', async () => {
    harness = startHarness(RELOADING);
    // First start at 07:00: the 03:30 reload passed while the host was off, and is not carried out.
    await vi.advanceTimersByTimeAsync(0);
    expect(reloads(harness)).toBe(0);
    const state = () => harness!.ops.operatorState();
    expect(state().schedules.map((s) => [s.id, s.kind, s.name])).toEqual([
      ['ca-dem', 'preset', 'Ban đêm'],
      ['tai-lai', 'reload', 'Tải lại các màn hình'],
    ]);
    expect(state().schedule.next).toMatchObject({ scheduleId: 'ca-dem', kind: 'preset' });
    expect(state().schedule.nextReload).toMatchObject({ scheduleId: 'tai-lai', kind: 'reload', at: new Date(Date.parse('2025-11-25T03:30:00+07:00')).toISOString() });

    await vi.advanceTimersByTimeAsync(Date.parse('2025-11-24T22:00:00+07:00') - Date.now());
    expect(layoutsOf(harness)).toEqual({ '1': 'night', '2': 'night', '3': 'night' });
    // An operator changes wall 1 at 23:00; the 03:30 reload does not end that hold.
    await vi.advanceTimersByTimeAsync(3600_000);
    await harness.console({ name: 'wall.set-layout', payload: { wallId: '1', layoutId: 'grid' } });
    expect(state().schedule.manualSince).not.toBeNull();
    // The reload comes first, but the console's "next" (and the hold's end) is the next preset.
    expect(state().schedule.next).toMatchObject({ scheduleId: 'ca-dem', at: new Date(Date.parse('2025-11-25T22:00:00+07:00')).toISOString() });
    await vi.advanceTimersByTimeAsync(Date.parse('2025-11-25T03:29:59+07:00') - Date.now());
    expect(reloads(harness)).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(harness.events.filter((e) => e.channel === 'wall:reload')).toEqual([{ channel: 'wall:reload', payload: { wallId: null } }]);
    expect(state().recent[0]).toMatchObject({ command: 'walls.reload', by: { en: 'schedule tai-lai' }, ok: true });
    expect(layoutsOf(harness)['1']).toBe('grid');
    expect(state().schedule.manualSince).not.toBeNull();
    expect(state().schedule.next).toMatchObject({ scheduleId: 'ca-dem', at: new Date(Date.parse('2025-11-25T22:00:00+07:00')).toISOString() });
    expect(state().schedule.nextReload).toMatchObject({ at: new Date(Date.parse('2025-11-26T03:30:00+07:00')).toISOString() });
  });

  it('skips a reload the clock woke up late for, and one missed while the host was off', async () => {
    harness = startHarness(RELOADING);
    // The host is off from 03:00 to 03:40 the next night: no reload on start (the pages are new).
    await vi.advanceTimersByTimeAsync(Date.parse('2025-11-25T03:00:00+07:00') - Date.now());
    harness.close();
    await vi.advanceTimersByTimeAsync(40 * 60_000);
    harness = startHarness(RELOADING, harness.dataDir);
    await vi.advanceTimersByTimeAsync(0);
    expect(reloads(harness)).toBe(0);
    // The machine sleeps through the next night's reload and wakes at 08:00: the reload is skipped, and the log says so.
    vi.setSystemTime(Date.parse('2025-11-26T08:00:00+07:00'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reloads(harness)).toBe(0);
    expect(harness.log.lines.some((l) => /schedule tai-lai: its reload at .* is 27\d min late; skipped until its next point/.test(l))).toBe(true);
    // The night after, on time: it reloads.
    await vi.advanceTimersByTimeAsync(Date.parse('2025-11-27T03:30:00+07:00') - Date.now());
    expect(reloads(harness)).toBe(1);
  });
});

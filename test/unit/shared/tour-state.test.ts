import { describe, expect, it } from 'vitest';
import {
  applyAlerts,
  currentCameraId,
  holdingAlert,
  initialTour,
  msUntilAdvance,
  msUntilHoldEnds,
  next,
  previous,
  reconcileTour,
  tick,
  togglePause,
  tourSummary,
  upcomingCameraId,
  type TourAlert,
  type TourConfig,
  type TourState,
} from '../../../src-shared/tour-state';

const T0 = 1_700_000_000_000;
const DWELL_MS = 20_000;
const config: TourConfig = { cameraIds: ['cam-a', 'cam-b', 'cam-c', 'cam-d'], dwellSeconds: 20, pauseOnAlert: true };

function alert(id: string, cameraId: string | undefined, over: Partial<TourAlert> = {}): TourAlert {
  return { id, cameraId, severity: 'warning', status: 'open', time: '2026-01-01T08:00:00+07:00', ...over };
}

/** A tour showing `cameraIds[index]` whose dwell began at `startedAt`. */
function showing(index: number, startedAt = T0, cfg: TourConfig = config): TourState {
  return { ...initialTour(cfg, startedAt), index, cameraId: cfg.cameraIds[index] ?? '' };
}

describe('camera tour: dwell', () => {
  it('starts on the first camera, unpaused, unheld', () => {
    const s = initialTour(config, T0);
    expect(currentCameraId(s, config)).toBe('cam-a');
    expect(s).toEqual({ index: 0, cameraId: 'cam-a', paused: false, startedAt: T0, hold: null, released: [] });
    expect(tourSummary(s, config)).toEqual({ position: 1, count: 4, paused: false, held: false });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('stays before the dwell elapses and advances exactly when it has', () => {
    const s = initialTour(config, T0);
    expect(tick(s, config, T0 + DWELL_MS - 1)).toBe(s);
    const moved = tick(s, config, T0 + DWELL_MS);
    expect(currentCameraId(moved, config)).toBe('cam-b');
    expect(moved.startedAt).toBe(T0 + DWELL_MS);
  });

  it('advances by one camera only after a long gap, and gives it a full dwell', () => {
    const s = initialTour(config, T0);
    const woke = T0 + 10 * DWELL_MS + 1_234;
    const moved = tick(s, config, woke);
    expect(currentCameraId(moved, config)).toBe('cam-b');
    expect(msUntilAdvance(moved, config, woke)).toBe(DWELL_MS);
    expect(tick(moved, config, woke + 1)).toBe(moved);
  });

  it('wraps from the last camera to the first', () => {
    const moved = tick(showing(3), config, T0 + DWELL_MS);
    expect(currentCameraId(moved, config)).toBe('cam-a');
    expect(tourSummary(moved, config).position).toBe(1);
  });

  it('restarts the dwell when the clock goes backwards instead of freezing', () => {
    const s = initialTour(config, T0);
    const back = tick(s, config, T0 - 60_000);
    expect(back.startedAt).toBe(T0 - 60_000);
    expect(currentCameraId(back, config)).toBe('cam-a');
    expect(msUntilAdvance(s, config, T0 - 60_000)).toBe(DWELL_MS);
  });

  it('counts down the time left on the shown camera', () => {
    const s = initialTour(config, T0);
    expect(msUntilAdvance(s, config, T0)).toBe(DWELL_MS);
    expect(msUntilAdvance(s, config, T0 + 5_000)).toBe(15_000);
    expect(msUntilAdvance(s, config, T0 + DWELL_MS + 9_999)).toBe(0);
  });

  it('names the upcoming camera, wrapping at the end', () => {
    expect(upcomingCameraId(initialTour(config, T0), config)).toBe('cam-b');
    expect(upcomingCameraId(showing(3), config)).toBe('cam-a');
  });
});

describe('camera tour: operator', () => {
  it('pauses: no advance and no countdown; resuming gives a full dwell', () => {
    const paused = togglePause(initialTour(config, T0), config, T0 + 5_000);
    expect(paused.paused).toBe(true);
    expect(tick(paused, config, T0 + 10 * DWELL_MS)).toBe(paused);
    expect(msUntilAdvance(paused, config, T0 + 10 * DWELL_MS)).toBeNull();
    expect(tourSummary(paused, config).paused).toBe(true);

    const resumeAt = T0 + 10 * DWELL_MS;
    const resumed = togglePause(paused, config, resumeAt);
    expect(resumed.paused).toBe(false);
    expect(tick(resumed, config, resumeAt + 1)).toBe(resumed);
    expect(msUntilAdvance(resumed, config, resumeAt)).toBe(DWELL_MS);
    expect(currentCameraId(tick(resumed, config, resumeAt + DWELL_MS), config)).toBe('cam-b');
  });

  it('steps forward and back, wrapping both ways, with a fresh dwell', () => {
    const s = initialTour(config, T0);
    const back = previous(s, config, T0 + 7_000);
    expect(currentCameraId(back, config)).toBe('cam-d');
    expect(back.startedAt).toBe(T0 + 7_000);
    const fwd = next(back, config, T0 + 8_000);
    expect(currentCameraId(fwd, config)).toBe('cam-a');
    expect(currentCameraId(next(showing(2), config, T0), config)).toBe('cam-d');
    expect(msUntilAdvance(fwd, config, T0 + 8_000)).toBe(DWELL_MS);
  });

  it('keeps a paused tour paused when stepping, and resets its dwell clock', () => {
    const paused = togglePause(initialTour(config, T0), config, T0 + 1_000);
    const stepped = next(paused, config, T0 + 50_000);
    expect(stepped.paused).toBe(true);
    expect(stepped.startedAt).toBe(T0 + 50_000);
    expect(currentCameraId(stepped, config)).toBe('cam-b');
    expect(currentCameraId(previous(previous(stepped, config, T0 + 51_000), config, T0 + 52_000), config)).toBe('cam-d');
    expect(previous(stepped, config, T0 + 51_000).paused).toBe(true);
  });
});

describe('camera tour: alerts', () => {
  it('jumps to the camera an open alert names and holds there', () => {
    const s = initialTour(config, T0);
    const held = applyAlerts(s, config, [alert('al-1', 'cam-c')], T0 + 3_000);
    expect(currentCameraId(held, config)).toBe('cam-c');
    expect(held.hold).toEqual({ alertId: 'al-1', cameraId: 'cam-c', since: T0 + 3_000 });
    expect(tick(held, config, T0 + 100 * DWELL_MS)).toBe(held);
    expect(msUntilAdvance(held, config, T0 + 100 * DWELL_MS)).toBeNull();
    expect(tourSummary(held, config)).toEqual({ position: 3, count: 4, paused: false, held: true });
  });

  it('holds on acknowledged alerts too, and ignores resolved ones', () => {
    const s = initialTour(config, T0);
    expect(applyAlerts(s, config, [alert('al-1', 'cam-b', { status: 'acknowledged' })], T0).hold?.alertId).toBe('al-1');
    expect(applyAlerts(s, config, [alert('al-1', 'cam-b', { status: 'resolved' })], T0)).toBe(s);
  });

  it('ignores alerts for cameras outside the tour or without a camera', () => {
    const s = initialTour(config, T0);
    expect(applyAlerts(s, config, [alert('al-1', 'cam-elsewhere'), alert('al-2', undefined)], T0)).toBe(s);
  });

  it('ignores alerts when the tour does not pause on alerts', () => {
    const cfg = { ...config, pauseOnAlert: false };
    const s = initialTour(cfg, T0);
    expect(applyAlerts(s, cfg, [alert('al-1', 'cam-c', { severity: 'critical' })], T0)).toBe(s);
  });

  it('releases when the alert resolves or disappears, resuming from that camera with a fresh dwell', () => {
    const held = applyAlerts(initialTour(config, T0), config, [alert('al-1', 'cam-c')], T0);
    const releaseAt = T0 + 10 * DWELL_MS;
    for (const alerts of [[alert('al-1', 'cam-c', { status: 'resolved' })], []]) {
      const released = applyAlerts(held, config, alerts, releaseAt);
      expect(released.hold).toBeNull();
      expect(currentCameraId(released, config)).toBe('cam-c');
      expect(msUntilAdvance(released, config, releaseAt)).toBe(DWELL_MS);
      expect(tick(released, config, releaseAt + DWELL_MS - 1)).toBe(released);
      expect(currentCameraId(tick(released, config, releaseAt + DWELL_MS), config)).toBe('cam-d');
    }
  });

  it('holds on the most severe alert, then the newest', () => {
    const s = initialTour(config, T0);
    const older = alert('al-old', 'cam-b', { time: '2026-01-01T08:00:00+07:00' });
    const newer = alert('al-new', 'cam-c', { time: '2026-01-01T08:05:00+07:00' });
    const critical = alert('al-crit', 'cam-d', { severity: 'critical', time: '2026-01-01T07:00:00+07:00' });
    expect(applyAlerts(s, config, [older, newer], T0).hold?.alertId).toBe('al-new');
    expect(applyAlerts(s, config, [newer, older], T0).hold?.alertId).toBe('al-new');
    expect(applyAlerts(s, config, [older, critical, newer], T0).hold?.alertId).toBe('al-crit');
    // Offsets differ but the instants compare correctly: 01:30Z is newer than 08:00+07 (01:00Z).
    const utc = alert('al-utc', 'cam-a', { time: '2026-01-01T01:30:00Z' });
    expect(holdingAlert(config, [older, utc])?.id).toBe('al-utc');
    // Ties fall to the id, whatever the order they arrive in.
    const twin = alert('al-twin', 'cam-d', { time: older.time });
    expect(holdingAlert(config, [twin, older])?.id).toBe(holdingAlert(config, [older, twin])?.id);
  });

  it('moves the hold to a more severe alert, and back to the remaining one when it ends', () => {
    const first = alert('al-1', 'cam-b');
    const worse = alert('al-2', 'cam-d', { severity: 'critical' });
    const held = applyAlerts(initialTour(config, T0), config, [first], T0);
    const moved = applyAlerts(held, config, [first, worse], T0 + 1_000);
    expect(currentCameraId(moved, config)).toBe('cam-d');
    const back = applyAlerts(moved, config, [first, { ...worse, status: 'resolved' }], T0 + 2_000);
    expect(currentCameraId(back, config)).toBe('cam-b');
    expect(back.hold?.alertId).toBe('al-1');
  });

  it('lets the operator step away while held without being pulled back, and keeps the hold', () => {
    const alerts = [alert('al-1', 'cam-b')];
    const held = applyAlerts(initialTour(config, T0), config, alerts, T0);
    const looked = next(held, config, T0 + 1_000);
    expect(currentCameraId(looked, config)).toBe('cam-c');
    expect(looked.hold?.alertId).toBe('al-1');
    expect(applyAlerts(looked, config, alerts, T0 + 2_000)).toBe(looked);
    expect(tick(looked, config, T0 + 10 * DWELL_MS)).toBe(looked);
    // When the alert ends the tour cycles on from where the operator is.
    const released = applyAlerts(looked, config, [], T0 + 3_000);
    expect(currentCameraId(released, config)).toBe('cam-c');
    expect(currentCameraId(tick(released, config, T0 + 3_000 + DWELL_MS), config)).toBe('cam-d');
  });

  it('jumps even when paused, and stays paused after the alert ends', () => {
    const paused = togglePause(initialTour(config, T0), config, T0);
    const held = applyAlerts(paused, config, [alert('al-1', 'cam-d')], T0 + 1_000);
    expect(currentCameraId(held, config)).toBe('cam-d');
    expect(held.paused).toBe(true);
    const released = applyAlerts(held, config, [], T0 + 2_000);
    expect(released.paused).toBe(true);
    expect(tick(released, config, T0 + 10 * DWELL_MS)).toBe(released);
  });

  it('re-applying the same alerts changes nothing', () => {
    const alerts = [alert('al-1', 'cam-c')];
    const held = applyAlerts(initialTour(config, T0), config, alerts, T0);
    expect(applyAlerts(held, config, alerts, T0 + 1_000)).toBe(held);
    const idle = initialTour(config, T0);
    expect(applyAlerts(idle, config, [], T0 + 1_000)).toBe(idle);
  });

  it('accepts any iterable of alerts, e.g. a Map of alerts by id', () => {
    const byId = new Map([['al-1', alert('al-1', 'cam-b')]]);
    expect(currentCameraId(applyAlerts(initialTour(config, T0), config, byId.values(), T0), config)).toBe('cam-b');
  });
});

describe('camera tour: layout edits', () => {
  it('keeps showing the same camera when the list is reordered', () => {
    const s = showing(2);
    const cfg = { ...config, cameraIds: ['cam-c', 'cam-a', 'cam-b', 'cam-d'] };
    expect(currentCameraId(s, cfg)).toBe('cam-c');
    expect(upcomingCameraId(s, cfg)).toBe('cam-a');
    const fixed = reconcileTour(s, cfg, T0 + 5_000);
    expect(fixed).toEqual({ ...s, index: 0 });
    expect(tourSummary(s, cfg).position).toBe(1);
  });

  it('clamps to the last camera when the list shrinks past the shown one, with a fresh dwell', () => {
    const s = showing(3);
    const cfg = { ...config, cameraIds: ['cam-a', 'cam-b'] };
    expect(currentCameraId(s, cfg)).toBe('cam-b');
    expect(tourSummary(s, cfg)).toEqual({ position: 2, count: 2, paused: false, held: false });
    const fixed = reconcileTour(s, cfg, T0 + 5_000);
    expect(fixed).toMatchObject({ index: 1, cameraId: 'cam-b', startedAt: T0 + 5_000 });
    expect(currentCameraId(tick(fixed, cfg, T0 + 5_000 + DWELL_MS), cfg)).toBe('cam-a');
    // A stale state first seen by a tick gets its fresh dwell from that tick, not an instant switch.
    const late = tick(s, cfg, T0 + 5_000 + DWELL_MS);
    expect(late).toMatchObject({ index: 1, cameraId: 'cam-b', startedAt: T0 + 5_000 + DWELL_MS });
  });

  it('shows the camera now in its slot when the shown camera is removed', () => {
    const cfg = { ...config, cameraIds: ['cam-a', 'cam-x', 'cam-c', 'cam-d'] };
    const s = reconcileTour(showing(1), cfg, T0 + 1_000);
    expect(s).toMatchObject({ index: 1, cameraId: 'cam-x', startedAt: T0 + 1_000 });
  });

  it('drops a hold whose camera left the tour, or when pauseOnAlert is turned off', () => {
    const held = applyAlerts(initialTour(config, T0), config, [alert('al-1', 'cam-d')], T0);
    const shrunk = { ...config, cameraIds: ['cam-a', 'cam-b'] };
    expect(tourSummary(held, shrunk).held).toBe(false);
    const fixed = reconcileTour(held, shrunk, T0 + 1_000);
    expect(fixed.hold).toBeNull();
    expect(msUntilAdvance(fixed, shrunk, T0 + 1_000)).toBe(DWELL_MS);

    const off = { ...config, pauseOnAlert: false };
    expect(reconcileTour(held, off, T0 + 1_000).hold).toBeNull();
    expect(tourSummary(held, off).held).toBe(false);
  });

  it('returns the same state when the config still fits', () => {
    const s = showing(2);
    expect(reconcileTour(s, config, T0 + 1_000)).toBe(s);
  });

  it('prefers the shown slot when a camera appears twice', () => {
    const cfg = { ...config, cameraIds: ['cam-a', 'cam-b', 'cam-a'] };
    const s = showing(2, T0, cfg);
    expect(tourSummary(s, cfg).position).toBe(3);
    expect(applyAlerts(s, cfg, [alert('al-1', 'cam-a')], T0).index).toBe(2);
    expect(currentCameraId(tick(s, cfg, T0 + DWELL_MS), cfg)).toBe('cam-a');
    expect(tick(s, cfg, T0 + DWELL_MS).index).toBe(0);
  });
});

describe('camera tour: how long an alert may hold it', () => {
  const HOLD_MS = 10 * 60_000;
  const limited: TourConfig = { ...config, holdMaxMs: HOLD_MS };

  it('holds until the limit, then lets go for good and cycles on from that camera', () => {
    const alerts = [alert('al-1', 'cam-c')];
    const held = applyAlerts(initialTour(limited, T0), limited, alerts, T0);
    expect(msUntilHoldEnds(held, limited, T0 + 60_000)).toBe(HOLD_MS - 60_000);
    const still = applyAlerts(held, limited, alerts, T0 + HOLD_MS - 1);
    expect(still).toBe(held);
    const free = applyAlerts(still, limited, alerts, T0 + HOLD_MS);
    expect(free.hold).toBeNull();
    expect(free.released).toEqual(['al-1']);
    expect(currentCameraId(free, limited)).toBe('cam-c');
    expect(msUntilAdvance(free, limited, T0 + HOLD_MS)).toBe(DWELL_MS);
    // The same alert, still open, does not take the tour back on the next pass.
    expect(applyAlerts(free, limited, alerts, T0 + HOLD_MS + 1_000)).toBe(free);
    expect(currentCameraId(tick(free, limited, T0 + HOLD_MS + DWELL_MS), limited)).toBe('cam-d');
  });

  it('lets another alert hold after one ran out, with a limit of its own', () => {
    const first = applyAlerts(initialTour(limited, T0), limited, [alert('al-1', 'cam-c')], T0);
    const next = applyAlerts(first, limited, [alert('al-1', 'cam-c'), alert('al-2', 'cam-b')], T0 + HOLD_MS);
    // al-1 ranks first (same severity and time, ties go by id), so al-2 holds only once al-1 is released.
    expect(next.hold).toEqual({ alertId: 'al-2', cameraId: 'cam-b', since: T0 + HOLD_MS });
    expect(msUntilHoldEnds(next, limited, T0 + HOLD_MS)).toBe(HOLD_MS);
  });

  it('has no limit when none is configured', () => {
    const held = applyAlerts(initialTour(config, T0), config, [alert('al-1', 'cam-c')], T0);
    expect(msUntilHoldEnds(held, config, T0)).toBeNull();
    expect(applyAlerts(held, config, [alert('al-1', 'cam-c')], T0 + 100 * HOLD_MS)).toBe(held);
  });
});

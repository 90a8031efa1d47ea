import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src-shared/domain';
import { followAlerts, followPin, followTick, followWakeAt, initialFollow, type FollowRules, type FollowState } from '../../../src-renderer/tiles/map/follow-queue';
import { feedItem } from '../../helpers/hub-messages';

const RULES: FollowRules = { minSeverity: 'critical', holdMs: 30_000 };
const POINT = { lat: 10.35, lng: 107.08 };
const critical = (id: string, over: Partial<Alert> = {}): Alert => ({ ...feedItem(id), severity: 'critical', location: { district: 'TP. Vũng Tàu', point: POINT }, status: 'open', ...over });
const byId = (...alerts: Alert[]): Map<string, Alert> => new Map(alerts.map((a) => [a.id, a]));

/** The alerts the wall had when it started: seen, never flown to. */
function primed(...alerts: Alert[]): FollowState {
  return followAlerts(initialFollow, byId(...alerts), RULES, 0);
}

describe('follow mode', () => {
  it('never flies to alerts that were there before the wall started', () => {
    const state = primed(critical('old'));
    expect(state.current).toBeNull();
    expect(state.queue).toEqual([]);
    expect(state.primed).toBe(true);
  });

  it('flies to a new alert at the severity, holds it, then goes home', () => {
    let state = primed();
    const alerts = byId(critical('c1'), critical('w1', { severity: 'warning' }), critical('far', { location: { district: 'X' } }));
    state = followAlerts(state, alerts, RULES, 1_000);
    expect(state.current).toEqual({ alertId: 'c1', until: 31_000 });
    expect(state.queue).toEqual([]);
    expect(followWakeAt(state)).toBe(31_000);
    // Not yet: the map stays on the alert for its whole hold.
    expect(followTick(state, alerts, RULES, 30_999)).toBe(state);
    state = followTick(state, alerts, RULES, 31_000);
    expect(state.current).toBeNull();
    expect(followWakeAt(state)).toBeNull();
  });

  it('shows a burst one at a time, each for its full hold, in the order they came', () => {
    let state = primed();
    const alerts = byId(critical('a'), critical('b'), critical('c'));
    state = followAlerts(state, alerts, RULES, 0);
    expect(state.current?.alertId).toBe('a');
    expect(state.queue).toEqual(['b', 'c']);
    // A resend of the same alerts changes nothing: no flicker.
    expect(followAlerts(state, alerts, RULES, 5_000)).toEqual(state);
    state = followTick(state, alerts, RULES, 30_000);
    expect(state.current).toEqual({ alertId: 'b', until: 60_000 });
    state = followTick(state, alerts, RULES, 60_000);
    expect(state.current?.alertId).toBe('c');
    expect(state.queue).toEqual([]);
  });

  it('goes home (or on) as soon as the alert is acknowledged, and skips queued ones already dealt with', () => {
    let state = followAlerts(primed(), byId(critical('a'), critical('b'), critical('c')), RULES, 0);
    state = followAlerts(state, byId(critical('a', { status: 'acknowledged' }), critical('b', { status: 'resolved' }), critical('c')), RULES, 4_000);
    expect(state.current).toEqual({ alertId: 'c', until: 34_000 });
    state = followAlerts(state, byId(critical('a', { status: 'acknowledged' }), critical('b', { status: 'resolved' }), critical('c', { status: 'acknowledged' })), RULES, 5_000);
    expect(state.current).toBeNull();
  });

  it('keeps a pinned alert until unpinned, with the queue waiting under it', () => {
    const alerts = byId(critical('pin', { severity: 'info' }), critical('new'));
    let state = followPin(primed(critical('pin', { severity: 'info' })), 'pin', alerts, RULES, 0);
    expect(state.current).toEqual({ alertId: 'pin', until: null });
    state = followAlerts(state, alerts, RULES, 1_000);
    expect(state.current?.alertId).toBe('pin');
    expect(state.queue).toEqual(['new']);
    expect(followTick(state, alerts, RULES, 10 * 60_000).current?.alertId).toBe('pin');
    expect(followWakeAt(state)).toBeNull();
    state = followPin(state, null, alerts, RULES, 2_000);
    expect(state.current).toEqual({ alertId: 'new', until: 32_000 });
  });
});

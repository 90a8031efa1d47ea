import { useEffect, useReducer } from 'react';
import type { Alert, MapTile } from '../../../src-shared/domain';
import { useFeedStore } from '../../stores/feed-store';
import { latestOf, type TopicTable } from '../../stores/topic-table';
import { followAlerts, followPin, followTick, followWakeAt, initialFollow, type FollowRules, type FollowState } from './follow-queue';
import type { MapController } from './map-controller';

const DEFAULT_RULES: FollowRules = { minSeverity: 'critical', holdMs: 30_000 };

type FollowAction = { type: 'alerts'; now: number } | { type: 'tick'; now: number } | { type: 'pin'; alertId: string | null; now: number };

function alertsById(table: TopicTable<Alert>): ReadonlyMap<string, Alert> {
  const byId = new Map<string, Alert>();
  for (const id of table.keys()) {
    const alert = latestOf(table, id);
    if (alert) byId.set(id, alert);
  }
  return byId;
}

/**
 * Follow mode on a map tile (follow-queue.ts drives it): new alerts at the tile's severity when the
 * tile opts in, and the alert an operator or a rule pinned (the wall view's `followAlertId`). Flies
 * the controller to the alert shown and home after; answers what the callout needs.
 */
export function useFollow(controller: MapController | null, tile: MapTile, pinnedAlertId: string | null): { state: FollowState; alert: Alert | undefined; rules: FollowRules } {
  const rules: FollowRules = tile.follow ? { minSeverity: tile.follow.minSeverity, holdMs: tile.follow.returnAfterSeconds * 1000 } : DEFAULT_RULES;
  const auto = tile.follow !== undefined;
  const [state, dispatch] = useReducer((current: FollowState, action: FollowAction): FollowState => {
    const alerts = alertsById(useFeedStore.getState().table);
    if (action.type === 'alerts') return auto || current.pinned !== null ? followAlerts(auto ? current : { ...current, primed: false }, alerts, rules, action.now) : current;
    if (action.type === 'tick') return followTick(current, alerts, rules, action.now);
    return followPin(current, action.alertId, alerts, rules, action.now);
  }, initialFollow);

  useEffect(() => {
    dispatch({ type: 'alerts', now: Date.now() });
    return useFeedStore.subscribe((s, p) => {
      if (s.table !== p.table) dispatch({ type: 'alerts', now: Date.now() });
    });
  }, []);
  useEffect(() => dispatch({ type: 'pin', alertId: pinnedAlertId, now: Date.now() }), [pinnedAlertId]);
  const wakeAt = followWakeAt(state);
  useEffect(() => {
    if (wakeAt === null) return;
    const timer = setTimeout(() => dispatch({ type: 'tick', now: Date.now() }), Math.max(0, wakeAt - Date.now()));
    return () => clearTimeout(timer);
  }, [wakeAt]);

  const alert = useFeedStore((s) => (state.current ? latestOf(s.table, state.current.alertId) : undefined));
  const lat = alert?.location.point?.lat;
  const lng = alert?.location.point?.lng;
  useEffect(() => controller?.setFocus(lat !== undefined && lng !== undefined ? { lat, lng } : null), [controller, lat, lng]);
  return { state, alert, rules };
}

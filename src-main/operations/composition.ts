import type { WallView } from '../../src-shared/wall-view';
import { composeView } from './compose-view';
import type { HostState } from './host-state';
import { wallOf, type HostServices } from './host-services';
import { tourViews } from './tours';

/** How long an alert may hold a camera tour, from the config. */
export function tourHoldMaxMs(services: HostServices): number {
  return services.config.cameras.tourAlertHoldMinutes * 60_000;
}

/** What wall `wallId` shows in this state, tours included (their time left counted from `at`). */
export function composeWall(state: HostState, services: HostServices, wallId: string, at: number): WallView {
  const wall = wallOf(services, wallId);
  const base = state.walls[wallId];
  if (!base) throw new Error(`no state for wall ${wallId}`);
  const active = state.takeovers.book.active[wallId];
  const view = composeView({
    wall,
    base,
    layouts: services.layouts,
    ...(active ? { takeover: { active, rule: services.config.rules.find((r) => r.id === active.ruleId), alert: state.takeovers.alerts[active.alertId] } } : {}),
    tours: {},
  });
  return { ...view, tours: tourViews(state.tours[wallId], view.layout, tourHoldMaxMs(services), at) };
}

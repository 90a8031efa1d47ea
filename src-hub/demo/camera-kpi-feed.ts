import type { Camera } from '../../src-shared/domain';
import { kpiDepartment } from './demo-departments';
import { derivedPoint, percent } from './derived-kpi';
import type { Feed, FeedContext } from './feed';
import { DERIVED_KPIS } from './kpi-catalog';

const EVERY_MS = 5_000;
const SEED_POINTS = 30;

/**
 * The share of cameras online, counted from the camera registry the demo publishes: the KPI and the
 * console's "Camera trực tuyến 8/8" are one count, never 98,8% beside 8/8.
 */
export function createCameraKpiFeed(ctx: FeedContext, cameras: readonly Camera[]): Feed {
  const { emit } = ctx;
  const definition = DERIVED_KPIS.camerasOnline;
  const department = kpiDepartment(definition.subsystem);
  const send = (time: number): void => {
    if (cameras.length === 0) return;
    // As the hub stores them: a camera without a status is online (the schema's default).
    const online = cameras.filter((camera) => camera.status !== 'offline').length;
    emit(department, 'kpi', derivedPoint(definition, percent(online, cameras.length), time));
  };
  if (ctx.seedHistory && !ctx.state.latest('kpi', definition.id)) for (let i = SEED_POINTS; i >= 1; i -= 1) send(ctx.startedAt - i * EVERY_MS);
  let nextAt = ctx.startedAt;
  return {
    tick(now) {
      if (now < nextAt) return;
      nextAt = now + EVERY_MS;
      send(now);
    },
  };
}

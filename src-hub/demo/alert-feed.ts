import type { Alert, Camera } from '../../src-shared/domain';
import { unitNameIn } from '../../src-shared/unit-name-en';
import { ALERT_TEMPLATES, DISTRICTS } from './alert-templates';
import { ALERT_TEXT_EN } from './demo-english';
import { iso, nextArrival, type Feed, type FeedContext } from './feed';
import { pick } from './random';
import { demoPointIn, withPoint } from '../../src-shared/demo/demo-units';

interface OpenAlert {
  alert: Alert;
  /** When the operators move it on: acknowledged, then resolved. */
  nextChangeAt: number;
}

/**
 * Incidents as the IOC operations team raises them: a new one now and then in a random district,
 * acknowledged within minutes and resolved later, so the ticker shows a shift, not a list.
 */
export function createAlertFeed(ctx: FeedContext, meanSeconds: number, cameras: readonly Camera[] = []): Feed {
  const { random, emit } = ctx;
  const open: OpenAlert[] = [];
  let counter = 0;
  let nextAt = ctx.startedAt;
  const later = (now: number): number => now + (30 + random() * 150) * 1000;

  // Alerts still open in the hub were raised before a restart: carry on with them.
  for (const key of ctx.state.keys('alert')) {
    const held = ctx.state.latest('alert', key)?.payload;
    if (held && held.status !== 'resolved') open.push({ alert: held, nextChangeAt: later(ctx.startedAt) });
  }

  const raise = (now: number): void => {
    const template = pick(ALERT_TEMPLATES, random);
    const camera = template.atCamera && cameras.length > 0 ? pick(cameras, random) : undefined;
    const district = camera?.district ?? pick(DISTRICTS, random);
    counter += 1;
    const alert: Alert = {
      id: `canh-bao-${ctx.startedAt.toString(36)}-${counter}`,
      time: iso(now),
      severity: template.severity,
      subsystem: template.subsystem,
      category: template.category,
      text: template.text.replace('{d}', camera?.name ?? district),
      ...(ALERT_TEXT_EN[template.category] ? { textEn: ALERT_TEXT_EN[template.category]!.replace('{d}', camera?.name ?? unitNameIn(district, 'en')) } : {}),
      location: { district, ...withPoint(camera?.location ?? demoPointIn(district, random)) },
      ...(camera ? { cameraId: camera.id } : {}),
      status: 'open',
    };
    emit('ioc-van-hanh', 'alert', alert);
    open.push({ alert, nextChangeAt: later(now) });
  };

  // A few alerts at start, so the ticker is never empty on a fresh demo.
  if (open.length === 0) for (let i = 0; i < 4; i += 1) raise(ctx.startedAt);

  return {
    tick(now) {
      if (now >= nextAt) {
        raise(now);
        nextAt = now + nextArrival(random, meanSeconds);
      }
      for (let i = open.length - 1; i >= 0; i -= 1) {
        const item = open[i]!;
        if (now < item.nextChangeAt) continue;
        // The alert keeps the time it was raised: that is what its age on the wall means.
        item.alert = { ...item.alert, status: item.alert.status === 'open' ? 'acknowledged' : 'resolved' };
        emit('ioc-van-hanh', 'alert', item.alert);
        if (item.alert.status === 'resolved') open.splice(i, 1);
        else item.nextChangeAt = later(now);
      }
    },
  };
}

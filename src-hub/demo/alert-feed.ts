import type { Alert, Camera } from '../../src-shared/domain';
import { unitNameIn } from '../../src-shared/unit-name-en';
import { ALERT_TEMPLATES, CATEGORY_UNITS, RAISED_BY_READINGS, REPORTS_OUTCOME, type AlertTemplate } from './alert-templates';
import { ALERT_TEXT_EN } from './demo-english';
import { iso, nextArrival, type Feed, type FeedContext } from './feed';
import { pick, type Random } from './random';
import { DEMO_UNITS, demoPointIn, unitInText, withPoint } from '../../src-shared/demo/demo-units';

interface OpenAlert {
  alert: Alert;
  /** When the operators move it on: acknowledged, then resolved. */
  nextChangeAt: number;
}

/** The templates the feed raises at random; the others come from readings (RAISED_BY_READINGS). */
const RANDOM_TEMPLATES = ALERT_TEMPLATES.filter((template) => !RAISED_BY_READINGS.has(template.category));
/** Tries to find an incident that is not already open before letting an arrival pass. */
const PICK_TRIES = 5;

/** One incident: what happened and where, the key that makes two raisings the same incident. */
interface Incident {
  template: AlertTemplate;
  unit: string;
  camera: Camera | undefined;
}

function pickIncident(random: Random, cameras: readonly Camera[]): Incident {
  const template = pick(RANDOM_TEMPLATES, random);
  const camera = template.atCamera && cameras.length > 0 ? pick(cameras, random) : undefined;
  const unit = camera?.district ?? pick(CATEGORY_UNITS[template.category] ?? DEMO_UNITS, random);
  return { template, unit, camera };
}

const incidentKey = (category: string, unit: string, cameraId: string | undefined): string => `${category}|${unit}|${cameraId ?? ''}`;

/**
 * Incidents as the IOC operations team raises them: a new one now and then in a random unit,
 * acknowledged within minutes and resolved later, so the ticker shows a shift, not a list.
 *
 * The data agrees with itself: an incident already open is not raised a second time (a real
 * source updates its alert, it does not send the same incident as a new one, which a wall would
 * show as the same alert twice); a text that reports an outcome ("đã được xử lý") is raised
 * resolved; an incident happens only where it can (CATEGORY_UNITS).
 */
export function createAlertFeed(ctx: FeedContext, meanSeconds: number, cameras: readonly Camera[] = []): Feed {
  const { random, emit } = ctx;
  const open: OpenAlert[] = [];
  let counter = 0;
  let nextAt = ctx.startedAt;
  const later = (now: number): number => now + (30 + random() * 150) * 1000;
  const isOpen = (incident: Incident): boolean => {
    const key = incidentKey(incident.template.category, incident.unit, incident.camera?.id);
    return open.some(({ alert }) => incidentKey(alert.category, alert.location.district, alert.cameraId) === key);
  };

  // Alerts still open in the hub were raised before a restart: carry on with them.
  for (const key of ctx.state.keys('alert')) {
    const held = ctx.state.latest('alert', key)?.payload;
    if (held && held.status !== 'resolved' && !RAISED_BY_READINGS.has(held.category)) open.push({ alert: held, nextChangeAt: later(ctx.startedAt) });
  }

  const raise = (now: number): void => {
    let incident = pickIncident(random, cameras);
    for (let i = 1; i < PICK_TRIES && isOpen(incident); i += 1) incident = pickIncident(random, cameras);
    if (isOpen(incident)) return;
    const { template, unit, camera } = incident;
    const outcome = REPORTS_OUTCOME.has(template.category);
    counter += 1;
    const alert: Alert = {
      id: `canh-bao-${ctx.startedAt.toString(36)}-${counter}`,
      time: iso(now),
      severity: template.severity,
      subsystem: template.subsystem,
      category: template.category,
      text: template.text.replace('{d}', camera?.name ?? unitInText(unit)),
      ...(ALERT_TEXT_EN[template.category] ? { textEn: ALERT_TEXT_EN[template.category]!.replace('{d}', camera?.name ?? unitNameIn(unit, 'en')) } : {}),
      location: { district: unit, ...withPoint(camera?.location ?? demoPointIn(unit, random)) },
      ...(camera ? { cameraId: camera.id } : {}),
      status: outcome ? 'resolved' : 'open',
    };
    emit('ioc-van-hanh', 'alert', alert);
    if (!outcome) open.push({ alert, nextChangeAt: later(now) });
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

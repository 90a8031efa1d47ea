import type { Camera } from '../../src-shared/domain';
import type { HubStateModel } from '../../src-shared/hub-state-model';
import type { Logger } from '../../src-shared/node/log';
import type { Department } from '../ingest/department';
import { createAlertFeed } from './alert-feed';
import { createCameraKpiFeed } from './camera-kpi-feed';
import { createCitizenReportFeed } from './citizen-report-feed';
import { createDossierFeed } from './dossier-feed';
import { createEnvironmentFeed } from './environment-feed';
import type { Emit, Feed, FeedContext } from './feed';
import { createKpiFeed } from './kpi-feed';
import { createUnitKpiFeed } from './unit-kpi-feed';
import { createOutbox, type PostIngest } from './outbox';
import { seededRandom, type Random } from './random';
import { createSecurityEventFeed } from './security-event-feed';
import { createSocialMentionFeed } from './social-mention-feed';

export interface SimulatorOptions {
  /** The hub to post to, through its ingest API. */
  hubUrl: string;
  /** The demo departments with their keys (createDemoDepartments()). */
  departments: readonly Department[];
  cameras: readonly Camera[];
  /** The hub's state, read once at start: seed history only into an empty hub, resume open cases. */
  state: HubStateModel;
  log: Logger;
  random?: Random;
  now?: () => number;
  /** Points of history per KPI seeded into an empty hub, so charts are full on the first paint. */
  seedPoints?: number;
  /** Mean seconds between new alerts. */
  alertEverySeconds?: number;
  post?: PostIngest;
}

export interface RunningSimulator {
  /** Emits what is due at now() and posts it; the timer calls it, tests call it directly. */
  tick(): Promise<void>;
  /** Records waiting for the hub (after failed posts). */
  pending(): number;
  stop(): Promise<void>;
}

const TICK_MS = 500;

/**
 * Plausible live data for Bà Rịa–Vũng Tàu, posted the way departments post: each demo department
 * sends its own topics to the hub's ingest API with its own key. A failed post is kept and retried,
 * never thrown, so a hub restart only delays the demo data.
 */
export function startSimulator(options: SimulatorOptions, autoTick = true): RunningSimulator {
  const { log } = options;
  const random = options.random ?? seededRandom(Date.now() & 0xffffffff);
  const now = options.now ?? Date.now;
  const outbox = createOutbox({ hubUrl: options.hubUrl, departments: options.departments, log, now, ...(options.post ? { post: options.post } : {}) });
  const emit: Emit = (department, topic, payload) => outbox.add(department, topic, payload);
  const ctx: FeedContext = { random, emit, state: options.state, seedHistory: options.state.keys('kpi').length === 0, startedAt: now() };
  const seedPoints = options.seedPoints ?? 60;

  // Registries first; the hub acknowledges unchanged ones as duplicates on every restart.
  options.cameras.forEach((camera) => emit('so-tttt', 'camera', camera));
  const feeds: Feed[] = [
    createKpiFeed(ctx, seedPoints),
    createEnvironmentFeed(ctx, Math.min(seedPoints, 30)),
    createDossierFeed(ctx),
    createAlertFeed(ctx, options.alertEverySeconds ?? 12, options.cameras),
    createCitizenReportFeed(ctx, 15),
    createSecurityEventFeed(ctx, 25),
    createSocialMentionFeed(ctx, 8),
    createUnitKpiFeed(ctx),
    createCameraKpiFeed(ctx, options.cameras),
  ];
  log.info(`simulator started${ctx.seedHistory ? `, seeding ${outbox.pending()} records of history` : ', resuming on the hub’s history'}`);

  let running: Promise<void> | undefined;
  const tick = (): Promise<void> => {
    running ??= (async () => {
      const t = now();
      feeds.forEach((feed) => feed.tick(t));
      await outbox.flush();
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  if (autoTick) {
    void tick();
    timer = setInterval(() => void tick(), TICK_MS);
    timer.unref();
  }
  return {
    tick,
    pending: outbox.pending,
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

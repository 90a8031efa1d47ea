import type { HubTopic, PayloadOf } from '../../src-shared/hub-protocol';
import type { HubStateModel } from '../../src-shared/hub-state-model';
import type { DemoDepartmentId } from './demo-departments';
import type { Random } from './random';

/** Queues one record for a department to post. */
export type Emit = <T extends HubTopic>(department: DemoDepartmentId, topic: T, payload: PayloadOf<T>) => void;

export interface FeedContext {
  random: Random;
  emit: Emit;
  /** The hub's state when the simulator started: to resume open cases rather than forget them. */
  state: HubStateModel;
  /** True when the hub holds no history yet, so charts need seeding. */
  seedHistory: boolean;
  startedAt: number;
}

/** One kind of simulated data; tick() emits whatever is due at `now`. */
export interface Feed {
  tick(now: number): void;
}

export const iso = (time: number): string => new Date(time).toISOString();

/** The date in Vietnam (UTC+7) at `time`, YYYY-MM-DD: a department's "today". */
export const localDate = (time: number): string => new Date(time + 7 * 3_600_000).toISOString().slice(0, 10);

/** Seconds until the next event of a Poisson process with this mean: irregular, like real arrivals. */
export function nextArrival(random: Random, meanSeconds: number): number {
  return -Math.log(1 - random()) * meanSeconds * 1000;
}

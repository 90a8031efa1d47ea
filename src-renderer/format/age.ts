import type { KpiDefinition } from '../../src-shared/domain';
import { HUB_TOPICS, topicSpec, type HubTopic, type PayloadOf } from '../../src-shared/hub-protocol';
import type { AppInfo } from '../../src-shared/ipc';
import { STALE_CRITICAL_FACTOR } from '../constants';
import type { Translate } from '../i18n/translate';

/** How trustworthy a value's age makes it; drives the tile's age badge, "dữ liệu cũ" mark and dimming. */
export type Staleness = 'fresh' | 'stale' | 'critical';
/** What a tile header shows: a staleness level, or that there is no data at all yet. */
export type TileFreshness = Staleness | 'nodata';

/**
 * Seconds after which a topic's data is stale: a KPI definition's own threshold (a monthly indicator
 * is not late after ten minutes), else the host's per-topic value (config over defaults), else the
 * protocol default while `app:info` has not answered yet.
 */
export function staleAfterSeconds(
  topic: HubTopic,
  configured: AppInfo['staleAfterSeconds'] | undefined,
  definition?: Pick<KpiDefinition, 'staleAfterSeconds'>,
): number {
  return definition?.staleAfterSeconds ?? configured?.[topic] ?? HUB_TOPICS[topic].staleAfterSeconds;
}

/** The department's own time of a record (measured, raised, received): what a tile's age counts from. */
export function recordTime<T extends HubTopic>(topic: T, payload: PayloadOf<T>): string {
  return topicSpec(topic).time(payload);
}

/** The newest department time among records of one topic, or undefined for none: what a feed's age counts from. */
export function newestRecordTime<T extends HubTopic>(topic: T, records: Iterable<PayloadOf<T>>): string | undefined {
  let newest: string | undefined;
  let newestMs = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    const time = recordTime(topic, record);
    const at = Date.parse(time);
    if (at > newestMs) {
      newest = time;
      newestMs = at;
    }
  }
  return newest;
}

/** Milliseconds since an ISO time; never negative, since a hub clock slightly ahead is not "future" data. */
export function ageMs(isoTime: string, now: number): number {
  const at = Date.parse(isoTime);
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : Math.max(0, now - at);
}

/** Fresh below the threshold, stale from it, critical from STALE_CRITICAL_FACTOR times it. */
export function staleness(age: number, staleAfter: number): Staleness {
  const limitMs = staleAfter * 1000;
  if (age >= limitMs * STALE_CRITICAL_FACTOR) return 'critical';
  if (age >= limitMs) return 'stale';
  return 'fresh';
}

/** "3 giây trước" / "3 s ago": whole units, largest that fits, so the label changes calmly. */
export function formatAge(age: number, t: Translate): string {
  if (!Number.isFinite(age)) return t('tile.noData');
  if (age < 1000) return t('age.justNow');
  return t('age.ago', { duration: formatDuration(age / 1000, t) });
}

/** "vừa cập nhật" / "cập nhật 3 giây trước": a tile's age, said the way Vietnamese says a fresh one. */
export function formatUpdated(age: number, t: Translate): string {
  if (!Number.isFinite(age)) return t('tile.noData');
  if (age < 1000) return t('tile.updatedJustNow');
  return t('tile.updated', { age: formatAge(age, t) });
}

/** "10 phút" / "10 min": a span in its largest whole unit, e.g. a stale threshold. */
export function formatDuration(seconds: number, t: Translate): string {
  const s = Math.floor(seconds);
  if (s < 60) return t('duration.seconds', { n: s });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('duration.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('duration.hours', { n: hours });
  return t('duration.days', { n: Math.floor(hours / 24) });
}

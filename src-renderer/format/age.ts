import { KPI_STALE_CRITICAL_MS, KPI_STALE_WARN_MS } from '../constants';
import type { Translate } from '../i18n/translate';

/** How trustworthy a value's age makes it; drives the tile header colour and marker. */
export type Staleness = 'fresh' | 'warn' | 'critical';
/** What a tile header shows: a staleness level, or that there is no data at all yet. */
export type TileFreshness = Staleness | 'nodata';

export interface StaleThresholds {
  warnMs: number;
  criticalMs: number;
}

export const KPI_STALENESS: StaleThresholds = { warnMs: KPI_STALE_WARN_MS, criticalMs: KPI_STALE_CRITICAL_MS };

/** Milliseconds since an ISO time; never negative, since a hub clock slightly ahead is not "future" data. */
export function ageMs(isoTime: string, now: number): number {
  const at = Date.parse(isoTime);
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : Math.max(0, now - at);
}

export function staleness(age: number, thresholds: StaleThresholds): Staleness {
  if (age >= thresholds.criticalMs) return 'critical';
  if (age >= thresholds.warnMs) return 'warn';
  return 'fresh';
}

/** "3 giây trước" / "3 s ago": whole units, largest that fits, so the label changes calmly. */
export function formatAge(age: number, t: Translate): string {
  if (!Number.isFinite(age)) return t('tile.noData');
  const seconds = Math.floor(age / 1000);
  if (seconds < 1) return t('age.justNow');
  if (seconds < 60) return t('age.seconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('age.hours', { n: hours });
  return t('age.days', { n: Math.floor(hours / 24) });
}

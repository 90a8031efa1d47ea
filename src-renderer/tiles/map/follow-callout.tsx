import type { Alert } from '../../../src-shared/domain';
import { formatDuration } from '../../format/age';
import { useNow } from '../../hooks/use-now';
import { alertTextIn, unitNameIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import type { FollowState } from './follow-queue';

/**
 * What the map flew to and why: the alert's severity, text and place, and when the map goes home
 * (or that an operator pinned it), with how many alerts wait their turn.
 */
export function FollowCallout({ alert, state }: { alert: Alert; state: FollowState }) {
  const t = useT();
  const language = useLanguage();
  const now = useNow();
  const until = state.current?.until ?? null;
  const left = until === null ? null : Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <aside className="map-callout" data-severity={alert.severity} data-alert-id={alert.id} role="status">
      <div className="map-callout__head">
        <span className="map-callout__severity">{t(`severity.${alert.severity}`)}</span>
        <span className="map-callout__title">{t('map.follow.title')}</span>
      </div>
      <p className="map-callout__text">{alertTextIn(alert, language)}</p>
      <p className="map-callout__place">{[alert.location.address, unitNameIn(alert.location.district, language)].filter(Boolean).join(' · ')}</p>
      <p className="map-callout__meta">
        {state.pinned !== null ? t('map.follow.pinned') : left !== null ? t('map.follow.returns', { time: formatDuration(left, t) }) : null}
        {state.queue.length > 0 ? ` · ${t('map.follow.queued', { count: state.queue.length })}` : ''}
      </p>
    </aside>
  );
}

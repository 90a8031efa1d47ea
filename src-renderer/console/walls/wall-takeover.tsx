import type { TakeoverView } from '../../../src-shared/wall-view';
import { operatorCommand } from '../../bridge/host-actions';
import { WarningIcon } from '../../components/icons';
import { formatDuration } from '../../format/age';
import { formatShortTime } from '../../format/time';
import { useNow } from '../../hooks/use-now';
import { localized, unitNameIn } from '../../i18n/data-text';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { usePending } from '../commands/use-pending';
import { KeyHint } from '../keys/key-hint';

/**
 * A rule's takeover of the wall: which alert, since when and until when, with Giữ nguyên (keep it, no
 * automatic return) and Trả lại (give the wall back now), and the takeovers queued behind it.
 */
export function WallTakeover({ wallId, takeover, isTarget }: { wallId: string; takeover: TakeoverView; isTarget: boolean }) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const now = useNow();
  const pinning = usePending(`wall:${wallId}:pin`);
  const dismissing = usePending(`wall:${wallId}:dismiss`);
  const left = takeover.revertAt ? Math.max(0, Math.round((Date.parse(takeover.revertAt) - now) / 1000)) : null;
  return (
    <div className="wall-takeover" role="status" data-takeover-id={takeover.id} data-severity={takeover.severity} data-pinned={takeover.pinned || undefined}>
      <div className="wall-takeover__head">
        <WarningIcon className="wall-takeover__icon" />
        <span className="wall-takeover__rule">{t('desk.source.rule', { name: localized(takeover.ruleName, takeover.ruleNameEn, t.language) })}</span>
        <span className="severity-badge" data-severity={takeover.severity}>
          {t(`severity.${takeover.severity}`)}
        </span>
      </div>
      <p className="wall-takeover__text">
        {localized(takeover.alertText, takeover.alertTextEn, t.language)}
        {takeover.district ? <span className="wall-takeover__district"> · {unitNameIn(takeover.district, t.language)}</span> : null}
      </p>
      <p className="wall-takeover__when">
        {t('desk.takeover.since', { time: formatShortTime(takeover.startedAt, locale) })}
        {' · '}
        {takeover.pinned ? <strong>{t('desk.takeover.pinned')}</strong> : left !== null ? t('takeover.reverts', { duration: formatDuration(left, t) }) : null}
      </p>
      <div className="wall-takeover__actions">
        <button
          type="button"
          className="desk-button desk-button--warn"
          data-action="takeover-pin"
          disabled={takeover.pinned || pinning}
          aria-busy={pinning || undefined}
          title={t('desk.takeover.pinHint')}
          onClick={() => void operatorCommand(`wall:${wallId}:pin`, 'takeover.pin', { wallId })}
        >
          {takeover.pinned ? t('desk.takeover.pinnedButton') : t('desk.takeover.pin')}
          {isTarget ? <KeyHint binding="takeover.pin" /> : null}
        </button>
        <button
          type="button"
          className="desk-button"
          data-action="takeover-dismiss"
          disabled={dismissing}
          aria-busy={dismissing || undefined}
          title={t('desk.takeover.dismissHint')}
          onClick={() => void operatorCommand(`wall:${wallId}:dismiss`, 'takeover.dismiss', { wallId })}
        >
          {t('desk.takeover.dismiss')}
          {isTarget ? <KeyHint binding="takeover.dismiss" /> : null}
        </button>
      </div>
    </div>
  );
}

const NO_QUEUE: never[] = [];

/** Takeovers of this wall waiting for the current one to end, most urgent as the rules ranked them. */
export function TakeoverQueue({ wallId, queued }: { wallId: string; queued: number }) {
  const t = useT();
  const language = useLanguage();
  const queue = useOperatorStore((s) => s.state?.takeoverQueue ?? NO_QUEUE);
  if (queued === 0) return null;
  const mine = queue.filter((entry) => entry.wallId === wallId);
  return (
    <div className="wall-queue" data-takeover-queued={queued}>
      <p className="wall-queue__title">{t('desk.takeover.queued', { n: queued })}</p>
      <ul className="wall-queue__list">
        {mine.map((entry) => (
          <li key={entry.alertId} className="wall-queue__item" data-queued-alert-id={entry.alertId} data-severity={entry.severity}>
            <span className="severity-badge" data-severity={entry.severity}>
              {t(`severity.${entry.severity}`)}
            </span>{' '}
            {localized(entry.ruleName, entry.ruleNameEn, language)}: {localized(entry.alertText, entry.alertTextEn, language)}
            {entry.startsAt ? <span className="wall-queue__when"> · {t('desk.takeover.startsAt', { time: formatShortTime(entry.startsAt, localeOf(language)) })}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

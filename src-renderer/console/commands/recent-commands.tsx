import { formatClockTime } from '../../format/time';
import { localeOf } from '../../i18n/translate';
import { useBilingual, useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';

/** Who did what to the walls, newest first: operators, keys, the agenda, schedules and rules; failures in red. */
export function RecentCommands() {
  const t = useT();
  const locale = localeOf(useLanguage());
  const say = useBilingual();
  const recent = useOperatorStore((s) => s.state?.recent ?? null);
  return (
    <section className="desk-panel recent-panel" aria-labelledby="recent-title">
      <h2 id="recent-title" className="desk-panel__title">
        {t('desk.recent')}
      </h2>
      {recent === null ? <p className="desk-panel__hint">{t('desk.loading')}</p> : null}
      {recent?.length === 0 ? <p className="desk-panel__hint">{t('desk.recent.empty')}</p> : null}
      {recent && recent.length > 0 ? (
        <ol className="recent-list">
          {recent.map((entry) => (
            <li key={entry.id} className="recent-row" data-recent-command={entry.command} data-ok={entry.ok}>
              <time className="recent-row__time" dateTime={entry.at}>
                {formatClockTime(Date.parse(entry.at), locale)}
              </time>
              <span className="recent-row__label">{say(entry.label)}</span>
              <span className="recent-row__by">{t('desk.recent.by', { by: say(entry.by) })}</span>
              {entry.ok ? null : <span className="recent-row__error">{entry.error ? t('desk.recent.failed', { error: say(entry.error) }) : t('desk.recent.failedBare')}</span>}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

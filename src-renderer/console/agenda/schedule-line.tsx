import { formatShortTime, formatWeekdayDate, sameVietnamDay } from '../../format/time';
import { useNow } from '../../hooks/use-now';
import { localeOf } from '../../i18n/translate';
import { nameIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';

/** What the schedule does next (Vietnam time), that an operator's change holds until then, and the walls' next reload. */
export function ScheduleLine() {
  const t = useT();
  const locale = localeOf(useLanguage());
  const now = useNow();
  const schedule = useOperatorStore((s) => s.state?.schedule ?? null);
  if (!schedule) return null;
  const { next, manualSince, nextReload } = schedule;
  const when = (iso: string): string => (sameVietnamDay(Date.parse(iso), now) ? t('desk.schedule.today', { time: formatShortTime(iso, locale) }) : t('desk.schedule.onDay', { time: formatShortTime(iso, locale), day: formatWeekdayDate(iso, locale) }));
  return (
    <div className="schedule-line" data-schedule-next={next?.scheduleId ?? 'none'} data-manual={manualSince !== null || undefined}>
      <h3 className="schedule-line__title">{t('desk.schedule.title')}</h3>
      {next ? (
        <p className="schedule-line__next">
          <strong>{when(next.at)}</strong> · {t(next.kind === 'agenda' ? 'desk.schedule.agenda' : 'desk.schedule.preset', { name: nameIn(next, t.language) })}
        </p>
      ) : (
        <p className="desk-panel__hint">{t('desk.schedule.none')}</p>
      )}
      {manualSince ? (
        <p className="schedule-line__manual">
          {next ? t('desk.schedule.manualUntil', { since: formatShortTime(manualSince, locale), until: when(next.at) }) : t('desk.schedule.manual', { since: formatShortTime(manualSince, locale) })}
        </p>
      ) : null}
      {nextReload ? (
        <p className="schedule-line__reload" data-schedule-reload={nextReload.scheduleId} title={t('desk.schedule.reloadHint')}>
          {t('desk.schedule.reload', { when: when(nextReload.at) })}
        </p>
      ) : null}
    </div>
  );
}

import type { WallPresence as Presence } from '../../../src-shared/operator-state';
import { formatShortTime, formatWeekdayDate, sameVietnamDay } from '../../format/time';
import { useNow } from '../../hooks/use-now';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';

/** Whether the wall's window is there, and since when it is not ("Mất kết nối từ 10:42", "Chưa mở"). */
export function WallPresence({ presence }: { presence: Presence }) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const now = useNow();
  const state = presence.windows > 0 ? 'connected' : presence.since === null ? 'never' : 'lost';
  const since = presence.since ? formatShortTime(presence.since, locale) : '';
  // A window gone since an earlier day says which day, so "10:42" is not read as this morning.
  const day = presence.since && !sameVietnamDay(Date.parse(presence.since), now) ? ` ${formatWeekdayDate(presence.since, locale)}` : '';
  const text =
    state === 'connected'
      ? presence.windows > 1
        ? t('desk.presence.windows', { n: presence.windows })
        : t('desk.presence.connected')
      : state === 'never'
        ? t('desk.presence.never')
        : t('desk.presence.lost', { time: `${since}${day}` });
  return (
    <span className="wall-presence" data-presence={state} data-windows={presence.windows} title={state === 'connected' && since ? t('desk.presence.since', { time: `${since}${day}` }) : undefined}>
      <span className="wall-presence__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

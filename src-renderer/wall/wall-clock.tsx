import { formatClockTime, formatLongDate } from '../format/time';
import { useNow } from '../hooks/use-now';
import { localeOf } from '../i18n/translate';
import { useLanguage } from '../i18n/use-t';

/** Vietnam time and date, so every screenshot and every operator agree on "when". */
export function WallClock() {
  const now = useNow();
  const locale = localeOf(useLanguage());
  return (
    <div className="wall-clock">
      <time className="wall-clock__time" dateTime={new Date(now).toISOString()}>
        {formatClockTime(now, locale)}
      </time>
      <span className="wall-clock__date">{formatLongDate(now, locale)}</span>
    </div>
  );
}

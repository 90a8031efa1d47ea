import { memo, type CSSProperties } from 'react';
import type { Alert } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { formatShortTime } from '../../format/time';
import { localeOf } from '../../i18n/translate';
import { alertTextIn, unitNameIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';

/**
 * One alert line: severity bar and label, time, subsystem in its colour, text, district, status.
 * Memoised on the alert object: a batch that updates one alert re-renders one row. A row that does
 * not fit whole (`overflow`) stays laid out, so the tile can measure it, but is not shown.
 */
export const TickerRow = memo(function TickerRow({ item, overflow = false }: { item: Alert; overflow?: boolean }) {
  const t = useT();
  const language = useLanguage();
  const subsystem = SUBSYSTEMS[item.subsystem];
  const style = { '--subsystem': subsystem.color } as CSSProperties;
  const text = alertTextIn(item, language);
  return (
    <li className="ticker-row" data-severity={item.severity} data-status={item.status} data-feed-id={item.id} data-overflow={overflow || undefined} aria-hidden={overflow || undefined} style={style}>
      <span className="ticker-row__severity">{t(`severity.${item.severity}`)}</span>
      <time className="ticker-row__time" dateTime={item.time}>
        {formatShortTime(item.time, localeOf(language))}
      </time>
      <span className="ticker-row__subsystem">{subsystem[language]}</span>
      <span className="ticker-row__text" title={item.location.address ? `${text} — ${item.location.address}` : text}>
        {text}
      </span>
      <span className="ticker-row__district">{unitNameIn(item.location.district, language)}</span>
      <span className="ticker-row__status" data-status={item.status}>
        {t(`alert.status.${item.status}`)}
      </span>
    </li>
  );
});

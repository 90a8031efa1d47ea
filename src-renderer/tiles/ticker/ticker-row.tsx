import type { CSSProperties } from 'react';
import type { FeedItem } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { formatShortTime } from '../../format/time';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';

/** One alert line: severity bar and label, time, subsystem in its colour, district, text. */
export function TickerRow({ item }: { item: FeedItem }) {
  const t = useT();
  const language = useLanguage();
  const subsystem = SUBSYSTEMS[item.subsystem];
  const style = { '--subsystem': subsystem.color } as CSSProperties;
  return (
    <li className="ticker-row" data-severity={item.severity} data-feed-id={item.id} style={style}>
      <span className="ticker-row__severity">{t(`severity.${item.severity}`)}</span>
      <time className="ticker-row__time" dateTime={item.time}>
        {formatShortTime(item.time, localeOf(language))}
      </time>
      <span className="ticker-row__subsystem">{subsystem[language]}</span>
      <span className="ticker-row__text">{item.text}</span>
      {item.district ? <span className="ticker-row__district">{item.district}</span> : null}
    </li>
  );
}

import { LinkOffIcon } from '../components/outage-icons';
import { formatDuration } from '../format/age';
import { formatClockTime } from '../format/time';
import { useNow } from '../hooks/use-now';
import type { Outage } from '../hooks/use-outage';
import { localeOf } from '../i18n/translate';
import { useLanguage, useT } from '../i18n/use-t';
import { useConnectionStore } from '../stores/connection-store';
import type { OutageLink } from '../stores/outage';

/**
 * The band under the top bar while a link is down, big enough to read across the room: which link
 * (the data server: amber, the wall goes on with its cached data; the app server: red, the wall is
 * cut off), since when, and for how long. `data-outage-since` carries the time for checks.
 */
export function OutageBand({ link, since }: { link: OutageLink; since: number | null }) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const now = useNow();
  // A snapshot past seq 0 (live, replayed or from the wall's cache) means the tiles show data.
  const hasData = useConnectionStore((s) => s.lastSeq > 0);
  const title = since === null ? t(`outage.${link}.noTime`) : t(`outage.${link}`, { time: formatClockTime(since, locale) });
  const lasted = since === null ? null : Math.max(0, Math.floor((now - since) / 1000));
  return (
    <div className="outage-band" role="alert" data-outage-link={link} data-outage-since={since ?? undefined}>
      <LinkOffIcon className="outage-band__icon" />
      <p className="outage-band__text">
        <strong className="outage-band__title">{title}</strong>
        <span className="outage-band__note"> — {hasData ? t('outage.cached') : t('outage.noCache')}</span>
      </p>
      <p className="outage-band__when">
        {lasted !== null ? <span className="outage-band__lasted">{t('outage.duration', { duration: formatDuration(lasted, t) })}</span> : null}
        <span className="outage-band__retry">{t('outage.reconnecting')}</span>
      </p>
    </div>
  );
}

/** The band when a link is down, nothing otherwise. */
export function WallOutage({ outage }: { outage: Outage }) {
  return outage.link ? <OutageBand link={outage.link} since={outage.since} /> : null;
}

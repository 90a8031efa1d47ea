import type { CSSProperties, ReactNode } from 'react';
import type { Tile } from '../../src-shared/domain';
import { formatDuration, type TileFreshness } from '../format/age';
import { useOutageLink } from '../hooks/use-outage';
import { useT } from '../i18n/use-t';
import { CrossIcon, WarningIcon } from './icons';

export interface TileFrameProps {
  tile: Tile;
  /** Subsystem colour for the header accent. */
  accent: string;
  /** Small coloured line above the title, e.g. the subsystem name. */
  eyebrow?: string;
  title: string;
  /** Right side of the header: how old the data is, or the stream state. */
  ageText: string;
  freshness: TileFreshness;
  /** The threshold the data is judged by, named in the stale badge's tooltip. */
  staleAfterSeconds?: number;
  /**
   * Whether stale data gets the "dữ liệu cũ" mark and is dimmed. Camera tiles say what is wrong
   * with their stream over the picture instead.
   */
  staleMark?: boolean;
  /**
   * The content does not come over the wall's data links (a camera's video comes straight from its
   * media server): a link outage does not make it old, so its age stays as it is.
   */
  liveFeed?: boolean;
  children: ReactNode;
}

/**
 * The chrome every tile shares: subsystem accent, title, and the age of its data. Past its stale
 * threshold the age badge turns amber (red when far past), the content dims and a "DỮ LIỆU CŨ" mark
 * appears, so a frozen number can never pass for a live one, even from the back of the room.
 */
export function TileFrame({ tile, accent, eyebrow, title, ageText, freshness, staleAfterSeconds, staleMark = true, liveFeed = false, children }: TileFrameProps) {
  const t = useT();
  // While a link is down no data is live: every data tile's age turns into a loud badge (outage.css).
  const outage = useOutageLink() !== null && !liveFeed;
  const style = { '--accent': accent } as CSSProperties;
  const stale = freshness === 'stale' || freshness === 'critical';
  const limit = staleAfterSeconds !== undefined ? formatDuration(staleAfterSeconds, t) : undefined;
  const staleHint = stale ? (limit ? t('tile.stale.hint', { limit }) : t('tile.stale')) : undefined;
  const age = ageText ? (
    <span className="tile__age" data-staleness={freshness} data-outage={outage || undefined} title={staleHint} aria-label={staleHint ? `${staleHint}: ${ageText}` : undefined}>
      {freshness === 'stale' || (outage && freshness !== 'critical') ? <WarningIcon className="tile__age-icon" /> : null}
      {freshness === 'critical' ? <CrossIcon className="tile__age-icon" /> : null}
      <span>{ageText}</span>
    </span>
  ) : null;
  const heading = (
    <h2 className="tile__title" title={title}>
      {title}
    </h2>
  );
  const marked = stale && staleMark;
  return (
    <section className="tile" data-tile-kind={tile.kind} data-tile-id={tile.id} data-stale={freshness} data-stale-mark={marked || undefined} data-outage={outage || undefined} style={style}>
      {/* With an eyebrow the title gets a full-width line of its own, so long KPI names are not cut. */}
      <header className="tile__header">
        {eyebrow ? (
          <>
            <div className="tile__topline">
              <span className="tile__eyebrow">{eyebrow}</span>
              {age}
            </div>
            {heading}
          </>
        ) : (
          <div className="tile__topline">
            {heading}
            {age}
          </div>
        )}
      </header>
      <div className="tile__body">{children}</div>
      {marked ? (
        <div className="tile__stale-mark" data-staleness={freshness} title={staleHint}>
          <WarningIcon className="tile__stale-mark-icon" />
          <span className="tile__stale-mark-label">{t('tile.stale')}</span>
          {limit ? <span className="tile__stale-mark-hint">{t('tile.stale.over', { limit })}</span> : null}
        </div>
      ) : null}
    </section>
  );
}

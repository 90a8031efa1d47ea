import type { CSSProperties, ReactNode } from 'react';
import type { Tile } from '../../src-shared/domain';
import type { TileFreshness } from '../format/age';
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
  children: ReactNode;
}

/**
 * The chrome every tile shares: subsystem accent, title, and the age of its data, which turns amber
 * then red with a marker as the data gets old, so a frozen number can never pass for a live one.
 */
export function TileFrame({ tile, accent, eyebrow, title, ageText, freshness, children }: TileFrameProps) {
  const t = useT();
  const style = { '--accent': accent } as CSSProperties;
  const staleLabel = freshness === 'warn' ? t('tile.stale.warn') : freshness === 'critical' ? t('tile.stale.critical') : undefined;
  const age = ageText ? (
    <span className="tile__age" data-staleness={freshness} title={staleLabel} aria-label={staleLabel ? `${staleLabel}: ${ageText}` : undefined}>
      {freshness === 'warn' ? <WarningIcon className="tile__age-icon" /> : null}
      {freshness === 'critical' ? <CrossIcon className="tile__age-icon" /> : null}
      <span>{ageText}</span>
    </span>
  ) : null;
  const heading = (
    <h2 className="tile__title" title={title}>
      {title}
    </h2>
  );
  return (
    <section className="tile" data-tile-kind={tile.kind} data-tile-id={tile.id} data-stale={freshness} style={style}>
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
    </section>
  );
}

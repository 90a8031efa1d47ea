import type { OperatorWall } from '../../src-shared/operator-state';
import { useT } from '../i18n/use-t';

/** A miniature of the layout: where cameras, KPIs and the ticker sit, at a glance. */
function LayoutThumbnail({ summary }: { summary: OperatorWall }) {
  const { layout } = summary.view;
  return (
    <div className="layout-thumb" style={{ gridTemplateColumns: `repeat(${layout.cols}, 1fr)`, gridTemplateRows: `repeat(${layout.rows}, 1fr)` }} aria-hidden="true">
      {layout.tiles.map((tile) => (
        <span
          key={tile.id}
          className="layout-thumb__tile"
          data-kind={tile.kind}
          style={{ gridColumn: `${tile.area.col} / span ${tile.area.colSpan}`, gridRow: `${tile.area.row} / span ${tile.area.rowSpan}` }}
        />
      ))}
    </div>
  );
}

/** One wall: its layout, its display (or that it has none), and its browser address. */
export function WallCard({ summary }: { summary: OperatorWall }) {
  const t = useT();
  const { display, url } = summary;
  const { wall, layout } = summary.view;
  return (
    <article className="wall-card" data-wall-id={wall.id}>
      <LayoutThumbnail summary={summary} />
      <div className="wall-card__body">
        <h3 className="wall-card__name">{wall.name}</h3>
        <p className="wall-card__line">{t('console.layout', { name: layout.name })}</p>
        <p className="wall-card__line">{t('console.grid', { cols: layout.cols, rows: layout.rows, n: layout.tiles.length })}</p>
        <p className="wall-card__line" data-has-display={display !== null}>
          {display ? (
            t('console.display', { label: display.label })
          ) : url ? (
            // Browser mode: a wall is an address any kiosk opens, so having no display of our own is normal.
            t('console.browserWall')
          ) : (
            <span className="wall-card__no-display">{t('console.noDisplay')}</span>
          )}
        </p>
        {url ? (
          <a className="wall-card__link" href={url} target="_blank" rel="noreferrer" title={url}>
            <span>{t('console.openWall')}</span>
            <span className="wall-card__url">{url}</span>
          </a>
        ) : null}
      </div>
    </article>
  );
}

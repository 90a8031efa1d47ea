import type { CSSProperties } from 'react';
import type { Tile } from '../../../src-shared/domain';
import { FOCUS_TILE_ID, type WallView } from '../../../src-shared/wall-view';
import { useT } from '../../i18n/use-t';
import { useNameBook } from '../names';
import { tileText } from './tile-text';

export interface ThumbnailProps {
  view: WallView;
  /** When given, every tile is a button that calls it (the push target); else the miniature only shows. */
  onTile?: (tile: Tile) => void;
  /** What clicking a tile does, for its accessible name ("Đưa vào ô: …"). */
  tileAction?: string;
}

/**
 * The wall's layout as it is now, drawn to scale: each tile with its kind and what it shows, tiles
 * operators pushed marked, the enlarged tile lit and the others dimmed, and a camera put over the
 * whole wall drawn over the grid.
 */
export function WallThumbnail({ view, onTile, tileAction }: ThumbnailProps) {
  const t = useT();
  const names = useNameBook();
  const { layout, enlargedTileId, focus } = view;
  const pushed = new Set(view.pushedTileIds);
  const focused = focus !== null && enlargedTileId === FOCUS_TILE_ID;
  const style = { '--cols': layout.cols, '--rows': layout.rows, gridTemplateColumns: `repeat(${layout.cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))` } as CSSProperties;
  return (
    <div className="wall-thumb" data-layout-id={layout.id} data-interactive={onTile ? true : undefined} data-enlarged={enlargedTileId ?? undefined}>
      <div className="wall-thumb__grid" style={style}>
        {layout.tiles.map((tile) => {
          const text = tileText(tile, names, t, view.tours[tile.id]);
          const tour = view.tours[tile.id];
          const props = {
            className: 'wall-thumb__tile',
            'data-tile-id': tile.id,
            'data-kind': tile.kind,
            'data-pushed': pushed.has(tile.id) || undefined,
            'data-enlarged': enlargedTileId === tile.id || undefined,
            'data-dimmed': (enlargedTileId !== null && enlargedTileId !== tile.id) || undefined,
            'data-tour-state': tour ? (tour.held ? 'held' : tour.paused ? 'paused' : 'running') : undefined,
            style: { gridColumn: `${tile.area.col} / span ${tile.area.colSpan}`, gridRow: `${tile.area.row} / span ${tile.area.rowSpan}` },
            title: [text.kind, text.name, text.detail].filter(Boolean).join(' · '),
          };
          const body = (
            <>
              <span className="wall-thumb__kind">
                {text.kind}
                {pushed.has(tile.id) ? <span className="wall-thumb__mark">{t('desk.tile.pushed')}</span> : null}
                {enlargedTileId === tile.id ? <span className="wall-thumb__mark wall-thumb__mark--enlarged">{t('desk.tile.enlarged')}</span> : null}
              </span>
              <span className="wall-thumb__name">{text.name}</span>
              {text.detail ? (
                <span className="wall-thumb__detail" data-minor={tile.kind === 'kpi' || undefined}>
                  {text.detail}
                </span>
              ) : null}
            </>
          );
          return onTile ? (
            <button key={tile.id} type="button" {...props} aria-label={`${tileAction ?? ''} ${props.title}`.trim()} onClick={() => onTile(tile)}>
              {body}
            </button>
          ) : (
            <div key={tile.id} {...props}>
              {body}
            </div>
          );
        })}
      </div>
      {focused ? (
        <div className="wall-thumb__focus" data-focus-camera-id={focus.cameraId}>
          <span className="wall-thumb__kind">{t('desk.tile.focus')}</span>
          <span className="wall-thumb__name">{names.camera(focus.cameraId)}</span>
        </div>
      ) : null}
    </div>
  );
}

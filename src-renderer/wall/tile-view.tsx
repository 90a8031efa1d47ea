import type { CSSProperties } from 'react';
import type { Tile } from '../../src-shared/domain';
import { useT } from '../i18n/use-t';
import { useWallInteractionStore } from '../stores/wall-interaction-store';
import { CameraTile } from '../tiles/camera/camera-tile';
import { CameraTourTile } from '../tiles/camera/camera-tour-tile';
import type { LeaseTerms } from '../tiles/camera/player-pool';
import { KpiTile } from '../tiles/kpi/kpi-tile';
import { MapTile } from '../tiles/map/map-tile-lazy';
import { TextTile } from '../tiles/text/text-tile';
import { TickerTile } from '../tiles/ticker/ticker-tile';
import { toggleEnlarge } from './wall-actions';

function TileContent({ tile, terms }: { tile: Tile; terms: LeaseTerms }) {
  switch (tile.kind) {
    case 'camera':
      return <CameraTile tile={tile} terms={terms} />;
    case 'camera-tour':
      return <CameraTourTile tile={tile} terms={terms} />;
    case 'kpi':
      return <KpiTile tile={tile} />;
    case 'ticker':
      return <TickerTile tile={tile} />;
    case 'text':
      return <TextTile tile={tile} />;
    case 'map':
      return <MapTile tile={tile} />;
  }
}

const isCamera = (tile: Tile): boolean => tile.kind === 'camera' || tile.kind === 'camera-tour';

/**
 * Places a tile on the wall grid (areas are 1-based like CSS grid lines, so they map one to one).
 * An enlarged tile spans the whole grid over the others, which stay mounted but hidden: their
 * players keep their place in the pool and give up their decoders until the tile is restored.
 * A tile showing what an operator pushed onto it says so in a corner. A tile of a layout kept hidden
 * (not `shown`) carries no cell id, so neither the keys nor a test find it.
 */
export function TileView({ tile, order, enlargedTileId, pushed, shown }: { tile: Tile; order: number; enlargedTileId: string | null; pushed: boolean; shown: boolean }) {
  const t = useT();
  const selected = useWallInteractionStore((s) => shown && s.selectedTileId === tile.id);
  const enlarged = enlargedTileId === tile.id;
  const hidden = enlargedTileId !== null && !enlarged;
  const { col, row, colSpan, rowSpan } = tile.area;
  const style: CSSProperties = enlarged ? {} : { gridColumn: `${col} / span ${colSpan}`, gridRow: `${row} / span ${rowSpan}` };
  const terms: LeaseTerms = { order: enlarged ? -1 : order, visible: !hidden };
  return (
    <div
      className="wall-cell"
      style={style}
      data-cell-id={shown ? tile.id : undefined}
      data-selected={selected || undefined}
      data-enlarged={enlarged || undefined}
      data-pushed={pushed || undefined}
      aria-hidden={hidden || undefined}
      onClick={() => useWallInteractionStore.getState().select(tile.id)}
      onDoubleClick={isCamera(tile) ? () => toggleEnlarge(tile.id) : undefined}
    >
      <TileContent tile={tile} terms={terms} />
      {pushed && !enlarged ? (
        <span className="wall-cell__pushed" title={t('tile.pushed')}>
          {t('tile.pushed')}
        </span>
      ) : null}
    </div>
  );
}

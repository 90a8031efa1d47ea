import type { CSSProperties } from 'react';
import type { Tile } from '../../src-shared/domain';
import { CameraTile } from '../tiles/camera/camera-tile';
import { KpiTile } from '../tiles/kpi/kpi-tile';
import { TextTile } from '../tiles/text/text-tile';
import { TickerTile } from '../tiles/ticker/ticker-tile';

function TileContent({ tile }: { tile: Tile }) {
  switch (tile.kind) {
    case 'camera':
      return <CameraTile tile={tile} />;
    case 'kpi':
      return <KpiTile tile={tile} />;
    case 'ticker':
      return <TickerTile tile={tile} />;
    case 'text':
      return <TextTile tile={tile} />;
  }
}

/** Places a tile on the wall grid; areas are 1-based like CSS grid lines, so they map one to one. */
export function TileView({ tile }: { tile: Tile }) {
  const { col, row, colSpan, rowSpan } = tile.area;
  const style: CSSProperties = { gridColumn: `${col} / span ${colSpan}`, gridRow: `${row} / span ${rowSpan}` };
  return (
    <div className="wall-cell" style={style}>
      <TileContent tile={tile} />
    </div>
  );
}

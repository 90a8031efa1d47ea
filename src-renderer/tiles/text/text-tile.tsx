import type { TextTile as TextTileConfig } from '../../../src-shared/domain';
import { TileFrame } from '../../components/tile-frame';

const TEXT_ACCENT = '#94a3b8';

/** A fixed notice from the layout (e.g. duty officer, hotline); it has no data age. */
export function TextTile({ tile }: { tile: TextTileConfig }) {
  return (
    <TileFrame tile={tile} accent={TEXT_ACCENT} title={tile.title ?? ''} ageText="" freshness="fresh">
      <p className="text-tile">{tile.text}</p>
    </TileFrame>
  );
}

import type { TextTile as TextTileConfig } from '../../../src-shared/domain';
import { TileFrame } from '../../components/tile-frame';
import { localized, titleIn } from '../../i18n/data-text';
import { useLanguage } from '../../i18n/use-t';

const TEXT_ACCENT = '#94a3b8';

/** A fixed notice from the layout (e.g. duty officer, hotline); it has no data age. */
export function TextTile({ tile }: { tile: TextTileConfig }) {
  const language = useLanguage();
  return (
    <TileFrame tile={tile} accent={TEXT_ACCENT} title={titleIn(tile, language) ?? ''} ageText="" freshness="fresh">
      <p className="text-tile">{localized(tile.text, tile.textEn, language)}</p>
    </TileFrame>
  );
}

import { lazy, Suspense } from 'react';
import type { MapTile as MapTileConfig } from '../../../src-shared/domain';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { titleIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';

/*
 * maplibre-gl is about a megabyte of JavaScript and a worker: loaded only by a wall that shows a
 * map, so camera and KPI walls never parse it. The frame with "loading the map" holds the place.
 */
const Loaded = lazy(() => import('./map-tile').then((m) => ({ default: m.MapTile })));

export function MapTile({ tile }: { tile: MapTileConfig }) {
  const t = useT();
  const language = useLanguage();
  return (
    <Suspense
      fallback={
        <TileFrame tile={tile} accent="#3b82f6" title={titleIn(tile, language) ?? t('map.title')} ageText="" freshness="fresh" staleMark={false}>
          <div className="map-tile" data-map-status="loading">
            <TileMessage text={t('map.loading')} tone="muted" />
          </div>
        </TileFrame>
      }
    >
      <Loaded tile={tile} />
    </Suspense>
  );
}

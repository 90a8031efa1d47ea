import type { Tile } from '../../../src-shared/domain';
import type { TourView } from '../../../src-shared/wall-view';
import { localized, titleIn } from '../../i18n/data-text';
import type { Translate } from '../../i18n/translate';
import type { NameBook } from '../names';

/** A tile in words for the console's miniature: its kind, what it shows, and a detail (tour position, chart). */
export interface TileText {
  kind: string;
  name: string;
  detail?: string;
}

/** What a tile shows, named the way the room names it (camera and KPI names, not ids). */
export function tileText(tile: Tile, names: NameBook, t: Translate, tour?: TourView): TileText {
  switch (tile.kind) {
    case 'camera':
      return { kind: t('desk.tile.camera'), name: names.camera(tile.cameraId) };
    case 'camera-tour': {
      const name = titleIn(tile, t.language) ?? t('tour.title');
      if (!tour) return { kind: t('desk.tile.tour'), name, detail: t('desk.tile.tourCount', { count: tile.cameraIds.length }) };
      const state = tour.held ? ` · ${t('tour.heldByAlert')}` : tour.paused ? ` · ${t('tour.paused')}` : '';
      return { kind: t('desk.tile.tour'), name, detail: `${tour.position}/${tour.count} · ${names.camera(tour.cameraId)}${state}` };
    }
    case 'kpi':
      return { kind: t('desk.tile.kpi'), name: names.kpi(tile.kpiId, tile.district), detail: t(tile.chart === 'gauge' ? 'desk.chart.gauge' : 'desk.chart.line') };
    case 'ticker':
      return { kind: t('desk.tile.ticker'), name: titleIn(tile, t.language) ?? t('ticker.title') };
    case 'text':
      return { kind: t('desk.tile.text'), name: titleIn(tile, t.language) ?? localized(tile.text, tile.textEn, t.language) };
    case 'map':
      return { kind: t('desk.tile.map'), name: titleIn(tile, t.language) ?? t('map.title'), detail: names.mapView(tile.view) };
  }
}

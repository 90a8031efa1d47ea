import type { Layout, Tile } from '../../src-shared/domain';
import type { NamedMapView, UnitSeat } from '../../src-shared/map';
import type { ParsedAppConfig } from './config-schema';
import { DEFAULT_MAP_VIEWS, DEMO_UNIT_SEATS } from './default-map';

export interface ResolvedMap {
  tiles: string | undefined;
  unitsFile: string | undefined;
  views: NamedMapView[];
  unitSeats: UnitSeat[];
}

/**
 * The map section with its defaults, and the layouts' map tiles checked against it: a tile naming
 * a view nobody defined is reported and shows the province instead, so a typo never blanks a map.
 */
export function resolveMap(file: string, parsed: ParsedAppConfig, layouts: Layout[], demoWalls: boolean): { map: ResolvedMap; layouts: Layout[]; errors: string[] } {
  const errors: string[] = [];
  const seen = new Set<string>();
  const views = (parsed.map.views ?? DEFAULT_MAP_VIEWS).filter((view, i) => {
    if (seen.has(view.id)) {
      errors.push(`${file}: field "map.views[${i}].id": duplicate view id "${view.id}"; dropped`);
      return false;
    }
    seen.add(view.id);
    return true;
  });
  const seatNames = new Set<string>();
  const unitSeats = (parsed.map.unitSeats ?? (demoWalls ? [...DEMO_UNIT_SEATS] : []))
    .map((seat) => ({ ...seat, name: seat.name.normalize('NFC') }))
    .filter((seat, i) => {
      if (seatNames.has(seat.name)) {
        errors.push(`${file}: field "map.unitSeats[${i}].name": duplicate unit "${seat.name}"; dropped`);
        return false;
      }
      seatNames.add(seat.name);
      return true;
    });
  const checked = layouts.map((layout, l) => {
    let changed = false;
    const tiles = layout.tiles.map((tile, t): Tile => {
      if (tile.kind !== 'map' || tile.view === 'province' || !('named' in tile.view) || seen.has(tile.view.named)) return tile;
      errors.push(`${file}: field "layouts[${l}].tiles[${t}].view.named": no map view "${tile.view.named}" in map.views; showing the province`);
      changed = true;
      return { ...tile, view: 'province' };
    });
    return changed ? { ...layout, tiles } : layout;
  });
  return { map: { tiles: parsed.map.tiles, unitsFile: parsed.map.unitsFile, views, unitSeats }, layouts: checked, errors };
}

import type { MapInfo } from '../../src-shared/map-info';
import type { Logger } from '../../src-shared/node/log';
import type { AppConfig } from '../config/load-config';
import { createMapRoutes, type MapRoutes } from './map-routes';
import { openMbtiles, type MbtilesSource } from './mbtiles-source';
import { isPointUnit, loadUnitsFile, type UnitsCollection } from './units-file';

/**
 * The deployment's map data, opened once at start: the MBTiles file and the administrative units
 * the config names. Whatever is wrong with either becomes a config error (on the console, in the
 * log) and the map goes without that part; nothing here stops the app.
 */
export interface MapData {
  routes: MapRoutes;
  /** What the renderer is told in `app:info` of the files (the config adds views and seats). */
  info: Pick<MapInfo, 'tiles' | 'units'>;
  /** Lines for the config errors, worded like the loader's: file, field, what is wrong. */
  errors: string[];
  close(): void;
}

export interface OpenMapDataOptions {
  map: Pick<AppConfig['map'], 'tiles' | 'unitsFile'>;
  /** The config file, named in each error line as the loader does. */
  configFile: string;
  log: Logger;
  now?: () => number;
}

export function openMapData(options: OpenMapDataOptions): MapData {
  const { map, configFile, log } = options;
  const errors: string[] = [];
  const problem = (field: 'map.tiles' | 'map.unitsFile', file: string, reason: string, outcome: string): void => {
    const line = `${configFile}: field "${field}": ${file}: ${reason}; ${outcome}`;
    errors.push(line);
    log.error(`config: ${line}`);
  };

  let tiles: MbtilesSource | null = null;
  if (map.tiles) {
    const opened = openMbtiles(map.tiles);
    if (opened.ok) {
      tiles = opened.source;
      opened.problems.forEach((reason) => problem('map.tiles', map.tiles!, reason, 'served anyway'));
      const meta = tiles.metadata;
      log.info(`serving ${meta.format} tiles of ${map.tiles} (zoom ${meta.minzoom}–${meta.maxzoom})`);
    } else {
      problem('map.tiles', map.tiles, opened.reason, 'the map shows no base tiles');
    }
  }

  let units: UnitsCollection | null = null;
  if (map.unitsFile) {
    const loaded = loadUnitsFile(map.unitsFile);
    if (loaded.ok) {
      units = loaded.units;
      log.info(`serving ${units.features.length} administrative unit(s) from ${map.unitsFile}`);
    } else {
      problem('map.unitsFile', map.unitsFile, loaded.reason, 'the map shows no administrative units');
    }
  }

  const meta = tiles?.metadata;
  const info: MapData['info'] = {
    tiles: meta ? { format: meta.format, minzoom: meta.minzoom, maxzoom: meta.maxzoom, bounds: meta.bounds, attribution: meta.attribution?.slice(0, 2000) ?? null } : null,
    units: {
      source: units ? 'file' : 'none',
      names: units?.features.map((unit) => unit.properties.name) ?? [],
      points: units?.features.filter(isPointUnit).map((unit) => unit.properties.name) ?? [],
    },
  };
  const routes = createMapRoutes({ tiles, units, log, ...(options.now ? { now: options.now } : {}) });
  return { routes, info, errors, close: () => tiles?.close() };
}

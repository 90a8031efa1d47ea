import { z } from 'zod';
import { namedMapViewSchema, unitSeatSchema } from './map';

/**
 * The deployment's map data as the renderer sees it: where the host serves it (same origin in both
 * hosts, so the CSP's 'self' covers it) and a small summary in `app:info`. The data itself (tiles,
 * unit shapes) never travels over IPC: it is fetched from these paths.
 */

/** TileJSON 3.0 of the configured MBTiles file (`map.tiles`); 404 when there is none. */
export const MAP_TILEJSON_PATH = '/map/tiles.json';
/** One tile: `${MAP_TILES_PATH}/{z}/{x}/{y}` (XYZ numbering); 204 when the file has no such tile. */
export const MAP_TILES_PATH = '/map/tiles';
/** The deployment's administrative units (`map.unitsFile`) as a GeoJSON FeatureCollection; 404 when there are none. */
export const MAP_UNITS_PATH = '/map/units.geojson';

/** Tile formats an MBTiles file may hold (its metadata `format`): vector (pbf) or raster. */
export const mapTileFormatSchema = z.enum(['pbf', 'png', 'jpg', 'jpeg', 'webp']);
export type MapTileFormat = z.infer<typeof mapTileFormatSchema>;

const zoomSchema = z.number().int().min(0).max(24);

export const mapInfoSchema = z.object({
  /** The served tile set, or null when `map.tiles` is not configured or could not be opened. */
  tiles: z
    .object({
      format: mapTileFormatSchema,
      minzoom: zoomSchema,
      maxzoom: zoomSchema,
      /** [west, south, east, north] in degrees. */
      bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      /** As the file gives it; may hold HTML links (OpenStreetMap's usually does). */
      attribution: z.string().max(2000).nullable(),
    })
    .nullable(),
  units: z.object({
    /** 'file': `map.unitsFile` loaded; 'none': not configured, or rejected (see configErrors). */
    source: z.enum(['file', 'none']),
    /** Every unit's name (NFC), in the file's order: wards, communes, the Côn Đảo special zone. */
    names: z.array(z.string().min(1).max(200)).max(10_000),
    /** The units given as a point (a seat) rather than an area; a subset of `names`. */
    points: z.array(z.string().min(1).max(200)).max(10_000),
  }),
  /** The views an operator can ask for by name (config `map.views`). */
  views: z.array(namedMapViewSchema).max(64).default([]),
  /** Units drawn at their seats where no units file gives their shapes (config `map.unitSeats`). */
  unitSeats: z.array(unitSeatSchema).max(500).default([]),
});
export type MapInfo = z.infer<typeof mapInfoSchema>;

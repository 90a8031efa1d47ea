import { z } from 'zod';
import { namedMapViewSchema, unitSeatSchema } from '../../src-shared/map';

/**
 * The `map` section of the config: the deployment's own map data, never code. Paths are relative
 * to the config file's folder (load-config.ts resolves them), so a deployment keeps its data beside
 * its config. Both files are checked when the app starts (src-main/map/map-data.ts); a bad one is a
 * config error and the map simply goes without it.
 */
export const mapConfigSchema = z
  .strictObject({
    /** An MBTiles file: vector (pbf, e.g. tilemaker's roads from an OSM extract) or raster (png, jpg, webp). */
    tiles: z.string().min(1).optional(),
    /**
     * A GeoJSON FeatureCollection of the administrative units (wards, communes, special zones),
     * each with `properties.name` and a Polygon, MultiPolygon or Point (a unit's seat). Units are
     * data: since 1 July 2025 they change by decree, not by release.
     */
    unitsFile: z.string().min(1).optional(),
    /** Views an operator can ask for by name; absent: the province's usual ones (default-map.ts). */
    views: z.array(namedMapViewSchema).max(64).optional(),
    /** Units drawn as points where no units file gives their shapes; absent: the demo's districts on demo walls. */
    unitSeats: z.array(unitSeatSchema).max(500).optional(),
  })
  // prefault, like the other sections: a field added later with its own default still gets it.
  .prefault({});

export type MapConfig = z.infer<typeof mapConfigSchema>;

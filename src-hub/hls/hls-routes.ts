import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { errorMessage, type Logger } from '../../src-main/log';
import { clipsDir, loadClipCatalog, RENDITIONS, type ClipCamera, type ClipRendition, type RenditionName } from './clip-catalog';
import { buildLivePlaylist, DEFAULT_WINDOW_SIZE, parseLiveSegmentName } from './live-playlist';

/**
 * HTTP routes that serve the demo cameras as live HLS on the hub's own port:
 *   GET /hls/:cameraId/:rendition/index.m3u8   a sliding live playlist (never cached)
 *   GET /hls/:cameraId/:rendition/seg-N.ts     live sequence N, i.e. clip segment N % count
 * The URL only ever selects among ids loaded from the catalog; no part of it reaches the file
 * system, so there is nothing to traverse. Segments are read into memory once (the whole set is a
 * few MB) because a wall of 16 tiles asks for one every two seconds per tile.
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

const PREFIX = '/hls/';
const PLAYLIST_NAME = 'index.m3u8';

/** Stream URLs the hub announces for a camera, on the origin that serves the hub. */
export function cameraUrls(baseUrl: string, cameraId: string): { subUrl: string; mainUrl: string } {
  const base = `${baseUrl.replace(/\/+$/, '')}${PREFIX}${encodeURIComponent(cameraId)}`;
  return { subUrl: `${base}/sub/${PLAYLIST_NAME}`, mainUrl: `${base}/main/${PLAYLIST_NAME}` };
}

function loadRenditions(assetsDir: string, cameras: ClipCamera[]): Map<string, Map<RenditionName, LoadedRendition>> {
  const dir = clipsDir(assetsDir);
  const loaded = new Map<string, Map<RenditionName, LoadedRendition>>();
  for (const camera of cameras) {
    const renditions = new Map<RenditionName, LoadedRendition>();
    for (const name of RENDITIONS) {
      const clip = camera.renditions[name];
      const files = clip.segments.map((segment) => {
        const file = join(dir, segment.file);
        try {
          return readFileSync(file);
        } catch (error) {
          throw new Error(`camera "${camera.id}" ${name}: cannot read ${file}: ${errorMessage(error)}`);
        }
      });
      renditions.set(name, { clip, files });
    }
    loaded.set(camera.id, renditions);
  }
  return loaded;
}

/** Whole loops long enough to hold `windowSize` segments of the longest clip, so every clip starts at its first segment. */
function prerollMs(streams: Map<string, Map<RenditionName, LoadedRendition>>, windowSize: number): number {
  let longest = 0;
  for (const renditions of streams.values()) {
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
  const streams = loadRenditions(options.assetsDir, cameras);
  const now = options.now ?? Date.now;
  const windowSize = options.windowSize ?? DEFAULT_WINDOW_SIZE;
  const startedAt = options.startedAt ?? now() - prerollMs(streams, windowSize);
  const log = options.log;
  const bytes = [...streams.values()].flatMap((r) => [...r.values()]).reduce((sum, r) => sum + r.files.reduce((s, f) => s + f.length, 0), 0);
  log?.info(`serving ${cameras.length} demo cameras as live HLS (${(bytes / 1e6).toFixed(1)} MB in memory, window ${windowSize})`);

  const notFound = (req: IncomingMessage, res: ServerResponse, why: string): void => {
    log?.debug(`404 ${req.url ?? ''}: ${why}`);
    send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' }, 'not found');
  };

  return {
    cameras,
    handle(req, res) {
      // The raw path, not a normalised one: "/hls/../x" must stay ours (and 404), never fall through.
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (path !== PREFIX.slice(0, -1) && !path.startsWith(PREFIX)) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' }, 'method not allowed');
        return true;
      }
      const [cameraId = '', renditionName = '', fileName = '', ...rest] = path.slice(PREFIX.length).split('/');
      const stream = isRendition(renditionName) ? streams.get(cameraId)?.get(renditionName) : undefined;
      if (rest.length > 0 || !stream) {
        notFound(req, res, 'no such camera or rendition');
        return true;
      }
      if (fileName === PLAYLIST_NAME) {
        const text = buildLivePlaylist({ segments: stream.clip.segments, startedAt, now: now(), windowSize });
        const headers = { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' };
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
      const headers = { 'Content-Type': 'video/mp2t', 'Cache-Control': 'public, max-age=600', 'Access-Control-Allow-Origin': '*' };
      send(req, res, 200, headers, segment);
      return true;
    },
  };
}

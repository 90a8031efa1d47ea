import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { buildLivePlaylist, DEFAULT_WINDOW_SIZE, parseLiveSegmentName } from '../../src-hub/hls/live-playlist';
import { testHlsClips, type TestClips, type TestRendition, type TestRenditionName } from './test-hls-clips';

/**
 * A live HLS server for camera tests that can be told to misbehave, per camera, the ways real
 * cameras and VMS servers do: playlists that answer 404, segment requests that hang (headers never
 * sent, connection held), and it counts what each camera was asked for, so a test can prove that a
 * torn-down player stopped fetching.
 *
 *   GET /cam/:id/master.m3u8              multi-variant playlist: sub and main
 *   GET /cam/:id/:rendition/index.m3u8    live sliding window (same rules as the demo hub's)
 *   GET /cam/:id/:rendition/seg-N.ts      live sequence N = clip segment N % count
 *   GET /cam/:id/still.jpg                a JPEG still
 *
 * Every camera plays the same ffmpeg clip (test-hls-clips.ts). Everything is CORS-open and
 * `no-store`, so every fetch a player makes reaches the counters.
 */

export type PlaylistStatus = 200 | 404;

export interface RequestCounts {
  /** Master and media playlists, whatever they were answered with. */
  playlist: number;
  /** Segment requests, including ones held by a stall. */
  segment: number;
  still: number;
}

export interface HlsFaultServer {
  /** http://127.0.0.1:PORT, for the wall's mediaOrigins. */
  origin: string;
  clips: TestClips;
  url(cameraId: string, rendition: TestRenditionName): string;
  masterUrl(cameraId: string): string;
  stillUrl(cameraId: string): string;
  /** 404: every playlist of the camera (master included) answers 404 until set back to 200. */
  setPlaylistStatus(cameraId: string, status: PlaylistStatus): void;
  /** On: segment requests hang with no headers. Off: the hanging ones are destroyed (a reset connection). */
  stallSegments(cameraId: string, on: boolean): void;
  /** Only the next segment request hangs, for good (until close); later ones are served. */
  stallNextSegment(cameraId: string): void;
  /** Segment requests of the camera being held open right now. */
  heldSegments(cameraId: string): number;
  requests(cameraId: string): RequestCounts;
  /** Date.now() of the camera's last request of any kind; null before the first. */
  lastRequestAt(cameraId: string): number | null;
  /** Closes the server and destroys every open socket, held ones included. */
  close(): Promise<void>;
}

export interface HlsFaultServerOptions {
  /** The camera ids served; any other id is a 404 (and counted nowhere). */
  cameras: readonly string[];
  /** Finished segments per live playlist. */
  windowSize?: number;
  /** A fixed port, e.g. to start the server again where a closed one was (an outage); default any free one. */
  port?: number;
}

interface CameraFaults {
  playlistStatus: PlaylistStatus;
  stallAll: boolean;
  stallNext: boolean;
  /** Held by stallSegments: destroyed when it is switched off. */
  heldByStall: Set<ServerResponse>;
  /** Held by stallNextSegment: never answered. */
  heldForever: Set<ServerResponse>;
  counts: RequestCounts;
  lastRequestAt: number | null;
}

const RENDITIONS: readonly TestRenditionName[] = ['sub', 'main'];
const CORS = { 'Access-Control-Allow-Origin': '*' };
const NO_STORE = { 'Cache-Control': 'no-store' };

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...CORS, ...NO_STORE, ...headers, 'Content-Length': String(data.length) });
  res.end(req.method === 'HEAD' ? undefined : data);
}

function masterPlaylist(clips: TestClips): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const name of RENDITIONS) {
    const r: TestRendition = clips.renditions[name];
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},RESOLUTION=${r.width}x${r.height},CODECS="${r.codecs}",FRAME-RATE=25.000`, `${name}/index.m3u8`);
  }
  return lines.join('\n') + '\n';
}

/** Starts the server on 127.0.0.1 and a free port, making the clips first if this process has not. */
export async function startHlsFaultServer(options: HlsFaultServerOptions): Promise<HlsFaultServer> {
  const clips = await testHlsClips();
  const windowSize = options.windowSize ?? DEFAULT_WINDOW_SIZE;
  // Whole loops back, so the first playlist already lists a full window starting at clip segment 0.
  const loopMs = Math.max(...RENDITIONS.map((n) => clips.renditions[n].segments.reduce((sum, s) => sum + Math.round(s.duration * 1000), 0)));
  const segmentCount = Math.min(...RENDITIONS.map((n) => clips.renditions[n].segments.length));
  const startedAt = Date.now() - Math.ceil(windowSize / segmentCount) * loopMs;
  const master = masterPlaylist(clips);

  const cameras = new Map<string, CameraFaults>(
    options.cameras.map((id) => [
      id,
      { playlistStatus: 200, stallAll: false, stallNext: false, heldByStall: new Set(), heldForever: new Set(), counts: { playlist: 0, segment: 0, still: 0 }, lastRequestAt: null },
    ]),
  );
  const camera = (id: string): CameraFaults => {
    const found = cameras.get(id);
    if (!found) throw new Error(`the fault server has no camera "${id}" (it serves ${[...cameras.keys()].join(', ')})`);
    return found;
  };

  const hold = (set: Set<ServerResponse>, res: ServerResponse): void => {
    set.add(res);
    res.once('close', () => set.delete(res));
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': '*' }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, { Allow: 'GET, HEAD' }, 'method not allowed');
    const path = (req.url ?? '').split('?')[0] ?? '';
    const [empty, prefix, id = '', first = '', second, ...rest] = path.split('/');
    const faults = cameras.get(id);
    if (empty !== '' || prefix !== 'cam' || !faults || rest.length > 0) return send(req, res, 404, {}, 'not found');
    faults.lastRequestAt = Date.now();

    if (second === undefined && first === 'still.jpg') {
      faults.counts.still += 1;
      return send(req, res, 200, { 'Content-Type': 'image/jpeg' }, clips.still);
    }
    if (second === undefined && first === 'master.m3u8') {
      faults.counts.playlist += 1;
      if (faults.playlistStatus !== 200) return send(req, res, faults.playlistStatus, {}, 'not found');
      return send(req, res, 200, { 'Content-Type': 'application/vnd.apple.mpegurl' }, master);
    }
    const rendition = RENDITIONS.find((n) => n === first);
    if (!rendition || second === undefined) return send(req, res, 404, {}, 'not found');
    const { segments } = clips.renditions[rendition];

    if (second === 'index.m3u8') {
      faults.counts.playlist += 1;
      if (faults.playlistStatus !== 200) return send(req, res, faults.playlistStatus, {}, 'not found');
      const text = buildLivePlaylist({ segments, startedAt, now: Date.now(), windowSize });
      return send(req, res, 200, { 'Content-Type': 'application/vnd.apple.mpegurl' }, text);
    }
    const sequence = parseLiveSegmentName(second);
    if (sequence === undefined) return send(req, res, 404, {}, 'not found');
    faults.counts.segment += 1;
    if (faults.stallNext) {
      faults.stallNext = false;
      return hold(faults.heldForever, res);
    }
    if (faults.stallAll) return hold(faults.heldByStall, res);
    const segment = segments[sequence % segments.length];
    if (!segment) return send(req, res, 404, {}, 'not found');
    send(req, res, 200, { 'Content-Type': 'video/mp2t' }, segment.data);
  };

  const server = createServer(handle);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A held request must not keep a test process alive, nor be cut by Node's own request timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = (id: string): string => {
    camera(id); // an unknown id is a typo in the test: say so now, not as a 404 in the browser
    return `${origin}/cam/${encodeURIComponent(id)}`;
  };

  return {
    origin,
    clips,
    url: (id, rendition) => `${base(id)}/${rendition}/index.m3u8`,
    masterUrl: (id) => `${base(id)}/master.m3u8`,
    stillUrl: (id) => `${base(id)}/still.jpg`,
    setPlaylistStatus: (id, status) => {
      camera(id).playlistStatus = status;
    },
    stallSegments: (id, on) => {
      const faults = camera(id);
      faults.stallAll = on;
      if (on) return;
      for (const res of [...faults.heldByStall]) res.destroy();
      faults.heldByStall.clear();
    },
    stallNextSegment: (id) => {
      camera(id).stallNext = true;
    },
    heldSegments: (id) => camera(id).heldByStall.size + camera(id).heldForever.size,
    requests: (id) => ({ ...camera(id).counts }),
    lastRequestAt: (id) => camera(id).lastRequestAt,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

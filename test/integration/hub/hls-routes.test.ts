import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraUrls, createHlsHandler, type HlsHandler } from '../../../src-hub/hls/hls-routes';
import { createMemoryLogger } from '../../../src-main/log';

const ASSETS = resolve(__dirname, '../../../assets');
const CAMERA = 'bai-sau-thuy-van';
// The handler is made at this time, so with the default start a full window (seg-0..3) has finished.
const CREATED = Date.UTC(2025, 8, 2, 7, 30, 0, 500);
let clock = CREATED;

let handler: HlsHandler;
let server: Server;
let port = 0;

beforeAll(async () => {
  handler = createHlsHandler({ assetsDir: ASSETS, now: () => clock, log: createMemoryLogger('hls') });
  server = createServer((req, res) => {
    if (!handler.handle(req, res)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('fell through');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http rather than fetch, because fetch would normalise "/hls/../x" before sending it. */
function raw(path: string, method = 'GET'): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

function playlistPath(camera = CAMERA, rendition = 'sub'): string {
  return new URL(cameraUrls(`http://127.0.0.1:${port}`, camera)[rendition === 'sub' ? 'subUrl' : 'mainUrl']).pathname;
}

function segmentsOf(text: string): { mediaSequence: number; discontinuitySequence: number; uris: string[] } {
  const header = (tag: string): number => Number(text.split('\n').find((l) => l.startsWith(`#EXT-X-${tag}:`))?.split(':')[1]);
  return {
    mediaSequence: header('MEDIA-SEQUENCE'),
    discontinuitySequence: header('DISCONTINUITY-SEQUENCE'),
    uris: text.split('\n').filter((l) => l !== '' && !l.startsWith('#')),
  };
}

const execFileAsync = promisify(execFile);

describe('live HLS routes for the demo cameras', () => {
  it('loads all eight catalog cameras with both renditions', () => {
    expect(handler.cameras).toHaveLength(8);
    for (const camera of handler.cameras) {
      expect(camera.location).toBeDefined();
      expect(camera.renditions.sub).toMatchObject({ width: 640, height: 360 });
      expect(camera.renditions.main).toMatchObject({ width: 1280, height: 720 });
    }
  });

  it('serves a live playlist with the right headers and no end', async () => {
    const reply = await raw(playlistPath());
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    const text = reply.body.toString('utf8');
    expect(text).toMatch(/^#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n/);
    expect(text).not.toContain('ENDLIST');
    expect(segmentsOf(text)).toEqual({ mediaSequence: 0, discontinuitySequence: 0, uris: ['seg-0.ts', 'seg-1.ts', 'seg-2.ts', 'seg-3.ts'] });
    expect(text).toContain(`#EXT-X-PROGRAM-DATE-TIME:${new Date(CREATED - 8000).toISOString()}`);
  });

  it('serves every camera and rendition', async () => {
    for (const camera of handler.cameras) {
      for (const rendition of ['sub', 'main']) {
        const reply = await raw(playlistPath(camera.id, rendition));
        expect(reply.status, `${camera.id}/${rendition}`).toBe(200);
        expect(segmentsOf(reply.body.toString()).uris).toHaveLength(4);
      }
    }
  });

  it('serves the clip segment a sequence number maps to, cacheable, and HEAD without a body', async () => {
    const { uris } = segmentsOf((await raw(playlistPath(CAMERA, 'main'))).body.toString());
    const uri = uris[0] ?? '';
    const sequence = Number(/seg-(\d+)\.ts/.exec(uri)?.[1]);
    const path = `/hls/${CAMERA}/main/${uri}`;
    const reply = await raw(path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('video/mp2t');
    expect(reply.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    const file = handler.cameras.find((c) => c.id === CAMERA)?.renditions.main.segments[sequence % 4]?.file ?? '';
    expect(reply.body.equals(readFileSync(join(ASSETS, 'cameras', file)))).toBe(true);
    expect(reply.body[0]).toBe(0x47); // MPEG-TS sync byte

    const head = await raw(path, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(reply.body.length));
    expect(head.body.length).toBe(0);
  });

  it('gives ffprobe H.264 at each rendition size when it reads a segment over HTTP', async () => {
    for (const [rendition, width, height] of [['sub', 640, 360], ['main', 1280, 720]] as const) {
      const { uris } = segmentsOf((await raw(playlistPath(CAMERA, rendition))).body.toString());
      const url = `http://127.0.0.1:${port}/hls/${CAMERA}/${rendition}/${uris.at(-1) ?? ''}`;
      const { stdout } = await execFileAsync('ffprobe', [
        '-v', 'error', '-select_streams', 'v:0', '-count_packets',
        '-show_entries', 'stream=codec_name,profile,width,height,pix_fmt,r_frame_rate,nb_read_packets:packet=pts_time',
        '-of', 'json', url,
      ]);
      const probe = JSON.parse(stdout) as { streams: Array<Record<string, unknown>>; packets: Array<{ pts_time: string }> };
      expect(probe.streams[0]).toMatchObject({ codec_name: 'h264', width, height, pix_fmt: 'yuv420p', r_frame_rate: '25/1', nb_read_packets: '50' });
      expect(['Main', 'Constrained Baseline', 'Baseline']).toContain(probe.streams[0]?.profile);
      // ffprobe gives no container duration for a TS read over HTTP; the packet times show the span.
      const times = probe.packets.map((p) => Number(p.pts_time));
      expect(Math.max(...times) - Math.min(...times) + 1 / 25).toBeCloseTo(2, 3);
    }
  });

  it('slides the window as the clock crosses segment boundaries, marking each wrap', async () => {
    const start = clock;
    try {
      let previous = segmentsOf((await raw(playlistPath())).body.toString());
      clock += 1000; // still inside the same segment: nothing new has finished
      expect(segmentsOf((await raw(playlistPath())).body.toString())).toEqual(previous);
      for (let step = 0; step < 10; step += 1) {
        clock += 2000;
        const text = (await raw(playlistPath())).body.toString();
        const next = segmentsOf(text);
        expect(next.mediaSequence).toBe(previous.mediaSequence + 1);
        expect(next.uris.slice(0, -1)).toEqual(previous.uris.slice(1));
        // The wrap tag stays with its segment; the counter goes up only once it slides out.
        const leftWrap = previous.mediaSequence > 0 && previous.mediaSequence % 4 === 0 ? 1 : 0;
        expect(next.discontinuitySequence).toBe(previous.discontinuitySequence + leftWrap);
        const wrapped = next.uris.find((u) => Number(/seg-(\d+)/.exec(u)?.[1]) % 4 === 0);
        if (wrapped) expect(text).toContain(`#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:`);
        previous = next;
      }
    } finally {
      clock = start;
    }
  });

  it('answers 404 for unknown cameras, renditions and segment names', async () => {
    for (const path of [
      '/hls',
      '/hls/',
      '/hls/no-such-camera/sub/index.m3u8',
      `/hls/${CAMERA}/hd/index.m3u8`,
      `/hls/${CAMERA}/sub/clip-0.ts`,
      `/hls/${CAMERA}/sub/seg-abc.ts`,
      `/hls/${CAMERA}/sub/seg-01.ts`,
      `/hls/${CAMERA}/sub/index.m3u8/extra`,
      `/hls/${CAMERA}/sub/`,
      '/hls/__proto__/sub/index.m3u8',
    ]) {
      const reply = await raw(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString(), path).toBe('not found');
      expect(reply.headers['access-control-allow-origin'], path).toBe('*');
    }
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const reply = await raw(playlistPath(), 'POST');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  it('never leaves the catalog, whatever the path says', async () => {
    for (const path of [
      '/hls/../package.json',
      '/hls/%2e%2e/package.json',
      '/hls/%2E%2E%2Fpackage.json',
      '/hls/..%2f..%2fpackage.json',
      `/hls/${CAMERA}/../../../package.json`,
      `/hls/${CAMERA}/sub/..%2f..%2f..%2f..%2fpackage.json`,
      `/hls/${CAMERA}/sub/%2e%2e%2f%2e%2e%2fcameras.json`,
      `/hls/${CAMERA}/sub/..\\..\\cameras.json`,
      '/hls/%2fetc%2fpasswd',
    ]) {
      const reply = await raw(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.toString(), path).toBe('not found');
    }
  });

  it('leaves paths outside /hls/ to other routes', async () => {
    expect((await raw('/hlsx/index.m3u8')).body.toString()).toBe('fell through');
    expect((await raw('/healthz')).body.toString()).toBe('fell through');
  });

  it('builds camera URLs on the hub origin', () => {
    expect(cameraUrls('http://10.0.0.5:4781/', 'cau-co-may')).toEqual({
      subUrl: 'http://10.0.0.5:4781/hls/cau-co-may/sub/index.m3u8',
      mainUrl: 'http://10.0.0.5:4781/hls/cau-co-may/main/index.m3u8',
    });
  });
});

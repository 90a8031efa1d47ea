import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClipCamera } from '../../../src-hub/hls/clip-catalog';
import { cameraUrls, createHlsHandler, type HlsHandler } from '../../../src-hub/hls/hls-routes';
import { createMemoryLogger } from '../../../src-shared/node/log';

const ASSETS = resolve(__dirname, '../../../assets');
const CAMERA = 'bai-sau-thuy-van';
// The handler is made at this time, so with the default start a full window (seg-0..3) has finished.
const CREATED = Date.UTC(2025, 8, 2, 7, 30, 0, 500);
let clock = CREATED;

let handler: HlsHandler;
let server: Server;
let port = 0;

/** Assets with one camera as an older cameras.json has it: no still, no codec strings or frame rates. */
let bareAssets = '';
let bareHandler: HlsHandler;
let bareServer: Server;
let barePort = 0;

async function serve(target: () => HlsHandler): Promise<{ server: Server; port: number }> {
  const created = createServer((req, res) => {
    if (!target().handle(req, res)) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('fell through');
  });
  await new Promise<void>((done) => created.listen(0, '127.0.0.1', done));
  return { server: created, port: (created.address() as AddressInfo).port };
}

/** Copies one catalog camera's clips into a fresh assets folder, listing it without the newer fields. */
function bareAssetsFor(cameraId: string): string {
  const catalog = JSON.parse(readFileSync(join(ASSETS, 'cameras', 'cameras.json'), 'utf8')) as ClipCamera[];
  const camera = catalog.find((c) => c.id === cameraId);
  if (!camera) throw new Error(`no camera ${cameraId} in the catalog`);
  const { still: _still, ...rest } = camera;
  const strip = ({ frameRate: _f, codecs: _c, ...rendition }: ClipCamera['renditions']['sub']) => rendition;
  const bare = { ...rest, renditions: { sub: strip(camera.renditions.sub), main: strip(camera.renditions.main) } };
  const dir = mkdtempSync(join(tmpdir(), 'hls-bare-'));
  for (const { file } of [...bare.renditions.sub.segments, ...bare.renditions.main.segments]) {
    mkdirSync(dirname(join(dir, 'cameras', file)), { recursive: true });
    copyFileSync(join(ASSETS, 'cameras', file), join(dir, 'cameras', file));
  }
  writeFileSync(join(dir, 'cameras', 'cameras.json'), JSON.stringify([bare]));
  return dir;
}

beforeAll(async () => {
  handler = createHlsHandler({ assetsDir: ASSETS, now: () => clock, log: createMemoryLogger('hls') });
  ({ server, port } = await serve(() => handler));
  bareAssets = bareAssetsFor(CAMERA);
  bareHandler = createHlsHandler({ assetsDir: bareAssets, now: () => clock });
  ({ server: bareServer, port: barePort } = await serve(() => bareHandler));
});

afterAll(async () => {
  for (const running of [server, bareServer]) {
    running.closeAllConnections();
    await new Promise<void>((done) => running.close(() => done()));
  }
  rmSync(bareAssets, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http rather than fetch, because fetch would normalise "/hls/../x" before sending it. */
function raw(path: string, method = 'GET', to = port): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: to, path, method }, (res) => {
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
      expect(camera.still).toBe(`${camera.id}/still.jpg`);
      for (const rendition of [camera.renditions.sub, camera.renditions.main]) {
        expect(rendition).toMatchObject({ frameRate: 25, codecs: 'avc1.4d401f' });
      }
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

  it('serves each camera\'s still as a cacheable JPEG that ffprobe decodes at the sub size', async () => {
    for (const camera of handler.cameras) {
      const path = new URL(cameraUrls(`http://127.0.0.1:${port}`, camera.id).stillUrl).pathname;
      const reply = await raw(path);
      expect(reply.status, camera.id).toBe(200);
      expect(reply.headers['content-type']).toBe('image/jpeg');
      expect(reply.headers['cache-control']).toMatch(/(^|[ ,])max-age=60($|,)/);
      expect(reply.headers['access-control-allow-origin']).toBe('*');
      expect(reply.body.equals(readFileSync(join(ASSETS, 'cameras', camera.id, 'still.jpg')))).toBe(true);
      expect([...reply.body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // JPEG SOI and the next marker
      // Small enough for a wall to fetch every still at once.
      expect(reply.body.length).toBeGreaterThan(8_000);
      expect(reply.body.length).toBeLessThan(48_000);
    }
    const url = cameraUrls(`http://127.0.0.1:${port}`, CAMERA).stillUrl;
    const { stdout } = await execFileAsync('ffprobe', [
      '-v', 'error', '-count_frames', '-show_entries', 'stream=codec_name,width,height,nb_read_frames', '-of', 'json', url,
    ]);
    const probe = JSON.parse(stdout) as { streams: Array<Record<string, unknown>> };
    expect(probe.streams).toEqual([{ codec_name: 'mjpeg', width: 640, height: 360, nb_read_frames: '1' }]);

    const head = await raw(new URL(url).pathname, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('image/jpeg');
    expect(head.body.length).toBe(0);
  });

  it('serves a multi-variant playlist: sub then main, peak and average bit rates measured from the segments', async () => {
    const path = new URL(cameraUrls(`http://127.0.0.1:${port}`, CAMERA).masterUrl).pathname;
    const reply = await raw(path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(reply.headers['cache-control']).toMatch(/(^|[ ,])max-age=60($|,)/);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    const clip = handler.cameras.find((c) => c.id === CAMERA);
    const rate = (rendition: 'sub' | 'main') => {
      const segments = clip?.renditions[rendition].segments ?? [];
      const bits = segments.map((s) => readFileSync(join(ASSETS, 'cameras', s.file)).length * 8);
      const seconds = segments.reduce((sum, s) => sum + s.duration, 0);
      return {
        peak: Math.ceil(Math.max(...bits.map((b, i) => b / (segments[i]?.duration ?? 1)))),
        average: Math.ceil(bits.reduce((sum, b) => sum + b, 0) / seconds),
      };
    };
    const sub = rate('sub');
    const main = rate('main');
    expect(sub.peak).toBeLessThan(main.peak);
    expect(reply.body.toString('utf8')).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        `#EXT-X-STREAM-INF:BANDWIDTH=${sub.peak},AVERAGE-BANDWIDTH=${sub.average},CODECS="avc1.4d401f",RESOLUTION=640x360,FRAME-RATE=25.000`,
        'sub/index.m3u8',
        `#EXT-X-STREAM-INF:BANDWIDTH=${main.peak},AVERAGE-BANDWIDTH=${main.average},CODECS="avc1.4d401f",RESOLUTION=1280x720,FRAME-RATE=25.000`,
        'main/index.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('gives ffprobe both variants at their sizes when it opens the multi-variant playlist over HTTP', async () => {
    const { stdout } = await execFileAsync('ffprobe', [
      '-v', 'error', '-show_entries', 'program_tags=variant_bitrate:stream=codec_name,width,height', '-of', 'json',
      cameraUrls(`http://127.0.0.1:${port}`, CAMERA).masterUrl,
    ]);
    const probe = JSON.parse(stdout) as { programs: Array<{ tags?: { variant_bitrate?: string }; streams: Array<Record<string, unknown>> }> };
    const variants = probe.programs.map((p) => ({ bitrate: Number(p.tags?.variant_bitrate), streams: p.streams }));
    expect(variants).toHaveLength(2);
    expect(variants.map((v) => v.streams)).toEqual([
      [{ codec_name: 'h264', width: 640, height: 360 }],
      [{ codec_name: 'h264', width: 1280, height: 720 }],
    ]);
    const [sub, main] = variants;
    expect(sub?.bitrate).toBeGreaterThan(0);
    expect(main?.bitrate).toBeGreaterThan(sub?.bitrate ?? 0);
  });

  it('leaves CODECS and FRAME-RATE out, and the still unserved, for a catalog without them', async () => {
    const master = await raw(`/hls/${CAMERA}/index.m3u8`, 'GET', barePort);
    expect(master.status).toBe(200);
    const streamInfs = master.body.toString().split('\n').filter((l) => l.startsWith('#EXT-X-STREAM-INF:'));
    expect(streamInfs).toHaveLength(2);
    for (const line of streamInfs) {
      expect(line).toMatch(/^#EXT-X-STREAM-INF:BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,RESOLUTION=\d+x\d+$/);
    }
    const still = await raw(`/hls/${CAMERA}/still.jpg`, 'GET', barePort);
    expect(still.status).toBe(404);
    expect(still.headers['access-control-allow-origin']).toBe('*');
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
      '/hls/no-such-camera/index.m3u8',
      '/hls/no-such-camera/still.jpg',
      '/hls/__proto__/still.jpg',
      '/hls/constructor/index.m3u8',
      `/hls/${CAMERA}/`,
      `/hls/${CAMERA}/still.png`,
      `/hls/${CAMERA}/still.jpeg`,
      `/hls/${CAMERA}/cameras.json`,
      `/hls/${CAMERA}/sub`,
      `/hls/${CAMERA}/index.m3u8/extra`,
      `/hls/${CAMERA}/still.jpg/`,
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
      masterUrl: 'http://10.0.0.5:4781/hls/cau-co-may/index.m3u8',
      stillUrl: 'http://10.0.0.5:4781/hls/cau-co-may/still.jpg',
    });
  });
});

import { execFile } from 'node:child_process';
import { request, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHlsFaultServer, type HlsFaultServer } from '../helpers/hls-fault-server';
import { waitFor } from '../helpers/wait-for';

let server: HlsFaultServer;

beforeAll(async () => {
  server = await startHlsFaultServer({ cameras: ['cam-1', 'cam-2'] });
});

afterAll(async () => {
  await server?.close();
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Pending {
  /** The reply, or the error that ended the request (a reset connection). */
  done: Promise<Reply | Error>;
  /** Whether any response headers arrived within `ms`. */
  headersWithin(ms: number): Promise<boolean>;
  req: ClientRequest;
}

/** A GET whose fate a test can watch: a hung request is an outcome here, not a failure. */
function start(url: string): Pending {
  let gotHeaders = false;
  const onHeaders: Array<() => void> = [];
  let req!: ClientRequest;
  const done = new Promise<Reply | Error>((resolve) => {
    // A fresh connection per request, so one held socket never queues the next request behind it.
    req = request(url, { agent: false }, (res) => {
      gotHeaders = true;
      onHeaders.splice(0).forEach((f) => f());
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', resolve);
    });
    req.on('error', resolve);
    req.end();
  });
  const headersWithin = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (gotHeaders) return resolve(true);
      const timer = setTimeout(() => resolve(gotHeaders), ms);
      onHeaders.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  return { done, headersWithin, req };
}

async function get(url: string): Promise<Reply> {
  const reply = await start(url).done;
  if (reply instanceof Error) throw reply;
  return reply;
}

function playlistOf(text: string): { mediaSequence: number; uris: string[] } {
  const sequence = text.split('\n').find((l) => l.startsWith('#EXT-X-MEDIA-SEQUENCE:'));
  return { mediaSequence: Number(sequence?.split(':')[1]), uris: text.split('\n').filter((l) => l !== '' && !l.startsWith('#')) };
}

/** The newest segment's URL in the camera's live playlist. */
async function liveSegmentUrl(camera: string, rendition: 'sub' | 'main' = 'sub'): Promise<string> {
  const playlistUrl = server.url(camera, rendition);
  const { uris } = playlistOf((await get(playlistUrl)).body.toString());
  return new URL(uris.at(-1) ?? '', playlistUrl).href;
}

const execFileAsync = promisify(execFile);

async function probe(args: string[]): Promise<{ streams: Array<Record<string, unknown>> }> {
  const { stdout } = await execFileAsync('ffprobe', ['-v', 'error', '-of', 'json', ...args]);
  return JSON.parse(stdout) as { streams: Array<Record<string, unknown>> };
}

describe('the live HLS fault server', () => {
  it('serves a live playlist: no end, never cached, the window advancing with the clock and marking the loop', async () => {
    const first = await get(server.url('cam-1', 'sub'));
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    const text = first.body.toString();
    expect(text).toMatch(/^#EXTM3U\n/);
    expect(text).toContain('#EXT-X-TARGETDURATION:1\n');
    expect(text).not.toContain('ENDLIST');
    const before = playlistOf(text);
    expect(before.uris).toHaveLength(4);
    expect(before.uris.every((u) => /^seg-\d+\.ts$/.test(u))).toBe(true);

    // One-second segments: within ~1 s the window slides by one and keeps sliding.
    const started = Date.now();
    const later = await waitFor(async () => {
      const next = playlistOf((await get(server.url('cam-1', 'sub'))).body.toString());
      return next.mediaSequence >= before.mediaSequence + 2 ? next : null;
    }, 'the live window to advance twice', 5000, 100);
    expect(Date.now() - started).toBeGreaterThan(900);
    expect(later.uris.slice(0, 2)).toEqual(before.uris.slice(2));

    // Six one-second clip segments loop; the wrap back to clip segment 0 is marked.
    const wrapped = await waitFor(async () => {
      const body = (await get(server.url('cam-1', 'sub'))).body.toString();
      return /#EXT-X-DISCONTINUITY\n#EXT-X-PROGRAM-DATE-TIME:[^\n]+\n#EXTINF:1\.000,\nseg-(\d+)\.ts/.exec(body);
    }, 'a loop wrap in the window', 8000, 200);
    expect(Number(wrapped[1]) % 6).toBe(0);
  });

  it('serves segments ffprobe decodes over HTTP: H.264 baseline at each size, 25 frames, a keyframe first', async () => {
    for (const [rendition, width, height, codecs] of [['sub', 640, 360, 'avc1.42c01e'], ['main', 1280, 720, 'avc1.42c01f']] as const) {
      const url = await liveSegmentUrl('cam-1', rendition);
      const reply = await get(url);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('video/mp2t');
      expect(reply.headers['access-control-allow-origin']).toBe('*');
      expect(reply.body[0]).toBe(0x47);
      const result = await probe(['-select_streams', 'v:0', '-count_frames', '-show_entries', 'stream=codec_name,profile,level,width,height,r_frame_rate,nb_read_frames', url]);
      expect(result.streams[0]).toMatchObject({ codec_name: 'h264', profile: 'Constrained Baseline', width, height, r_frame_rate: '25/1', nb_read_frames: '25' });
      expect(server.clips.renditions[rendition].codecs).toBe(codecs);
      const frames = await probe(['-select_streams', 'v:0', '-show_entries', 'frame=key_frame', '-read_intervals', '%+#1', url]);
      expect((frames as unknown as { frames: Array<{ key_frame: number }> }).frames[0]?.key_frame).toBe(1);
    }
  });

  it('serves a multi-variant playlist ffprobe follows to both renditions, and a JPEG still', async () => {
    const reply = await get(server.masterUrl('cam-2'));
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    const text = reply.body.toString();
    expect(text).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,RESOLUTION=640x360,CODECS="avc1\.42c01e",FRAME-RATE=25\.000\nsub\/index\.m3u8\n/);
    expect(text).toMatch(/#EXT-X-STREAM-INF:BANDWIDTH=\d+,RESOLUTION=1280x720,CODECS="avc1\.42c01f",FRAME-RATE=25\.000\nmain\/index\.m3u8\n/);
    const result = await probe(['-show_entries', 'stream=codec_name,width,height', server.masterUrl('cam-2')]);
    expect(result.streams.map((s) => `${String(s.codec_name)} ${String(s.width)}x${String(s.height)}`).sort()).toEqual(['h264 1280x720', 'h264 640x360']);

    const still = await get(server.stillUrl('cam-2'));
    expect(still.status).toBe(200);
    expect(still.headers['content-type']).toBe('image/jpeg');
    expect(still.headers['access-control-allow-origin']).toBe('*');
    const image = await probe(['-show_entries', 'stream=codec_name,width,height', server.stillUrl('cam-2')]);
    expect(image.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 640, height: 360 });
  });

  it('answers 404 for a camera whose playlists are switched off, segments and other cameras untouched, until switched back', async () => {
    const segment = await liveSegmentUrl('cam-1');
    server.setPlaylistStatus('cam-1', 404);
    try {
      for (const url of [server.url('cam-1', 'sub'), server.url('cam-1', 'main'), server.masterUrl('cam-1')]) {
        const reply = await get(url);
        expect(reply.status, url).toBe(404);
        expect(reply.headers['access-control-allow-origin'], url).toBe('*');
      }
      expect((await get(segment)).status).toBe(200);
      expect((await get(server.url('cam-2', 'sub'))).status).toBe(200);
    } finally {
      server.setPlaylistStatus('cam-1', 200);
    }
    expect((await get(server.url('cam-1', 'sub'))).status).toBe(200);
    expect((await get(server.masterUrl('cam-1'))).status).toBe(200);
  });

  it('holds only the next segment request forever when told to, and serves the ones after it', async () => {
    const url = await liveSegmentUrl('cam-2');
    server.stallNextSegment('cam-2');
    const stalled = start(url);
    try {
      const next = start(url);
      expect(await next.headersWithin(1000)).toBe(true);
      expect(await next.done).toMatchObject({ status: 200 });
      expect(await stalled.headersWithin(1500)).toBe(false);
      expect(server.heldSegments('cam-2')).toBe(1);
      expect((await get(await liveSegmentUrl('cam-2'))).status).toBe(200);
      expect(await stalled.headersWithin(0)).toBe(false);
    } finally {
      stalled.req.destroy();
    }
    await waitFor(() => server.heldSegments('cam-2') === 0, 'the abandoned request to be let go');
  });

  it('holds every segment request while stalled, and resets them when the stall is switched off', async () => {
    const url = await liveSegmentUrl('cam-1');
    server.stallSegments('cam-1', true);
    const held = [start(url), start(url)];
    let switchedOff = false;
    try {
      expect(await held[0]!.headersWithin(1200)).toBe(false);
      expect(await held[1]!.headersWithin(0)).toBe(false);
      expect(server.heldSegments('cam-1')).toBe(2);
      expect((await get(server.url('cam-1', 'sub'))).status, 'playlists still answer').toBe(200);
      expect((await get(await liveSegmentUrl('cam-2'))).status, 'other cameras are untouched').toBe(200);
      server.stallSegments('cam-1', false);
      switchedOff = true;
      for (const pending of held) expect(await pending.done).toBeInstanceOf(Error);
    } finally {
      if (!switchedOff) server.stallSegments('cam-1', false);
    }
    expect(server.heldSegments('cam-1')).toBe(0);
    expect((await get(url)).status).toBe(200);
  });

  it('counts requests per camera and kind, with the time of the last one', async () => {
    const before = server.requests('cam-2');
    const since = Date.now();
    await get(server.url('cam-2', 'main'));
    await get(server.masterUrl('cam-2'));
    await get(await liveSegmentUrl('cam-2', 'main'));
    await get(server.stillUrl('cam-2'));
    expect(server.requests('cam-2')).toEqual({ playlist: before.playlist + 3, segment: before.segment + 1, still: before.still + 1 });
    expect(server.lastRequestAt('cam-2')).toBeGreaterThanOrEqual(since);
    const other = server.requests('cam-1');
    await get(server.url('cam-2', 'sub'));
    expect(server.requests('cam-1')).toEqual(other);
  });

  it('answers 404 to unknown cameras, renditions and names, and refuses URLs for cameras it does not serve', async () => {
    const origin = server.origin;
    for (const path of ['/cam/nope/sub/index.m3u8', '/cam/cam-1/hd/index.m3u8', '/cam/cam-1/sub/seg-x.ts', '/cam/cam-1/sub/index.m3u8/x', '/x/cam-1/sub/index.m3u8', '/']) {
      const reply = await get(origin + path);
      expect(reply.status, path).toBe(404);
      expect(reply.headers['access-control-allow-origin'], path).toBe('*');
    }
    expect(() => server.url('nope', 'sub')).toThrow(/no camera "nope"/);
    expect(() => server.stallNextSegment('nope')).toThrow(/no camera "nope"/);
  });

  it('destroys held requests on close', async () => {
    const own = await startHlsFaultServer({ cameras: ['cam-x'] });
    own.stallSegments('cam-x', true);
    const segment = await get(own.url('cam-x', 'sub')).then((r) => new URL(playlistOf(r.body.toString()).uris[0] ?? '', own.url('cam-x', 'sub')).href);
    const held = start(segment);
    await waitFor(() => own.heldSegments('cam-x') === 1, 'the request to be held');
    const closing = Date.now();
    await own.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    expect(await held.done).toBeInstanceOf(Error);
  });
});

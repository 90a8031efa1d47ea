import { execFile } from 'node:child_process';
import { copyFileSync, createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { createSnapshotStore, inspectPng } from '../../../src-main/snapshots/snapshot-store';
import { snapshotRequestSchema } from '../../../src-shared/ipc';
import type { SnapshotStamp, StampText } from '../../../src-renderer/tiles/camera/snapshot-image';

/**
 * renderSnapshot in real Chromium on real videos made by ffmpeg: the PNG it makes has the video's
 * size, the frame where the frame was, a stamp band with text in it, passes the host's PNG check,
 * and decodes in another program (ffmpeg). The example PNGs are attached to the test results.
 */

const ROOT = join(__dirname, '..', '..', '..');
const FONT_DIR = join(ROOT, 'node_modules', '@fontsource', 'be-vietnam-pro');
const execFileAsync = promisify(execFile);

/**
 * The solid videos' colour. VP8's 4:2:0 YUV round trip moves it by a few levels, and the frame the
 * canvas grabs differs from run to run (a key frame or a later one): 13 levels were seen once over
 * a 1280×720 frame. A black or blank canvas is 200 levels off, so 24 still tells them apart.
 */
const VIDEO_RGB = [0x20, 0x80, 0xd0] as const;
const COLOUR_TOLERANCE = 24;

const STAMP = {
  cameraName: 'Bãi Sau – Thùy Vân',
  district: 'TP. Vũng Tàu',
  takenAt: '2026-11-24T07:03:05.000Z',
  wallName: 'Màn hình camera',
  language: 'vi',
} as const;

declare global {
  interface Window {
    IocSnapshot: typeof import('../../../src-renderer/tiles/camera/snapshot-image');
  }
}

let media: string;
let server: Server;
let origin: string;

async function ffmpeg(args: string[]): Promise<Buffer> {
  const { stdout } = await execFileAsync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

const SOLID = `color=c=0x${VIDEO_RGB.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const videos: Record<string, string> = {
  'solid-360.webm': `${SOLID}:s=640x360:r=25:d=1`,
  'solid-720.webm': `${SOLID}:s=1280x720:r=25:d=1`,
  'pattern-720.webm': 'testsrc2=s=1280x720:r=25:d=1',
  'portrait-720x1280.webm': 'testsrc2=s=720x1280:r=25:d=1',
};

test.beforeAll(async () => {
  media = mkdtempSync(join(tmpdir(), 'ioc-snapshot-e2e-'));
  await Promise.all(
    Object.entries(videos).map(([file, source]) =>
      ffmpeg(['-f', 'lavfi', '-i', source, '-c:v', 'libvpx', '-b:v', '1M', '-deadline', 'realtime', '-cpu-used', '8', '-pix_fmt', 'yuv420p', join(media, file)]),
    ),
  );
  const bundle = await build({
    entryPoints: [join(ROOT, 'src-renderer/tiles/camera/snapshot-image.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'IocSnapshot',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  // The app's font setup: the @fontsource faces, Vietnamese subset on its own unicode-range.
  const page = `<!doctype html><meta charset="utf-8">
    <link rel="stylesheet" href="/fonts/400.css"><link rel="stylesheet" href="/fonts/500.css"><link rel="stylesheet" href="/fonts/700.css">
    <body style="margin:0;background:#000"><script src="/snapshot.js"></script></body>`;
  const types: Record<string, string> = { '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.webm': 'video/webm' };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, type: string, body: string) => res.writeHead(status, { 'content-type': type }).end(body);
    if (path === '/') return send(200, 'text/html; charset=utf-8', page);
    if (path === '/snapshot.js') return send(200, 'text/javascript; charset=utf-8', script);
    const [base, prefix] = path.startsWith('/fonts/') ? [FONT_DIR, '/fonts/'] : path.startsWith('/media/') ? [media, '/media/'] : [undefined, ''];
    const file = base && normalize(join(base, decodeURIComponent(path.slice(prefix.length))));
    if (!file || !file.startsWith(base) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return send(404, 'text/plain', 'not found');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (media) rmSync(media, { recursive: true, force: true });
});

interface Snapshot {
  type: string;
  pngBase64: string;
  /** The same paused frame drawn on a plain canvas, to tell the untouched rows from the band. */
  framePngBase64: string;
  video: { width: number; height: number };
  /** Weights of the app font's Vietnamese subset that are loaded. */
  vietnameseWeights: string[];
}

/** Plays `file` until a frame is shown, pauses, and snapshots it in the page. */
async function snapshot(page: Page, file: string, stamp: Omit<SnapshotStamp, 'takenAt'> & { takenAt: string } = STAMP): Promise<Snapshot> {
  return page.evaluate(
    async ({ src, stamp }) => {
      const video = document.createElement('video');
      video.muted = true;
      video.src = src;
      document.body.append(video);
      const shown = new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
      await video.play();
      await shown;
      video.pause();
      const blob = await window.IocSnapshot.renderSnapshot(video, { ...stamp, takenAt: new Date(stamp.takenAt) });
      const plain = new OffscreenCanvas(video.videoWidth, video.videoHeight);
      plain.getContext('2d')?.drawImage(video, 0, 0);
      return {
        type: blob.type,
        pngBase64: await window.IocSnapshot.blobToBase64(blob),
        framePngBase64: await window.IocSnapshot.blobToBase64(await plain.convertToBlob({ type: 'image/png' })),
        video: { width: video.videoWidth, height: video.videoHeight },
        // Nothing else on this page uses the font: renderSnapshot must have loaded the subset itself.
        vietnameseWeights: [...document.fonts].filter((f) => f.unicodeRange.includes('U+1EA0') && f.status === 'loaded').map((f) => f.weight).sort(),
      };
    },
    { src: `${origin}/media/${file}`, stamp },
  );
}

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

/** RGB pixels of the PNG as decoded by ffmpeg, a decoder other than the browser that made it. */
function decode(png: Buffer): Promise<Image> {
  const { width, height } = inspectPng(png);
  return new Promise((resolve, reject) => {
    const args = ['-hide_banner', '-v', 'error', '-f', 'png_pipe', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
    const child = execFile('ffmpeg', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve({ width, height, rgb: stdout })));
    child.stdin?.end(png);
  });
}

const luma = (image: Image, x: number, y: number): number => {
  const i = (y * image.width + x) * 3;
  return 0.2126 * (image.rgb[i] ?? 0) + 0.7152 * (image.rgb[i + 1] ?? 0) + 0.0722 * (image.rgb[i + 2] ?? 0);
};
/** Text on the band: the band itself is near black over any frame, the letters near white. */
const TEXT_LUMA = 170;

/** First row where the snapshot is not the frame: where the band starts. */
function bandTop(shot: Image, frame: Image): number {
  const rowBytes = shot.width * 3;
  for (let y = 0; y < shot.height; y++) {
    if (!shot.rgb.subarray(y * rowBytes, (y + 1) * rowBytes).equals(frame.rgb.subarray(y * rowBytes, (y + 1) * rowBytes))) return y;
  }
  return shot.height;
}

function bandStats(image: Image, top: number) {
  let lumaSum = 0;
  let text = 0;
  let textAtEdges = 0;
  const edge = 4;
  for (let y = top; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const l = luma(image, x, y);
      lumaSum += l;
      if (l > TEXT_LUMA) {
        text++;
        if (x < edge || x >= image.width - edge) textAtEdges++;
      }
    }
  }
  const count = (image.height - top) * image.width;
  // The last row is bottom padding: only band, no text.
  let lastRowMax = 0;
  for (let x = 0; x < image.width; x++) lastRowMax = Math.max(lastRowMax, luma(image, x, image.height - 1));
  return { meanLuma: lumaSum / count, textShare: text / count, textAtEdges, lastRowMax };
}

/** Largest distance of any channel above `rows` from the solid videos' colour. */
function offSolid(image: Image, rows: number): number {
  let off = 0;
  for (let i = 0; i < rows * image.width * 3; i++) off = Math.max(off, Math.abs((image.rgb[i] ?? 0) - (VIDEO_RGB[i % 3] ?? 0)));
  return off;
}

type Info = { outputPath: (name: string) => string; attach: (name: string, options: { path: string; contentType: string }) => Promise<void> };

/**
 * Checks the PNG as the host will, saves it through the real store, attaches it to the results,
 * and returns its pixels and the plain frame's, both decoded by ffmpeg.
 */
async function acceptAndDecode(shot: Snapshot, testInfo: Info, name: string): Promise<{ image: Image; frame: Image }> {
  expect(shot.type).toBe('image/png');
  expect(shot.pngBase64.startsWith('iVBORw0KGgo')).toBe(true); // base64 of the PNG signature, no data: prefix
  const request = snapshotRequestSchema.parse({ cameraId: 'bai-sau-thuy-van', takenAt: STAMP.takenAt, pngBase64: shot.pngBase64 });
  const store = createSnapshotStore({ dir: testInfo.outputPath(`snapshots-${name}`), log: createMemoryLogger(), now: () => new Date(STAMP.takenAt) });
  const saved = store.save(request);
  expect(saved.path).toMatch(/2026-11-24[\\/]140305_bai-sau-thuy-van\.png$/);
  const example = testInfo.outputPath(name);
  copyFileSync(saved.path, example);
  await testInfo.attach(name, { path: example, contentType: 'image/png' });
  return { image: await decode(readFileSync(saved.path)), frame: await decode(Buffer.from(shot.framePngBase64, 'base64')) };
}

/** Size, untouched frame above the band, and a dark band holding text that stays off the edges. */
function expectStamped({ image, frame }: { image: Image; frame: Image }, width: number, height: number): { top: number } {
  expect([image.width, image.height, image.rgb.length]).toEqual([width, height, width * height * 3]);
  const top = bandTop(image, frame);
  const bandShare = (height - top) / Math.min(height, (width * 9) / 16);
  expect(bandShare, 'band height against the 16:9 height of this width').toBeGreaterThan(0.08);
  expect(bandShare).toBeLessThan(0.2);
  const band = bandStats(image, top);
  expect(band.meanLuma).toBeLessThan(80);
  expect(band.textShare, 'share of text pixels in the band').toBeGreaterThan(0.01);
  expect(band.textShare).toBeLessThan(0.3);
  expect(band.textAtEdges, 'text pixels touching the left or right edge').toBe(0);
  expect(band.lastRowMax).toBeLessThan(TEXT_LUMA);
  return { top };
}

test.describe('camera snapshot image', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(origin);
    await page.waitForFunction(() => typeof window.IocSnapshot?.renderSnapshot === 'function');
  });

  for (const [file, width, height] of [['solid-360.webm', 640, 360], ['solid-720.webm', 1280, 720]] as const) {
    test(`${height}p: the frame at full size, with a stamp band along the bottom`, async ({ page }, testInfo) => {
      const shot = await snapshot(page, file);
      expect(shot.video).toEqual({ width, height });
      expect(shot.vietnameseWeights).toEqual(['500', '700']);
      const decoded = await acceptAndDecode(shot, testInfo, `snapshot-${height}p.png`);
      const { top } = expectStamped(decoded, width, height);
      // Above the band is the video's own colour (not a black or blank canvas).
      expect(top).toBeGreaterThan(height * 0.8);
      expect(offSolid(decoded.image, top)).toBeLessThanOrEqual(COLOUR_TOLERANCE);
    });
  }

  test('a busy frame, a portrait frame and a long name: the band fits across the frame', async ({ page }, testInfo) => {
    const long = { ...STAMP, cameraName: 'Ngã tư Giếng Nước – Quốc lộ 51 hướng Thành phố Hồ Chí Minh', district: 'Thị xã Phú Mỹ', wallName: 'Màn hình giao thông và an ninh trật tự' };
    const cases = [
      ['pattern-720.webm', 1280, 720, { ...STAMP, language: 'en' }, 'busy'],
      ['portrait-720x1280.webm', 720, 1280, STAMP, 'portrait'],
      ['solid-360.webm', 640, 360, long, 'long-name'],
    ] as const;
    for (const [file, width, height, stamp, name] of cases) {
      const shot = await snapshot(page, file, stamp);
      expectStamped(await acceptAndDecode(shot, testInfo, `snapshot-${name}-${width}x${height}.png`), width, height);
    }
  });

  test('the stamp says camera, district, Vietnam date and time, and where, in both languages', async ({ page }) => {
    const texts = await page.evaluate(() => {
      const at = (iso: string, language: 'vi' | 'en', more: object = {}) => window.IocSnapshot.stampText({ cameraName: 'Chợ Bà Rịa', takenAt: new Date(iso), language, ...more });
      return [
        at('2026-11-24T07:03:05Z', 'vi', { district: 'TP. Bà Rịa', wallName: 'Màn hình camera' }),
        // 17:30 UTC on New Year's Eve is already the next year in Vietnam.
        at('2026-12-31T17:30:00Z', 'en'),
        at('2026-11-24T07:03:05Z', 'vi', { district: '  ', wallName: '' }),
      ];
    });
    const expected: StampText[] = [
      { camera: 'Chợ Bà Rịa · TP. Bà Rịa', time: '24/11/2026 14:03:05 (GMT+7)', origin: 'IOC Bà Rịa – Vũng Tàu · Màn hình camera' },
      { camera: 'Chợ Bà Rịa', time: '01/01/2027 00:30:00 (GMT+7)', origin: 'IOC Bà Rịa – Vũng Tàu' },
      { camera: 'Chợ Bà Rịa', time: '24/11/2026 14:03:05 (GMT+7)', origin: 'IOC Bà Rịa – Vũng Tàu' },
    ];
    expect(texts).toEqual(expected);
  });

  test('a video with no frame yet is refused with a clear error', async ({ page }) => {
    const errors = await page.evaluate(async () => {
      const attempt = async (video: HTMLVideoElement) => {
        try {
          await window.IocSnapshot.renderSnapshot(video, { cameraName: 'Cảng Cái Mép', takenAt: new Date(), language: 'vi' });
          return 'no error';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      };
      const empty = document.createElement('video');
      const missing = document.createElement('video');
      missing.src = '/media/khong-co.webm';
      await new Promise((resolve) => missing.addEventListener('error', resolve, { once: true }));
      return [await attempt(empty), await attempt(missing)];
    });
    expect(errors).toEqual([
      'snapshot of Cảng Cái Mép: the camera has no frame yet (video 0×0, readyState 0)',
      'snapshot of Cảng Cái Mép: the camera has no frame yet (video 0×0, readyState 0)',
    ]);
  });
});

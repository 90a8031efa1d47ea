import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Short REAL HLS clips made by ffmpeg for tests that need a stream a browser decodes: testsrc (with
 * its burned-in timestamp) at 25 fps, a keyframe every second, cut into one-second MPEG-TS
 * segments, once per rendition, plus a JPEG still. Made once per machine under .cache/test-hls/
 * (git-ignored; the folder name changes with the recipe) and once per process in memory, so every
 * test file after the first pays nothing. Several processes may race to make them: each writes a
 * private folder and renames it into place, and the loser uses the winner's.
 */

export type TestRenditionName = 'sub' | 'main';

export interface TestRendition {
  name: TestRenditionName;
  width: number;
  height: number;
  /** RFC 6381 codec string, read from the clip's own SPS (profile, constraint flags, level). */
  codecs: string;
  /** Peak bits per second over the segments, for the multi-variant playlist's BANDWIDTH. */
  bandwidth: number;
  segments: Array<{ duration: number; data: Buffer }>;
}

export interface TestClips {
  dir: string;
  renditions: Record<TestRenditionName, TestRendition>;
  still: Buffer;
}

const ROOT = join(__dirname, '..', '..');
const FPS = 25;
const SECONDS = 6;
const RECIPE: ReadonlyArray<{ name: TestRenditionName; width: number; height: number; level: string; kbps: number }> = [
  { name: 'sub', width: 640, height: 360, level: '3.0', kbps: 400 },
  { name: 'main', width: 1280, height: 720, level: '3.1', kbps: 800 },
];
// Bump when the recipe changes, so a stale cache is never used.
const VERSION = 'v1';
const CACHE_DIR = join(ROOT, '.cache', 'test-hls', `${VERSION}-${SECONDS}s-${RECIPE.map((r) => `${r.name}${r.width}x${r.height}`).join('-')}`);
const DONE_FILE = 'done.json';

const execFileAsync = promisify(execFile);

function ffmpeg(args: string[]): Promise<unknown> {
  return execFileAsync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args]).catch((error: unknown) => {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`ffmpeg ${args.join(' ')} failed (is ffmpeg installed?): ${stderr || String(error)}`);
  });
}

async function makeRendition(dir: string, recipe: (typeof RECIPE)[number]): Promise<void> {
  const out = join(dir, recipe.name);
  mkdirSync(out, { recursive: true });
  await ffmpeg([
    '-f', 'lavfi', '-i', `testsrc=size=${recipe.width}x${recipe.height}:rate=${FPS}`,
    '-t', String(SECONDS), '-an',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'baseline', '-level', recipe.level, '-pix_fmt', 'yuv420p',
    '-g', String(FPS), '-keyint_min', String(FPS), '-sc_threshold', '0',
    '-b:v', `${recipe.kbps}k`, '-maxrate', `${Math.round(recipe.kbps * 1.5)}k`, '-bufsize', `${Math.round(recipe.kbps * 1.5)}k`,
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '-hls_segment_filename', join(out, 'clip-%d.ts'), join(out, 'clip.m3u8'),
  ]);
}

async function generate(): Promise<void> {
  const work = `${CACHE_DIR}.tmp-${process.pid}-${Date.now()}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    await Promise.all([
      ...RECIPE.map((recipe) => makeRendition(work, recipe)),
      ffmpeg(['-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=1', '-frames:v', '1', '-q:v', '4', join(work, 'still.jpg')]),
    ]);
    writeFileSync(join(work, DONE_FILE), JSON.stringify({ madeAt: new Date().toISOString() }));
    try {
      renameSync(work, CACHE_DIR);
    } catch (error) {
      // Another process finished first (the target exists and is not empty): use theirs.
      if (!existsSync(join(CACHE_DIR, DONE_FILE))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The segments an ffmpeg VOD playlist lists, in order, with their durations. */
function readPlaylist(dir: string): Array<{ duration: number; file: string }> {
  const lines = readFileSync(join(dir, 'clip.m3u8'), 'utf8').split('\n').map((l) => l.trim());
  const segments: Array<{ duration: number; file: string }> = [];
  lines.forEach((line, i) => {
    const match = /^#EXTINF:([0-9.]+),/.exec(line);
    const file = lines[i + 1];
    if (match?.[1] && file) segments.push({ duration: Number(match[1]), file });
  });
  if (segments.length === 0) throw new Error(`no segments in ${join(dir, 'clip.m3u8')}`);
  return segments;
}

/** "avc1.PPCCLL" from the first SPS NAL unit (00 00 01 67, then profile, constraints, level). */
export function avcCodecString(ts: Buffer): string {
  for (let i = ts.indexOf(Buffer.from([0, 0, 1])); i >= 0 && i + 6 < ts.length; i = ts.indexOf(Buffer.from([0, 0, 1]), i + 1)) {
    if (((ts[i + 3] ?? 0) & 0x1f) === 7) {
      return `avc1.${[ts[i + 4], ts[i + 5], ts[i + 6]].map((b) => (b ?? 0).toString(16).padStart(2, '0')).join('')}`;
    }
  }
  throw new Error('no H.264 SPS in the segment');
}

function load(): TestClips {
  const entries = RECIPE.map((recipe): [TestRenditionName, TestRendition] => {
    const dir = join(CACHE_DIR, recipe.name);
    const segments = readPlaylist(dir).map(({ duration, file }) => ({ duration, data: readFileSync(join(dir, file)) }));
    const bandwidth = Math.ceil(Math.max(...segments.map((s) => (s.data.length * 8) / s.duration)));
    const codecs = avcCodecString(segments[0]?.data ?? Buffer.alloc(0));
    return [recipe.name, { name: recipe.name, width: recipe.width, height: recipe.height, codecs, bandwidth, segments }];
  });
  return { dir: CACHE_DIR, renditions: Object.fromEntries(entries) as Record<TestRenditionName, TestRendition>, still: readFileSync(join(CACHE_DIR, 'still.jpg')) };
}

let cached: Promise<TestClips> | undefined;

/** The clips, made on first use (about a second on two cores) and then read from the cache. */
export function testHlsClips(): Promise<TestClips> {
  cached ??= (async () => {
    if (!existsSync(join(CACHE_DIR, DONE_FILE))) await generate();
    return load();
  })();
  // A failed attempt is not remembered, so a later caller gets a fresh try and the real error.
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

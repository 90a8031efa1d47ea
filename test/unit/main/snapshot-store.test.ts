import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { createSnapshotStore, inspectPng } from '../../../src-main/snapshots/snapshot-store';

let work: string;
let png: Buffer;
let jpeg: Buffer;

/** Real images from ffmpeg's encoders, so the check is tested against what a real encoder writes. */
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ioc-snapshot-'));
  const ffmpeg = (out: string): Buffer => {
    execFileSync('ffmpeg', ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180', '-frames:v', '1', join(work, out)]);
    return readFileSync(join(work, out));
  };
  png = ffmpeg('frame.png');
  jpeg = ffmpeg('frame.jpg');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function newStore(now = new Date('2026-11-24T07:03:05Z')) {
  const dir = mkdtempSync(join(work, 'snapshots-'));
  const log = createMemoryLogger();
  return { dir, log, store: createSnapshotStore({ dir, log, now: () => now }) };
}

/** Every file under `dir`, relative, temp files included: "nothing written" means this stays empty. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The PNG with a new IHDR width and height and a matching CRC, so only the size is wrong. */
function withSize(source: Buffer, size: { width?: number; height?: number }): Buffer {
  const copy = Buffer.from(source);
  if (size.width !== undefined) copy.writeUInt32BE(size.width, 16);
  if (size.height !== undefined) copy.writeUInt32BE(size.height, 20);
  copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
  return copy;
}
const withWidth = (source: Buffer, width: number): Buffer => withSize(source, { width });
const withHeight = (source: Buffer, height: number): Buffer => withSize(source, { height });

const request = (bytes: Buffer, takenAt = '2026-11-24T07:03:05.120Z', cameraId = 'bai-sau-thuy-van') => ({
  cameraId,
  takenAt,
  pngBase64: bytes.toString('base64'),
});

/** A PNG chunk with its length and CRC, to put together files a real encoder would not write. */
function chunk(type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('inspectPng', () => {
  it('checks the chunk structure: IHDR first and 13 bytes, image data present, IEND last', () => {
    const ihdr = png.subarray(8, 33);
    const idat = chunk('IDAT', Buffer.from([1, 2, 3]));
    const iend = chunk('IEND');
    expect(inspectPng(Buffer.concat([SIGNATURE, ihdr, idat, iend]))).toEqual({ width: 320, height: 180 });
    expect(() => inspectPng(Buffer.concat([SIGNATURE, ihdr, iend]))).toThrow('PNG has no image data (no IDAT chunk)');
    expect(() => inspectPng(Buffer.concat([SIGNATURE, idat, ihdr, iend]))).toThrow('not a PNG image (IHDR is not the first chunk)');
    expect(() => inspectPng(Buffer.concat([SIGNATURE, chunk('IHDR', png.subarray(16, 28)), idat, iend]))).toThrow('not a PNG image (IHDR is not the first chunk)');
    expect(() => inspectPng(Buffer.concat([SIGNATURE, ihdr, idat]))).toThrow('truncated PNG: IEND chunk missing');
    expect(() => inspectPng(Buffer.concat([SIGNATURE, ihdr, idat.subarray(0, 11)]))).toThrow('truncated PNG: chunk header cut off at byte 33');
    expect(() => inspectPng(Buffer.concat([SIGNATURE, ihdr, idat.subarray(0, 13)]))).toThrow('truncated PNG: IDAT chunk needs 3 bytes, only 1 left');
    expect(() => inspectPng(SIGNATURE.subarray(0, 7))).toThrow('not a PNG image (the PNG signature is missing)');
  });

  it('reads the size from a real PNG', () => {
    expect(inspectPng(png)).toEqual({ width: 320, height: 180 });
  });

  it('takes a frame of the largest size on either side, and not one pixel more on either', () => {
    // Width and height are checked apart: a limit on one side only would let the other through.
    expect(inspectPng(withSize(png, { width: 8192, height: 8192 }))).toEqual({ width: 8192, height: 8192 });
    expect(() => inspectPng(withWidth(png, 8193))).toThrow(/PNG is 8193×180, larger than a camera frame/);
    expect(() => inspectPng(withHeight(png, 8193))).toThrow(/PNG is 320×8193, larger than a camera frame/);
  });
});

describe('createSnapshotStore', () => {
  it('writes the PNG byte for byte under the Vietnam date and time, and logs one line', () => {
    const { dir, log, store } = newStore();
    const saved = store.save(request(png));
    expect(saved).toEqual({ path: join(dir, '2026-11-24', '140305_bai-sau-thuy-van.png'), bytes: png.length });
    expect(readFileSync(saved.path).equals(png)).toBe(true);
    expect(filesUnder(dir)).toEqual([join('2026-11-24', '140305_bai-sau-thuy-van.png')]);
    expect(log.lines).toEqual([`info [test] snapshot of bai-sau-thuy-van saved: ${saved.path} (${png.length} bytes, 320×180)`]);
  });

  it('files a frame taken before midnight UTC under the next day, as Vietnam counts it', () => {
    const { dir, store } = newStore(new Date('2026-12-31T23:59:58Z'));
    // 23:59:58 on 31 Dec in UTC is 06:59:58 on 1 Jan in Vietnam (UTC+7), given either way.
    expect(store.save(request(png, '2026-12-31T23:59:58Z')).path).toBe(join(dir, '2027-01-01', '065958_bai-sau-thuy-van.png'));
    expect(store.save(request(png, '2027-01-01T06:59:58+07:00')).path).toBe(join(dir, '2027-01-01', '065958_bai-sau-thuy-van-2.png'));
    // And 16:59:59 UTC is still the same Vietnam day, 17:00 UTC the next.
    expect(store.save(request(png, '2027-01-01T16:59:59Z')).path).toBe(join(dir, '2027-01-01', '235959_bai-sau-thuy-van.png'));
    expect(store.save(request(png, '2027-01-01T17:00:00Z')).path).toBe(join(dir, '2027-01-02', '000000_bai-sau-thuy-van.png'));
  });

  it('never overwrites: three snapshots in the same second get -2 and -3', () => {
    const { dir, store } = newStore();
    const paths = [1, 2, 3].map(() => store.save(request(png)).path);
    expect(paths.map((p) => relative(dir, p))).toEqual([
      join('2026-11-24', '140305_bai-sau-thuy-van.png'),
      join('2026-11-24', '140305_bai-sau-thuy-van-2.png'),
      join('2026-11-24', '140305_bai-sau-thuy-van-3.png'),
    ]);
    for (const path of paths) expect(readFileSync(path).equals(png)).toBe(true);
    expect(filesUnder(dir)).toHaveLength(3); // no temp file left behind
    // Another camera in the same second has its own name.
    expect(relative(dir, store.save(request(png, undefined, 'cang-cai-mep')).path)).toBe(join('2026-11-24', '140305_cang-cai-mep.png'));
  });

  it('goes up to -999, then gives up rather than overwrite, leaving every file and no temp file', () => {
    const { dir, store } = newStore();
    const first = store.save(request(png)).path;
    for (let n = 2; n <= 998; n += 1) copyFileSync(first, first.replace(/\.png$/, `-${n}.png`));
    expect(store.save(request(png)).path).toBe(first.replace(/\.png$/, '-999.png'));
    expect(() => store.save(request(png))).toThrow(/not saved in .*: more than 999 snapshots named 140305_bai-sau-thuy-van/);
    expect(filesUnder(dir)).toHaveLength(999);
  });

  const refused: Array<[string, () => Buffer, RegExp]> = [
    ['a JPEG', () => jpeg, /not a PNG image \(the PNG signature is missing\)/],
    ['text', () => Buffer.from('hello, this is not an image at all'), /not a PNG image/],
    ['the signature alone', () => png.subarray(0, 8), /truncated PNG: IHDR chunk missing/],
    ['a PNG cut in half', () => png.subarray(0, Math.floor(png.length / 2)), /truncated PNG: IDAT chunk needs \d+ bytes/],
    ['a PNG without its last byte', () => png.subarray(0, png.length - 1), /truncated PNG/],
    ['a PNG 9000 pixels wide', () => withWidth(png, 9000), /PNG is 9000×180, larger than a camera frame \(max 8192 per side\)/],
    ['a PNG 0 pixels wide', () => withWidth(png, 0), /PNG has an empty size \(0×180\)/],
    ['a PNG 9000 pixels tall', () => withHeight(png, 9000), /PNG is 320×9000, larger than a camera frame \(max 8192 per side\)/],
    ['a PNG 0 pixels high', () => withHeight(png, 0), /PNG has an empty size \(320×0\)/],
    ['a PNG with a flipped bit', () => Buffer.from(png).fill(0x55, 60, 61), /corrupt PNG: bad checksum/],
    ['a PNG with a trailer', () => Buffer.concat([png, Buffer.from('extra')]), /data after IEND/],
  ];
  it.each(refused)('refuses %s with a clear message and writes nothing', (_name, bytes, message) => {
    const { dir, log, store } = newStore();
    expect(() => store.save(request(bytes()))).toThrow(message);
    expect(() => store.save(request(bytes()))).toThrow(/^snapshot of bai-sau-thuy-van refused: /);
    expect(filesUnder(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]); // not even the day folder
    expect(log.lines).toEqual([]);
  });

  it('refuses a camera id that could leave the folder, before writing anything', () => {
    const { dir, store } = newStore();
    expect(() => store.save(request(png, undefined, '../../etc/x'))).toThrow(/camera id "..\/..\/etc\/x" is not a valid id/);
    expect(() => store.save(request(png, 'yesterday'))).toThrow(/takenAt "yesterday" is not a time/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the file after takenAt even when the renderer clock is off, and says so in the log', () => {
    const { dir, log, store } = newStore(new Date('2026-11-24T07:13:05Z'));
    const saved = store.save(request(png));
    expect(relative(dir, saved.path)).toBe(join('2026-11-24', '140305_bai-sau-thuy-van.png'));
    expect(log.lines[0]).toMatch(/^warn .*takenAt 2026-11-24T07:03:05.120Z is -600 s off the host clock/);
    expect(log.lines[1]).toMatch(/^info .*saved/);
  });

  it('reports a folder it cannot write to, and leaves no temp file', () => {
    const { dir, store } = newStore();
    const blocked = createSnapshotStore({ dir: join(dir, 'file.png', 'snapshots'), log: createMemoryLogger() });
    store.save(request(png)); // a file where the blocked store wants a folder
    copyFileSync(join(dir, '2026-11-24', '140305_bai-sau-thuy-van.png'), join(dir, 'file.png'));
    expect(() => blocked.save(request(png))).toThrow(/^snapshot of bai-sau-thuy-van not saved in .*file\.png.*: ENOTDIR/);
    expect(filesUnder(dir)).toEqual([join('2026-11-24', '140305_bai-sau-thuy-van.png'), 'file.png']);
  });
});

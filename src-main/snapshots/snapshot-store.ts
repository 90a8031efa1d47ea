import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { idSchema } from '../../src-shared/domain';
import type { SnapshotRequest, SnapshotSaved } from '../../src-shared/ipc';
import { errorMessage, type Logger } from '../../src-shared/node/log';

/**
 * Saves camera snapshots (stamped PNGs from the renderer) for the operators' briefing minutes.
 * Files go to `<dir>/<YYYY-MM-DD>/<HHmmss>_<cameraId>.png` in Vietnam time, so a folder is one
 * working day at the centre whatever the wall PC's own time zone. Nothing is ever overwritten.
 */

/** Vietnam time, as on the wall (the renderer's DISPLAY_TIME_ZONE); the node side cannot import it. */
const SNAPSHOT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Wider or taller than this is no camera frame (8K is 7680), and would only cost memory downstream. */
export const SNAPSHOT_MAX_SIDE = 8192;
/** A renderer clock this far from the host's is worth a line in the log: file names follow the renderer. */
const CLOCK_SKEW_WARN_MS = 2 * 60_000;
/** `-2` … `-999`: past that something is looping, not an operator pressing a key. */
const MAX_NAME_SUFFIX = 999;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface SnapshotStoreOptions {
  /** The snapshots folder, `<userDataDir>/snapshots`; created on first save. */
  dir: string;
  log: Logger;
  /** The host clock, only to notice a renderer whose clock is off. */
  now?: () => Date;
}

export interface SnapshotStore {
  readonly dir: string;
  /** Checks the PNG and writes it; throws an Error saying why when it refuses, with nothing written. */
  save(request: SnapshotRequest): SnapshotSaved;
}

export interface PngInfo {
  width: number;
  height: number;
}

/**
 * Reads width and height from a PNG after checking it is a whole one: the signature, IHDR first,
 * every chunk's length and CRC, and IEND at the very end, so a truncated upload is refused too.
 */
export function inspectPng(bytes: Buffer): PngInfo {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG image (the PNG signature is missing)');
  }
  let info: PngInfo | undefined;
  let sawImageData = false;
  let offset = PNG_SIGNATURE.length;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Error(`truncated PNG: chunk header cut off at byte ${offset}`);
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new Error(`truncated PNG: ${type} chunk needs ${length} bytes, only ${bytes.length - offset - 12} left`);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`corrupt PNG: bad checksum on the ${type} chunk`);
    if (info === undefined) {
      if (type !== 'IHDR' || length !== 13) throw new Error('not a PNG image (IHDR is not the first chunk)');
      info = { width: bytes.readUInt32BE(offset + 8), height: bytes.readUInt32BE(offset + 12) };
      if (info.width === 0 || info.height === 0) throw new Error(`PNG has an empty size (${info.width}×${info.height})`);
      if (info.width > SNAPSHOT_MAX_SIDE || info.height > SNAPSHOT_MAX_SIDE) {
        throw new Error(`PNG is ${info.width}×${info.height}, larger than a camera frame (max ${SNAPSHOT_MAX_SIDE} per side)`);
      }
    } else if (type === 'IDAT') {
      sawImageData = true;
    } else if (type === 'IEND') {
      if (end !== bytes.length) throw new Error('not a PNG image (data after IEND)');
      if (!sawImageData) throw new Error('PNG has no image data (no IDAT chunk)');
      return info;
    }
    offset = end;
  }
  throw new Error(info ? 'truncated PNG: IEND chunk missing' : 'truncated PNG: IHDR chunk missing');
}

const nameParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: SNAPSHOT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `{ day: '2026-11-24', time: '140305' }` in Vietnam time. */
export function snapshotTimeParts(at: Date): { day: string; time: string } {
  const parts = nameParts.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { day: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}${part('minute')}${part('second')}` };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Cleanup after a failure must not hide the failure itself. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the original error says what went wrong
  }
}

function writeDurably(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Gives the finished temp file its name without ever replacing a file: a hard link fails when the
 * name exists (atomic, even against another process), then the temp name goes. Filesystems without
 * hard links get rename after an existence check.
 */
function publish(tmp: string, folder: string, base: string): string {
  for (let n = 1; n <= MAX_NAME_SUFFIX; n++) {
    const target = join(folder, n === 1 ? `${base}.png` : `${base}-${n}.png`);
    try {
      linkSync(tmp, target);
      rmSync(tmp, { force: true });
      return target;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
      if (existsSync(target)) continue;
      renameSync(tmp, target);
      return target;
    }
  }
  throw new Error(`more than ${MAX_NAME_SUFFIX} snapshots named ${base} in ${folder}`);
}

export function createSnapshotStore({ dir, log, now = () => new Date() }: SnapshotStoreOptions): SnapshotStore {
  return {
    dir,
    save(request) {
      if (!idSchema.safeParse(request.cameraId).success) throw new Error(`snapshot refused: camera id ${JSON.stringify(request.cameraId).slice(0, 80)} is not a valid id`);
      const takenAt = new Date(request.takenAt);
      if (Number.isNaN(takenAt.getTime())) throw new Error(`snapshot refused: takenAt ${JSON.stringify(request.takenAt).slice(0, 40)} is not a time`);
      const bytes = Buffer.from(request.pngBase64, 'base64');
      let png: PngInfo;
      try {
        png = inspectPng(bytes);
      } catch (error) {
        throw new Error(`snapshot of ${request.cameraId} refused: ${errorMessage(error)}`);
      }

      const skew = takenAt.getTime() - now().getTime();
      if (Math.abs(skew) > CLOCK_SKEW_WARN_MS) {
        log.warn(`snapshot of ${request.cameraId}: takenAt ${request.takenAt} is ${Math.round(skew / 1000)} s off the host clock; the file is named after takenAt`);
      }

      const { day, time } = snapshotTimeParts(takenAt);
      const folder = join(dir, day);
      const tmp = join(folder, `.${time}_${request.cameraId}.${process.pid}.${Date.now()}.tmp`);
      let path: string;
      try {
        mkdirSync(folder, { recursive: true });
        writeDurably(tmp, bytes);
        path = publish(tmp, folder, `${time}_${request.cameraId}`);
      } catch (error) {
        removeQuietly(tmp);
        throw new Error(`snapshot of ${request.cameraId} not saved in ${folder}: ${errorMessage(error)}`);
      }
      log.info(`snapshot of ${request.cameraId} saved: ${path} (${bytes.length} bytes, ${png.width}×${png.height})`);
      return { path, bytes: bytes.length };
    },
  };
}

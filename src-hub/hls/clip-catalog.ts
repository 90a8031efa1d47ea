import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { geoPointSchema } from '../../src-shared/domain';
import { errorMessage } from '../../src-shared/node/log';

/**
 * The demo cameras' clips, as listed in assets/cameras/cameras.json by scripts/make-demo-clips.sh.
 * Parsed once at hub start so a bad or hand-edited file fails loudly with the field at fault,
 * instead of as a 404 on a wall hours later.
 */

export const RENDITIONS = ['sub', 'main'] as const;
export type RenditionName = (typeof RENDITIONS)[number];

/** Relative to assets/cameras; no "..", no absolute paths, so a catalog entry can never leave the folder. */
const clipFileSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}\/(sub|main)\/[A-Za-z0-9_-]{1,64}\.ts$/, 'a path like "<camera>/<sub|main>/clip-0.ts"');

/** Relative to assets/cameras, like a clip file: the camera's one still. */
const stillFileSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}\/still\.jpg$/, 'a path like "<camera>/still.jpg"');

const clipSegmentSchema = z.object({
  file: clipFileSchema,
  /** Seconds, as ffprobe measured it. */
  duration: z.number().positive().max(30),
});

const clipRenditionSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Frames per second, for FRAME-RATE in the multi-variant playlist. */
  frameRate: z.number().positive().max(240).optional(),
  /**
   * RFC 6381 codec string read from the clip's SPS by make-demo-clips.sh, e.g. "avc1.4d401f" (Main,
   * level 3.1), for CODECS in the multi-variant playlist; players check it before fetching anything.
   */
  codecs: z
    .string()
    .regex(/^avc1\.[0-9a-f]{6}$/, 'an H.264 codec string like "avc1.4d401f"')
    .optional(),
  segments: z.array(clipSegmentSchema).min(1).max(1000),
});

const clipCameraSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and - (max 64)'),
    name: z.string().min(1).max(120),
    district: z.string().max(80).optional(),
    location: geoPointSchema.optional(),
    /** A JPEG of the sub rendition's first frame, for walls to show before the video plays. */
    still: stillFileSchema.optional(),
    renditions: z.object({ sub: clipRenditionSchema, main: clipRenditionSchema }),
  })
  .superRefine((camera, ctx) => {
    if (camera.still !== undefined && camera.still !== `${camera.id}/still.jpg`) {
      ctx.addIssue({ code: 'custom', path: ['still'], message: `must be "${camera.id}/still.jpg"` });
    }
    for (const rendition of RENDITIONS) {
      camera.renditions[rendition].segments.forEach((segment, i) => {
        if (!segment.file.startsWith(`${camera.id}/${rendition}/`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['renditions', rendition, 'segments', i, 'file'],
            message: `must be under "${camera.id}/${rendition}/"`,
          });
        }
      });
    }
  });

const clipCatalogSchema = z
  .array(clipCameraSchema)
  .min(1)
  .superRefine((cameras, ctx) => {
    const seen = new Set<string>();
    cameras.forEach((camera, i) => {
      if (seen.has(camera.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate camera id "${camera.id}"` });
      seen.add(camera.id);
    });
  });

export type ClipSegment = z.infer<typeof clipSegmentSchema>;
export type ClipRendition = z.infer<typeof clipRenditionSchema>;
export type ClipCamera = z.infer<typeof clipCameraSchema>;

/** The folder under the assets dir that holds cameras.json and the clip files it names. */
export function clipsDir(assetsDir: string): string {
  return join(assetsDir, 'cameras');
}

/** `[2].renditions.sub.segments[0].duration`, the way a person would look the field up in the file. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  const text = path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  return text.startsWith('.') ? text.slice(1) : text || '(root)';
}

/** Parses catalog JSON; throws one error naming the file and every field at fault. */
export function parseClipCatalog(raw: unknown, source: string): ClipCamera[] {
  const result = clipCatalogSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`${source} is invalid: ${problems.join('; ')}`);
}

/** Reads and validates `<assetsDir>/cameras/cameras.json`. */
export function loadClipCatalog(assetsDir: string): ClipCamera[] {
  const file = join(clipsDir(assetsDir), 'cameras.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${errorMessage(error)} (run npm run make:clips)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${errorMessage(error)}`);
  }
  return parseClipCatalog(raw, file);
}

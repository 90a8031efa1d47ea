import { z } from 'zod';
import { idSchema } from './domain';

/** A PNG is about 1–3 MB at 1080p; base64 adds a third. Anything bigger is not a snapshot. */
export const SNAPSHOT_MAX_BASE64_CHARS = 16 * 1024 * 1024;

/** A camera snapshot a wall window took of its own tile, for the host to save. */
export const snapshotRequestSchema = z.object({
  cameraId: idSchema,
  /** When the frame was shown (ISO-8601), which names the file. */
  takenAt: z.iso.datetime({ offset: true }),
  /** The stamped image, PNG, base64 without a data: prefix. */
  pngBase64: z.string().min(8).max(SNAPSHOT_MAX_BASE64_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type SnapshotRequest = z.infer<typeof snapshotRequestSchema>;

export const snapshotSavedSchema = z.object({
  /** Where the host wrote it, for the operator to find for the briefing minutes. */
  path: z.string(),
  bytes: z.number().int().min(1),
});
export type SnapshotSaved = z.infer<typeof snapshotSavedSchema>;

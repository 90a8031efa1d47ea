import { z } from 'zod';
import { BOOT_CAMERAS_MAX, CAMERA_DECODE_BUDGET_MAX, GRID_MAX, type WallBootCameras } from './wall-boot';

const httpUrl = z.url({ protocol: /^https?$/ });
const gridCount = z.number().int().min(1).max(GRID_MAX);

const cameraSourceSchema = z.object({
  cameraId: z.string().min(1).max(64),
  subUrl: httpUrl,
  mainUrl: httpUrl.optional(),
  stillUrl: httpUrl.optional(),
  online: z.boolean(),
});

/** The camera part of the boot answer: what wall-boot.ts's `readBootCameras` checks by hand, before zod has loaded. */
export const wallBootCamerasSchema = z.object({
  decodeBudget: z.number().int().min(1).max(CAMERA_DECODE_BUDGET_MAX).nullable(),
  grid: z.object({ cols: gridCount, rows: gridCount }),
  cameras: z
    .array(
      z.object({
        tileKey: z.string().min(1).max(64),
        source: cameraSourceSchema,
        terms: z.object({ order: z.number().int().min(-1).max(BOOT_CAMERAS_MAX), visible: z.boolean() }),
        area: z.object({ col: gridCount, row: gridCount, colSpan: gridCount, rowSpan: gridCount }).nullable(),
      }),
    )
    .max(BOOT_CAMERAS_MAX),
});

// Compile-time check: the hand-written types and this schema describe the same value.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const camerasAgree: Same<z.infer<typeof wallBootCamerasSchema>, WallBootCameras> = true;
void camerasAgree;

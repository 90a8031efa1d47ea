import { CAMERA_MAIN_STREAM_SCALE } from '../../constants';

/** The sub stream's height when not known yet: the demo's and most cameras' 360p. */
const ASSUMED_SUB_HEIGHT = 360;

/**
 * Whether a tile is big enough to be worth the main stream: its height in device pixels well above
 * what the sub stream delivers. The margin between switching up and back keeps a tile near the
 * threshold from flapping between streams as the window is resized.
 */
export function wantsMainStream(tileHeightCssPx: number, devicePixelRatio: number, subHeight: number, current: boolean): boolean {
  const needed = (subHeight > 0 ? subHeight : ASSUMED_SUB_HEIGHT) * CAMERA_MAIN_STREAM_SCALE;
  const height = tileHeightCssPx * (devicePixelRatio > 0 ? devicePixelRatio : 1);
  return current ? height >= needed * 0.8 : height >= needed;
}

/**
 * The still's pixels: the frame's aspect at the slot's height in device pixels, never more than the
 * frame itself; the whole frame before the slot's height is known.
 */
export function stillSize(videoWidth: number, videoHeight: number, slotDevicePx: number): { width: number; height: number } {
  if (!(slotDevicePx > 0) || slotDevicePx >= videoHeight) return { width: videoWidth, height: videoHeight };
  const height = Math.max(1, Math.round(slotDevicePx));
  return { width: Math.max(1, Math.round((videoWidth * height) / videoHeight)), height };
}

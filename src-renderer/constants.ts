/**
 * Every threshold and timing of the renderer in one place, so "how old is too old" is one
 * decision operators can review, not numbers scattered across tiles.
 */

/** A KPI value older than this turns its tile amber: departments push every few seconds. */
export const KPI_STALE_WARN_MS = 30_000;
/** A KPI value older than this turns its tile red: the feed has almost certainly stopped. */
export const KPI_STALE_CRITICAL_MS = 120_000;

/** A camera with no new frame for this long is shown as stalled. */
export const CAMERA_STALL_MS = 5_000;
/** First retry delay after a fatal network error; doubles per attempt. */
export const CAMERA_RETRY_BASE_MS = 1_000;
/** Longest wait between retries, so a camera that comes back is picked up within half a minute. */
export const CAMERA_RETRY_MAX_MS = 30_000;
/** hls.recoverMediaError() at most once per this window; a second media error reloads instead. */
export const CAMERA_MEDIA_RECOVERY_WINDOW_MS = 10_000;

/** How long an invoke over the browser bridge may take before it counts as failed. */
export const BRIDGE_INVOKE_TIMEOUT_MS = 10_000;

/** How often age labels and the clock repaint. */
export const CLOCK_TICK_MS = 1_000;

/** The wall shows local Vietnam time whatever the kiosk machine's time zone is set to. */
export const DISPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A stall (or a first frame that never comes) this long will not clear by itself: reload the stream. */
export const CAMERA_STALL_RELOAD_MS = 20_000;

/**
 * Every threshold and timing of the renderer in one place, so "how old is too old" is one
 * decision operators can review, not numbers scattered across tiles.
 */

/*
 * When data counts as stale is per topic (hub-topics.ts defaults, the config's staleAfterSeconds,
 * a KPI definition's own): see format/age.ts. Past that threshold a tile turns amber with a
 * "dữ liệu cũ" mark; past this many times it, red, since the source has most likely stopped.
 */
export const STALE_CRITICAL_FACTOR = 3;

/** Rows the alert ticker renders at most; a wall tile shows fewer, the rest would only cost renders. */
export const TICKER_MAX_ROWS = 30;

/** After a gap in the hub sequence, the renderer refetches `hub:state` at most this often. */
export const GAP_RESYNC_INTERVAL_MS = 5_000;

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

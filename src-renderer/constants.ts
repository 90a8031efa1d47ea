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
/** Longest wait between reloads after fatal errors; an unreachable playlist is probed instead (below). */
export const CAMERA_RETRY_MAX_MS = 8_000;
/**
 * While a camera's playlist is unreachable, a plain GET of it every 1 s, 2 s, then 3 s: a few hundred
 * bytes per probe, and a stream that returns plays again within about 4 s instead of on a long backoff.
 */
export const CAMERA_PROBE_BASE_MS = 1_000;
export const CAMERA_PROBE_MAX_MS = 3_000;
/** A released player waits this long for a tile to take it (layout change, tour) before it is torn down. */
export const CAMERA_PARK_GRACE_MS = 1_500;
/** A tour starts its next camera this long before switching, so the switch shows a live picture. */
export const CAMERA_TOUR_WARM_UP_MS = 2_500;
/**
 * A player started before its tile mounted waits this long for the tile (prestart.ts): longer than
 * a wall's boot waits for its first frames (below) plus the app's loading on a busy machine.
 */
export const CAMERA_PRESTART_HOLD_MS = 10_000;
/**
 * The longest a wall's first script waits for its cameras' first frames before it loads the app
 * (wall/boot-cameras.ts): a camera that does not answer must not hold the rest of the wall back.
 */
export const CAMERA_BOOT_FIRST_FRAMES_WAIT_MS = 3_000;
/** A camera still loading after this long shows the hub's still until its first frame (camera-player.ts). */
export const CAMERA_POSTER_DELAY_MS = 2_000;
/** Sub-stream decodes per CPU core when the config sets no budget; 2 cores measured 25 tiles at 0.3 % dropped. */
export const CAMERA_DECODES_PER_CORE = 14;
/** Never fewer than this by default: a 4×4 wall must play on any machine we would install. */
export const CAMERA_MIN_DEFAULT_BUDGET = 16;
/** A main (full-resolution) stream costs this many sub streams of the decode budget. */
export const CAMERA_MAIN_STREAM_COST = 4;
/** A tile this many times taller (device pixels) than its sub stream switches to the main stream. */
export const CAMERA_MAIN_STREAM_SCALE = 1.5;
/** Time for the main stream's first frame before an enlarged tile gives up and stays on the sub stream. */
export const CAMERA_MAIN_SWITCH_TIMEOUT_MS = 10_000;
/** hls.recoverMediaError() at most once per this window; a second media error reloads instead. */
export const CAMERA_MEDIA_RECOVERY_WINDOW_MS = 10_000;

/** How long an invoke over the browser bridge may take before it counts as failed. */
export const BRIDGE_INVOKE_TIMEOUT_MS = 10_000;

/** How often age labels and the clock repaint. */
export const CLOCK_TICK_MS = 1_000;

/** The wall shows local Vietnam time whatever the kiosk machine's time zone is set to. */
export const DISPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A stall (or a first frame that never comes) this long will not clear by itself: reload the stream. */
export const CAMERA_STALL_RELOAD_MS = 10_000;

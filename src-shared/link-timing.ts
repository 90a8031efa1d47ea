/**
 * How fast the wall's two links (hub → wall host, wall host → browser-mode page) notice a loss and
 * a return. The wall must say within 3 s that a link is down, and stop saying so within 3 s of its
 * return (issue 12).
 *
 * A process that stops closes its sockets and is noticed at once. A link lost silently (a cable, a
 * frozen process, a switch that drops packets) shows only as missing heartbeats: the server pings
 * every LINK_PING_INTERVAL_MS, and the receiving side counts the link silent once no ping came for
 * LINK_SILENT_FACTOR times the interval it measured (link-silence.ts): 1.5–2.7 s after the loss
 * on a link pinged every second. A side that falls that far behind on its pings is reported too. It only
 * says so; the socket itself is dropped much later (LINK_PING_TIMEOUT_MS), so a page or host whose
 * main thread was busy for two seconds does not lose its connection, nor anything in flight on it.
 */
export const LINK_PING_INTERVAL_MS = 1_000;
/** socket.io drops a hub link after this without an answer to its ping (the client: interval + this). */
export const LINK_PING_TIMEOUT_MS = 10_000;
/**
 * The same for a browser-mode page's link to its host, kept well past the host's heartbeat timeout
 * (HEARTBEAT_TIMEOUT_MS, 20 s): a page whose script hangs must keep its socket long enough for the
 * host's heartbeat watch to tell it hung rather than left (shell/heartbeat-watch.ts), and to say
 * so on the console. 45 s, as socket.io's own default (25 s interval + 20 s timeout) had it.
 */
export const PAGE_PING_TIMEOUT_MS = 45_000;

/** A link is silent once no ping came for this many times the ping interval measured on it… */
export const LINK_SILENT_FACTOR = 2.5;
/** …and never sooner than this. */
export const LINK_SILENT_MIN_MS = 2_000;
/** How often the silence is looked at. */
export const LINK_SILENCE_CHECK_MS = 200;

/**
 * Retries after a drop: the first soon, then at most this far apart (socket.io's ±50 % jitter is
 * kept under it), so a link that returns is found within a second, not after socket.io's default
 * backoff of up to 5 s. A refused connection to a server that is down costs next to nothing; a
 * page retries its own host twice as often as a host its hub, which may have hundreds of walls.
 */
export const LINK_RECONNECT_DELAY_MS = 500;
export const LINK_RECONNECT_DELAY_MAX_MS = 1_000;
export const PAGE_RECONNECT_DELAY_MAX_MS = 500;

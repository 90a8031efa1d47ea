import { LINK_SILENCE_CHECK_MS, LINK_SILENT_FACTOR, LINK_SILENT_MIN_MS } from './link-timing';

/**
 * Notices a link that has gone quiet while its socket is still open: a server that froze, a cable
 * pulled, packets dropped. The server pings at a steady interval; this learns the interval from the
 * pings themselves (so a hub with socket.io's default 25 s pings is not called silent every few
 * seconds) and calls the link silent once no ping came for LINK_SILENT_FACTOR times it.
 *
 * Its own side may be the slow one: a page busy rendering, a host busy writing. A check that runs
 * later than planned means this side was stalled for that long, with the pings perhaps queued right
 * behind it: that time is not counted as silence. And a busy side handles each ping late, which
 * stretches the steps between them by its own lag (the server pings again a fixed time after each
 * answer): the lag the checks measure is taken off the steps, so the interval learned is the
 * server's, not this side's load. Pure: the caller gives it the clock and the timer.
 */

export interface SilenceWatchOptions {
  now(): number;
  /** Runs `check` every `ms`; returns the stop function. */
  every(check: () => void, ms: number): () => void;
  /** No ping for too long on an open link. */
  onSilent(): void;
  /** A ping again after `onSilent`. */
  onHeard(): void;
}

export interface SilenceWatch {
  /** A ping arrived. */
  ping(): void;
  /** A connection opened: it counts as heard. The interval learned before is kept. */
  connected(): void;
  /** The connection closed: silence means nothing until the next one (the close is news enough). */
  disconnected(): void;
  readonly silent: boolean;
  stop(): void;
}

/**
 * Steps between pings remembered; their median is the interval judged by, so one long step (this
 * side stalled, the pings queued behind) neither shortens nor stretches it.
 */
const STEPS_KEPT = 5;

/** How much of each check's lateness goes into the lag estimate. */
const LAG_WEIGHT = 0.3;

/** How long without a ping counts as silent, for a link pinged every `intervalMs`. */
export function silentAfterMs(intervalMs: number): number {
  return Math.max(LINK_SILENT_MIN_MS, intervalMs * LINK_SILENT_FACTOR);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function createSilenceWatch(options: SilenceWatchOptions): SilenceWatch {
  const { now } = options;
  let open = false;
  let silent = false;
  let lastPing: number | null = null;
  const steps: number[] = [];
  let due = now() + LINK_SILENCE_CHECK_MS;
  /** How late this side runs what it is due to run, smoothed: its own share of each step. */
  let lag = 0;

  const check = (): void => {
    const at = now();
    // How long this side could not run: nothing could have been heard in that time.
    const stalled = Math.max(0, at - due);
    lag = lag * (1 - LAG_WEIGHT) + stalled * LAG_WEIGHT;
    due = at + LINK_SILENCE_CHECK_MS;
    if (!open || silent || lastPing === null || steps.length === 0) return;
    if (at - lastPing - stalled > silentAfterMs(median(steps))) {
      silent = true;
      options.onSilent();
    }
  };
  const stopTimer = options.every(check, LINK_SILENCE_CHECK_MS);

  return {
    ping: () => {
      const at = now();
      if (open && lastPing !== null && !silent) {
        steps.push(Math.max(0, at - lastPing - lag));
        if (steps.length > STEPS_KEPT) steps.shift();
      }
      lastPing = at;
      if (silent) {
        silent = false;
        options.onHeard();
      }
    },
    connected: () => {
      open = true;
      silent = false;
      lastPing = now();
    },
    disconnected: () => {
      open = false;
      silent = false;
      lastPing = null;
    },
    get silent() {
      return silent;
    },
    stop: stopTimer,
  };
}

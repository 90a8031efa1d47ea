/**
 * Notices a wall page that stopped answering while its window (or socket) stays open: its script
 * hangs in a loop, its renderer is wedged, its tab was throttled. Each open wall window is tracked
 * by the identity object its transport made for it (one per Electron window, one per browser-mode
 * connection), so two kiosks of one wall are watched apart.
 */

export interface WatchedWindow {
  readonly wallId: string;
}

export interface HeartbeatWatchOptions {
  /** No beat for this long after the last one: the page is silent. */
  timeoutMs: number;
  /** A page that just loaded gets this long for its first beat (it boots React, reads its cache). */
  firstBeatMs: number;
  now(): number;
  /** Runs `check` periodically; returns a stop function. Injected so tests drive time. */
  every(check: () => void, ms: number): () => void;
  /** A window went silent (once per silence). */
  onSilent(window: WatchedWindow, silentForMs: number): void;
  /** A silent window beats again. */
  onAnswering(window: WatchedWindow): void;
}

export interface HeartbeatWatch {
  opened(window: WatchedWindow): void;
  beat(window: WatchedWindow): void;
  closed(window: WatchedWindow): void;
  /** The worst of a wall's windows: silent when any is, answering when one beats, none without windows. */
  stateOf(wallId: string): 'answering' | 'silent' | 'none';
  stop(): void;
}

interface Entry {
  /** The last beat, or the opening time before the first. */
  lastAt: number;
  beaten: boolean;
  silent: boolean;
}

export function createHeartbeatWatch(options: HeartbeatWatchOptions): HeartbeatWatch {
  const entries = new Map<WatchedWindow, Entry>();
  const check = (): void => {
    const now = options.now();
    for (const [window, entry] of entries) {
      const limit = entry.beaten ? options.timeoutMs : options.firstBeatMs;
      if (entry.silent || now - entry.lastAt < limit) continue;
      entry.silent = true;
      options.onSilent(window, now - entry.lastAt);
    }
  };
  // Checking at a quarter of the timeout bounds how late a silence is noticed.
  const stopChecking = options.every(check, Math.max(250, Math.floor(options.timeoutMs / 4)));
  return {
    opened: (window) => {
      entries.set(window, { lastAt: options.now(), beaten: false, silent: false });
    },
    beat: (window) => {
      const entry = entries.get(window);
      if (!entry) {
        // A page that beats before its load was reported (browser mode connects first) is open too.
        entries.set(window, { lastAt: options.now(), beaten: true, silent: false });
        return;
      }
      entry.lastAt = options.now();
      entry.beaten = true;
      if (entry.silent) {
        entry.silent = false;
        options.onAnswering(window);
      }
    },
    closed: (window) => {
      entries.delete(window);
    },
    stateOf: (wallId) => {
      let state: 'answering' | 'silent' | 'none' = 'none';
      for (const [window, entry] of entries) {
        if (window.wallId !== wallId) continue;
        if (entry.silent) return 'silent';
        state = 'answering';
      }
      return state;
    },
    stop: () => {
      stopChecking();
      entries.clear();
    },
  };
}

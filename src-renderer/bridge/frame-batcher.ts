/**
 * Joins the hub message batches that arrive within one frame into one store update. At 1,000
 * updates/s the host sends dozens of small batches a second; applying each one re-renders the wall
 * for frames nobody sees, and the wall's main thread (software rendering on many wall PCs) has no
 * time left to paint. One update per frame keeps the newest value on screen with the least work.
 */
export interface FrameBatcher<T> {
  push(items: readonly T[]): void;
  /** Applies what is waiting now (before a snapshot replaces the stores, so order is kept). */
  flush(): void;
}

/** Runs `run` before the next frame; a hidden page gets no frames, so a timer backs it up. */
export type Scheduler = (run: () => void) => void;

const FRAME_FALLBACK_MS = 250;

function nextFrame(run: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(once, FRAME_FALLBACK_MS);
  requestAnimationFrame(once);
}

/** Without frames (Node, tests) there is nothing to wait for: apply at once. */
const immediately: Scheduler = (run) => run();

export function defaultScheduler(): Scheduler {
  return typeof requestAnimationFrame === 'function' ? nextFrame : immediately;
}

export function createFrameBatcher<T>(apply: (items: T[]) => void, schedule: Scheduler = defaultScheduler()): FrameBatcher<T> {
  let waiting: T[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (waiting.length === 0) return;
    const items = waiting;
    waiting = [];
    apply(items);
  };
  return {
    push(items) {
      waiting.push(...items);
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    flush,
  };
}

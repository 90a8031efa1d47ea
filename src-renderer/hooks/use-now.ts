import { useSyncExternalStore } from 'react';
import { CLOCK_TICK_MS } from '../constants';

/**
 * One shared one-second clock for every age label and the wall clock, so a wall of tiles repaints
 * once per second together instead of running a timer per tile.
 */
const subscribers = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(onChange: () => void): () => void {
  subscribers.add(onChange);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      subscribers.forEach((notify) => notify());
    }, CLOCK_TICK_MS);
  }
  return () => {
    subscribers.delete(onChange);
    if (subscribers.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const snapshot = (): number => now;

/** Current time in ms, updated every CLOCK_TICK_MS. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

const noSubscription = (): (() => void) => () => undefined;
const noTime = (): null => null;

/**
 * The time as useNow gives it while `enabled`; null, and no repaint at all, while not. A live
 * camera tile reads "live", not an age: it need not repaint every second with the rest.
 */
export function useNowWhile(enabled: boolean): number | null {
  return useSyncExternalStore(enabled ? subscribe : noSubscription, enabled ? snapshot : noTime, enabled ? snapshot : noTime);
}

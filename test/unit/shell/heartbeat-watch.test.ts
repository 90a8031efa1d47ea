import { describe, expect, it } from 'vitest';
import { createHeartbeatWatch, type WatchedWindow } from '../../../src-main/shell/heartbeat-watch';

/** A hand-driven clock: `advance` moves time and runs the watch's periodic check as often as it would have run. */
function clock() {
  let now = 0;
  let check: (() => void) | undefined;
  let period = 0;
  let stopped = false;
  return {
    now: () => now,
    every: (fn: () => void, ms: number) => {
      check = fn;
      period = ms;
      return () => {
        stopped = true;
      };
    },
    advance(ms: number) {
      const end = now + ms;
      while (now + period <= end) {
        now += period;
        check?.();
      }
      now = end;
    },
    get stopped() {
      return stopped;
    },
  };
}

function setup() {
  const time = clock();
  const events: string[] = [];
  const watch = createHeartbeatWatch({
    timeoutMs: 20_000,
    firstBeatMs: 45_000,
    now: time.now,
    every: time.every,
    // Silence is noticed at the next periodic check (every timeout/4): within 5 s of the limit.
    onSilent: (w, ms) => events.push(`silent ${w.wallId} after ${Math.floor(ms / 5_000) * 5}s`),
    onAnswering: (w) => events.push(`answering ${w.wallId}`),
  });
  return { time, events, watch };
}

describe('heartbeat watch', () => {
  it('passes through the states a page goes through: loading, answering, silent once, answering again, closed', () => {
    const { time, events, watch } = setup();
    const page: WatchedWindow = { wallId: '1' };
    expect(watch.stateOf('1')).toBe('none');
    watch.opened(page);
    // Booting: no beat yet, but within the first-beat allowance.
    time.advance(40_000);
    expect(watch.stateOf('1')).toBe('answering');
    watch.beat(page);
    time.advance(15_000);
    watch.beat(page);
    time.advance(19_000);
    expect(events).toEqual([]);
    // Twenty seconds without a beat: silent, said once however long it lasts.
    time.advance(5_000);
    expect(watch.stateOf('1')).toBe('silent');
    time.advance(60_000);
    expect(events).toEqual(['silent 1 after 20s']);
    watch.beat(page);
    expect(watch.stateOf('1')).toBe('answering');
    expect(events).toEqual(['silent 1 after 20s', 'answering 1']);
    watch.closed(page);
    time.advance(60_000);
    expect(watch.stateOf('1')).toBe('none');
    expect(events).toHaveLength(2);
  });

  it('gives a page that never beats the first-beat allowance, then calls it silent', () => {
    const { time, events, watch } = setup();
    watch.opened({ wallId: '2' });
    time.advance(44_000);
    expect(events).toEqual([]);
    time.advance(6_000);
    expect(events).toEqual(['silent 2 after 45s']);
  });

  it('watches two windows of one wall apart: one hung window makes the wall silent while the other beats', () => {
    const { time, events, watch } = setup();
    const kioskA: WatchedWindow = { wallId: '3' };
    const kioskB: WatchedWindow = { wallId: '3' };
    watch.opened(kioskA);
    watch.opened(kioskB);
    for (let i = 0; i < 6; i += 1) {
      watch.beat(kioskA);
      if (i < 2) watch.beat(kioskB);
      time.advance(5_000);
    }
    expect(events).toEqual(['silent 3 after 20s']);
    expect(watch.stateOf('3')).toBe('silent');
    watch.closed(kioskB);
    expect(watch.stateOf('3')).toBe('answering');
  });

  it('counts a page that beats before its opening was reported as open', () => {
    const { time, events, watch } = setup();
    const early: WatchedWindow = { wallId: '4' };
    watch.beat(early);
    expect(watch.stateOf('4')).toBe('answering');
    time.advance(21_000);
    expect(events).toEqual(['silent 4 after 20s']);
    watch.stop();
    expect(time.stopped).toBe(true);
    expect(watch.stateOf('4')).toBe('none');
  });
});

import { describe, expect, it } from 'vitest';
import { createSilenceWatch, silentAfterMs } from '../../../src-shared/link-silence';
import { HEARTBEAT_TIMEOUT_MS } from '../../../src-shared/ipc';
import { LINK_PING_INTERVAL_MS, LINK_PING_TIMEOUT_MS, LINK_SILENCE_CHECK_MS, LINK_SILENT_MIN_MS, PAGE_PING_TIMEOUT_MS } from '../../../src-shared/link-timing';

/** A watch on a hand-driven clock: `advance` moves time in check-sized steps, running every due check. */
function harness() {
  let now = 0;
  let check: (() => void) | null = null;
  const events: string[] = [];
  const watch = createSilenceWatch({
    now: () => now,
    every: (run) => {
      check = run;
      return () => {
        check = null;
      };
    },
    onSilent: () => events.push(`silent@${now}`),
    onHeard: () => events.push(`heard@${now}`),
  });
  const advance = (ms: number, { stalled = false } = {}): void => {
    if (stalled) {
      // The whole span passes with no check at all, as on a blocked main thread; one late check follows.
      now += ms;
      check?.();
      return;
    }
    for (let left = ms; left > 0; left -= LINK_SILENCE_CHECK_MS) {
      now += Math.min(LINK_SILENCE_CHECK_MS, left);
      check?.();
    }
  };
  /** Pings every `every` ms for `count` pings. */
  const pings = (count: number, every = 1_000): void => {
    for (let i = 0; i < count; i += 1) {
      advance(every);
      watch.ping();
    }
  };
  return { watch, events, advance, pings, at: () => now, stop: () => check === null };
}

describe('link silence', () => {
  it('calls a link pinged every second silent 2–3 s after its last ping, and heard with the next', () => {
    const h = harness();
    h.watch.connected();
    h.pings(5);
    const lastPing = h.at();
    h.advance(2_000);
    expect(h.events).toEqual([]);
    h.advance(1_000);
    expect(h.events).toHaveLength(1);
    const silentAt = Number(h.events[0]!.split('@')[1]);
    expect(silentAt - lastPing).toBeGreaterThan(2_000);
    expect(silentAt - lastPing).toBeLessThanOrEqual(2_600);
    expect(h.watch.silent).toBe(true);
    h.advance(5_000);
    expect(h.events).toHaveLength(1);
    h.watch.ping();
    expect(h.events).toEqual([`silent@${silentAt}`, `heard@${h.at()}`]);
    expect(h.watch.silent).toBe(false);
  });

  it('learns a slow ping from the pings themselves: socket.io’s default 25 s is not silence', () => {
    const h = harness();
    h.watch.connected();
    h.pings(4, 25_000);
    h.advance(24_000);
    expect(h.events).toEqual([]);
    h.watch.ping();
    h.advance(silentAfterMs(25_000) + LINK_SILENCE_CHECK_MS);
    expect(h.events).toHaveLength(1);
  });

  it('judges nothing before it knows the interval, nor on a closed link', () => {
    const h = harness();
    h.watch.connected();
    h.advance(10_000);
    expect(h.events).toEqual([]);
    h.pings(3);
    h.watch.disconnected();
    h.advance(10_000);
    expect(h.events).toEqual([]);
    expect(h.watch.silent).toBe(false);
  });

  it('does not count a stall of its own side as silence: the pings may be queued behind it', () => {
    const h = harness();
    h.watch.connected();
    h.pings(5);
    h.advance(4_000, { stalled: true });
    expect(h.events).toEqual([]);
    // The queued ping arrives right after the stall: never called silent.
    h.watch.ping();
    h.advance(1_000);
    expect(h.events).toEqual([]);
  });

  it('still notices a real silence on a side whose checks all run late', () => {
    const h = harness();
    h.watch.connected();
    h.pings(5);
    const lastPing = h.at();
    // Every check 400 ms late: a busy page, but one that runs.
    for (let i = 0; i < 10; i += 1) h.advance(600, { stalled: true });
    expect(h.events).toHaveLength(1);
    expect(Number(h.events[0]!.split('@')[1]) - lastPing).toBeLessThanOrEqual(3_000);
  });

  it('one long step does not stretch the interval it judges by', () => {
    const h = harness();
    h.watch.connected();
    h.pings(4);
    h.pings(1, 1_900);
    h.pings(1);
    const lastPing = h.at();
    h.advance(3_000);
    expect(h.events).toHaveLength(1);
    expect(Number(h.events[0]!.split('@')[1]) - lastPing).toBeLessThanOrEqual(silentAfterMs(1_000) + LINK_SILENCE_CHECK_MS);
  });

  it('starts afresh on a new connection, and stops its timer', () => {
    const h = harness();
    h.watch.connected();
    h.pings(5);
    h.advance(3_000);
    expect(h.watch.silent).toBe(true);
    h.watch.disconnected();
    h.watch.connected();
    expect(h.watch.silent).toBe(false);
    expect(silentAfterMs(100)).toBe(LINK_SILENT_MIN_MS);
    h.watch.stop();
    expect(h.stop()).toBe(true);
  });
});

describe('link timings', () => {
  it('a silent link is told within 3 s, long before socket.io gives it up', () => {
    expect(silentAfterMs(LINK_PING_INTERVAL_MS) + LINK_SILENCE_CHECK_MS).toBeLessThanOrEqual(3_000);
    expect(silentAfterMs(LINK_PING_INTERVAL_MS)).toBeLessThan(LINK_PING_TIMEOUT_MS);
  });

  it('a hung page keeps its socket past the heartbeat timeout, so the host sees it hang rather than leave', () => {
    expect(PAGE_PING_TIMEOUT_MS).toBeGreaterThanOrEqual(HEARTBEAT_TIMEOUT_MS * 2);
  });
});

describe('link silence on a busy side', () => {
  it('learns the server’s interval, not the steps its own lag stretches', () => {
    const h = harness();
    h.watch.connected();
    // Every check and every ping handled 600 ms late: pings come every 1.6 s as this side sees them.
    for (let i = 0; i < 12; i += 1) {
      for (let j = 0; j < 2; j += 1) h.advance(800, { stalled: true });
      h.watch.ping();
    }
    const lastPing = h.at();
    for (let i = 0; i < 12 && h.events.length === 0; i += 1) h.advance(800, { stalled: true });
    expect(h.events).toHaveLength(1);
    // Judged by about the server's 1 s (2.5 s of silence, plus this side's lag), not by 1.6 s (4 s and more).
    expect(Number(h.events[0]!.split('@')[1]) - lastPing).toBeLessThanOrEqual(3_600);
  });
});

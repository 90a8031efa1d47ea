import { describe, expect, it } from 'vitest';
import { oncePerInterval } from '../../../src-hub/once-per-interval';
import { CatchUpCancelled, CatchUpQueue } from '../../../src-hub/walls/catch-up-queue';
import { ResyncLimit } from '../../../src-hub/walls/resync-limit';
import { Turns } from '../../../src-hub/walls/turns';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('catch-up queue', () => {
  it('runs at most `limit` at once, the rest in arrival order, and drops one cancelled while it waits', async () => {
    const queue = new CatchUpQueue(2);
    const started: number[] = [];
    const finishers: Array<() => void> = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n);
        finishers.push(() => resolve(n));
      });
    const cancel = new AbortController();
    const runs = [1, 2, 3, 4].map((n) => queue.run(task(n), n === 3 ? cancel.signal : new AbortController().signal));
    await tick();
    expect(started).toEqual([1, 2]);
    expect([queue.active, queue.queued]).toEqual([2, 2]);
    cancel.abort();
    await expect(runs[2]).rejects.toBeInstanceOf(CatchUpCancelled);
    finishers[0]!();
    await tick();
    expect(started).toEqual([1, 2, 4]);
    finishers.slice(1).forEach((finish) => finish());
    expect(await Promise.all([runs[0], runs[1], runs[3]])).toEqual([1, 2, 4]);
    expect([queue.active, queue.queued]).toEqual([0, 0]);
  });

  it('frees the slot of a task that throws at once', async () => {
    const queue = new CatchUpQueue(1);
    await expect(
      queue.run(() => {
        throw new Error('boom');
      }, new AbortController().signal),
    ).rejects.toThrow('boom');
    expect(await queue.run(async () => 'next', new AbortController().signal)).toBe('next');
  });
});

describe('resync limit', () => {
  it('serves a burst, then the rate; counts requests over it, and calls a flood past floodLimit in a window', () => {
    let now = 0;
    const limit = new ResyncLimit({ burst: 2, perSecond: 1, floodLimit: 3, floodWindowMs: 10_000 }, () => now);
    expect(limit.arrived(false)).toBe('serve');
    expect(limit.take()).toBe(true);
    expect(limit.take()).toBe(true);
    expect(limit.arrived(false)).toBe('throttle');
    expect(limit.waitMs()).toBe(1000);
    // Busy (one running or waiting): over the limit even with tokens left.
    now = 5000;
    expect(limit.arrived(true)).toBe('throttle');
    expect(limit.arrived(true)).toBe('throttle');
    expect(limit.arrived(true)).toBe('flood');
    // A new window forgives.
    now = 20_000;
    expect(limit.arrived(true)).toBe('throttle');
  });
});

describe('turns', () => {
  it('lets `perTurn` waiters go per turn of the event loop, in order', async () => {
    const turns = new Turns(2);
    const went: number[] = [];
    [1, 2, 3, 4, 5].forEach((n) => void turns.next().then(() => went.push(n)));
    await tick();
    expect(went).toEqual([1, 2]);
    await tick();
    expect(went).toEqual([1, 2, 3, 4]);
    await tick();
    expect(went).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('once per interval', () => {
  it('tells the first time at once, then once per interval with the count since', () => {
    let now = 0;
    const told: Array<[string, number]> = [];
    const tell = oncePerInterval(1000, () => now);
    for (let i = 0; i < 5; i += 1) tell('a', (times) => told.push(['a', times]));
    tell('b', (times) => told.push(['b', times]));
    now = 1000;
    tell('a', (times) => told.push(['a', times]));
    expect(told).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 5],
    ]);
  });
});

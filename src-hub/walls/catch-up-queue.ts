/** A catch-up was dropped from the queue before it ran (its wall left, or asked for another). */
export class CatchUpCancelled extends Error {}

interface Waiting {
  start(): void;
  signal: AbortSignal;
}

/**
 * At most `limit` catch-ups run at once, the others wait their turn in arrival order. A reconnect
 * storm then costs the hub a fixed amount of work in flight, however many walls come, and each wall
 * is served at the pace of the ones before it rather than all of them at once and slowly.
 */
export class CatchUpQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(readonly limit: number) {}

  /** Catch-ups running now, and waiting. */
  get active(): number {
    return this.running;
  }
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` in its turn; rejects CatchUpCancelled if `signal` aborts before that. */
  run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal.aborted) return reject(new CatchUpCancelled('cancelled before it ran'));
      const entry: Waiting = {
        signal,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          this.running += 1;
          // Through a promise, so a task that throws at once still frees its slot.
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              this.running -= 1;
              this.next();
            });
        },
      };
      const onAbort = (): void => {
        const at = this.waiting.indexOf(entry);
        if (at !== -1) this.waiting.splice(at, 1);
        reject(new CatchUpCancelled('cancelled before it ran'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.limit && this.waiting.length > 0) this.waiting.shift()!.start();
  }
}

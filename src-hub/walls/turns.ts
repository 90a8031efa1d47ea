/**
 * Lets at most `perTurn` waiters go per turn of the event loop, in the order they asked. The hub's
 * catch-ups take turns through one of these before each piece they send, so however many walls are
 * being caught up, one turn of the event loop carries a few pieces' worth of work and Node gets back
 * to its sockets — /healthz, ingest, live messages — between turns.
 */
export class Turns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  constructor(readonly perTurn: number) {}

  /** Resolves in a coming turn of the event loop. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.splice(0, this.perTurn).forEach((go) => go());
      if (this.waiting.length > 0) this.schedule();
    });
  }
}

import type { WallPresence } from '../../src-shared/operator-state';

/**
 * Which wall windows are connected to this host, per wall: a window reports in when it loads and
 * out when it closes, crashes or loses its link. The console shows "connected" or "no window since".
 */
export class WallPresenceBook {
  private readonly walls = new Map<string, { windows: number; since: string | null }>();

  constructor(
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A window of the wall is there; call the returned function when it is gone (once). */
  opened(wallId: string): () => void {
    this.change(wallId, 1);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      this.change(wallId, -1);
    };
  }

  of(wallId: string): WallPresence {
    return { ...(this.walls.get(wallId) ?? { windows: 0, since: null }) };
  }

  private change(wallId: string, delta: 1 | -1): void {
    const current = this.walls.get(wallId) ?? { windows: 0, since: null };
    const windows = Math.max(0, current.windows + delta);
    // `since` marks when the wall went from no window to some, or back: what an operator asks about.
    const since = (current.windows === 0) !== (windows === 0) ? new Date(this.now()).toISOString() : current.since;
    this.walls.set(wallId, { windows, since });
    this.onChange();
  }
}

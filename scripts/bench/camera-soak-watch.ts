// What the camera soak reads from the wall page every few seconds, and the stuck-tile bookkeeping
// over those readings: a tile that is neither offline nor suspended (no decoder, hidden) must show
// new frames; one that shows none for longer than STUCK_MS is stuck, an honest "offline" is not.
import type { Page } from '@playwright/test';

export const STUCK_MS = 10_000;

export interface TileReading {
  tileId: string;
  cameraId: string | null;
  state: string;
  /** data-suspended: 'budget' or 'hidden' when the tile holds no decoder on purpose; null otherwise. */
  suspended: string | null;
  /** The visible video's decoded frames and position, or null without a visible video. */
  frames: number | null;
  time: number | null;
}

/** Every camera tile of the shown layout, through the tile's DOM contract (test/helpers/camera-page.ts). */
export function readTiles(page: Page): Promise<TileReading[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main.wall-grid [data-camera-state]')].map((el) => {
      const tile = el.closest('[data-tile-id]');
      const video = [...(tile ?? el).querySelectorAll('video')].find((v) => v.checkVisibility());
      return {
        tileId: tile?.getAttribute('data-tile-id') ?? '',
        cameraId: el.getAttribute('data-camera-id'),
        state: el.getAttribute('data-camera-state') ?? '',
        suspended: el.getAttribute('data-suspended'),
        frames: video ? video.getVideoPlaybackQuality().totalVideoFrames : null,
        time: video ? video.currentTime : null,
      };
    }),
  );
}

export interface StuckIncident {
  tileId: string;
  cameraId: string | null;
  /** The states the tile showed while stuck. */
  states: string[];
  /** Date.now() of its last progress, and of the last reading that still found it stuck. */
  since: number;
  until: number;
}

/** Stuck tiles over a series of readings (pure bookkeeping; the caller reads and keeps time). */
export class StuckWatch {
  private readonly last = new Map<string, { frames: number | null; time: number | null; progressAt: number }>();
  private readonly open = new Map<string, StuckIncident>();
  private readonly closed: StuckIncident[] = [];
  private checks = 0;

  observe(readings: readonly TileReading[], at: number): void {
    this.checks += 1;
    for (const r of readings) {
      const prev = this.last.get(r.tileId);
      const excused = r.state === 'offline' || r.suspended !== null;
      const moved = !prev || r.frames !== prev.frames || r.time !== prev.time;
      const progressAt = excused || moved ? at : prev.progressAt;
      this.last.set(r.tileId, { frames: r.frames, time: r.time, progressAt });
      const incident = this.open.get(r.tileId);
      if (at - progressAt > STUCK_MS) {
        if (incident) {
          incident.until = at;
          if (!incident.states.includes(r.state)) incident.states.push(r.state);
        } else this.open.set(r.tileId, { tileId: r.tileId, cameraId: r.cameraId, states: [r.state], since: progressAt, until: at });
      } else if (incident) {
        this.closed.push(incident);
        this.open.delete(r.tileId);
      }
    }
  }

  figures(startedAt: number) {
    const incidents = [...this.closed, ...this.open.values()];
    return {
      checks: this.checks,
      stuckTiles: new Set(incidents.map((i) => i.tileId)).size,
      /** Still stuck at the last check. */
      stuckAtEnd: this.open.size,
      incidents: incidents.map((i) => ({
        tileId: i.tileId,
        cameraId: i.cameraId,
        states: i.states,
        fromSecond: Math.round((i.since - startedAt) / 1000),
        /** No new frame for at least this long (to the last check that found it stuck). */
        seconds: Math.round((i.until - i.since) / 1000),
      })),
    };
  }
}

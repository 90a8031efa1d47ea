import { describe, expect, it } from 'vitest';
import { STUCK_MS, StuckWatch, type TileReading } from '../../../scripts/bench/camera-soak-watch';

const tile = (frames: number | null, state = 'live', suspended: string | null = null): TileReading => ({ tileId: 't1', cameraId: 'cam', state, suspended, frames, time: frames === null ? null : frames / 25 });

/** Readings every 3 s, as the soak takes them. */
function watchOver(readings: TileReading[]): StuckWatch {
  const watch = new StuckWatch();
  readings.forEach((r, i) => watch.observe([r], i * 3000));
  return watch;
}

describe('StuckWatch', () => {
  it('finds nothing while frames move', () => {
    expect(watchOver([tile(0), tile(75), tile(150), tile(225), tile(300)]).figures(0)).toMatchObject({ checks: 5, stuckTiles: 0, incidents: [] });
  });

  it('calls a tile stuck once it shows no new frame for over STUCK_MS, and counts the incident once', () => {
    const frozen = Array.from({ length: 8 }, () => tile(100));
    const figures = watchOver([tile(0), ...frozen, tile(400)]).figures(0);
    expect(STUCK_MS).toBe(10_000);
    expect(figures.stuckTiles).toBe(1);
    expect(figures.stuckAtEnd).toBe(0);
    expect(figures.incidents).toEqual([{ tileId: 't1', cameraId: 'cam', states: ['live'], fromSecond: 3, seconds: 21 }]);
  });

  it('excuses a tile that says it is offline or holds no decoder', () => {
    const offline = Array.from({ length: 8 }, () => tile(null, 'offline'));
    const suspended = Array.from({ length: 8 }, () => tile(100, 'live', 'budget'));
    expect(watchOver([tile(0), ...offline, ...suspended]).figures(0).stuckTiles).toBe(0);
  });

  it('reports a tile still stuck at the end', () => {
    const figures = watchOver([tile(0), ...Array.from({ length: 6 }, () => tile(null, 'connecting'))]).figures(0);
    expect(figures.stuckAtEnd).toBe(1);
    expect(figures.incidents[0]!.states).toEqual(['connecting']);
  });
});

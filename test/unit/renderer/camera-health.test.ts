import { describe, expect, it } from 'vitest';
import { CAMERA_MEDIA_RECOVERY_WINDOW_MS, CAMERA_RETRY_MAX_MS, CAMERA_STALL_MS, CAMERA_STALL_RELOAD_MS } from '../../../src-renderer/constants';
import {
  initialCameraHealth,
  needsReload,
  nextCameraHealth,
  offlineCause,
  probeDelayMs,
  retryDelayMs,
  type CameraEvent,
  type CameraHealth,
} from '../../../src-renderer/tiles/camera/camera-health';

const run = (events: CameraEvent[], start = initialCameraHealth(0)): CameraHealth => events.reduce(nextCameraHealth, start);

describe('camera health', () => {
  it('stays loading until a frame actually arrives', () => {
    const health = run([{ type: 'load', at: 0 }, { type: 'tick', at: 1_000 }, { type: 'tick', at: 4_000 }]);
    expect(health.state).toBe('loading');
    expect(run([{ type: 'load', at: 0 }, { type: 'frame', at: 1_200 }]).state).toBe('live');
  });

  it('turns stalled when no frame arrives for the stall window, and live again on the next frame', () => {
    const live = run([{ type: 'load', at: 0 }, { type: 'frame', at: 1_000 }]);
    expect(nextCameraHealth(live, { type: 'tick', at: 1_000 + CAMERA_STALL_MS - 1 }).state).toBe('live');
    const stalled = nextCameraHealth(live, { type: 'tick', at: 1_000 + CAMERA_STALL_MS });
    expect(stalled.state).toBe('stalled');
    expect(nextCameraHealth(stalled, { type: 'frame', at: 9_000 }).state).toBe('live');
  });

  it('asks for a reload after a long stall or a first frame that never comes', () => {
    const stalled = run([{ type: 'load', at: 0 }, { type: 'frame', at: 1_000 }, { type: 'tick', at: 7_000 }]);
    expect(needsReload(stalled, 1_000 + CAMERA_STALL_RELOAD_MS - 1)).toBe(false);
    expect(needsReload(stalled, 1_000 + CAMERA_STALL_RELOAD_MS)).toBe(true);
    expect(needsReload(run([{ type: 'load', at: 0 }]), CAMERA_STALL_RELOAD_MS)).toBe(true);
    expect(needsReload(run([{ type: 'load', at: 0 }, { type: 'frame', at: 10 }]), CAMERA_STALL_RELOAD_MS)).toBe(false);
  });

  it('reloads after fatal network errors with growing, capped delays', () => {
    let health = run([{ type: 'load', at: 0 }]);
    const delays: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      health = nextCameraHealth(health, { type: 'fatal', at: i * 100, error: 'network' });
      expect(health.state).toBe('error');
      if (health.recovery?.kind === 'reload') delays.push(health.recovery.delayMs);
      health = nextCameraHealth(health, { type: 'load', at: i * 100 + 50 });
    }
    expect(delays.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(Math.max(...delays)).toBe(CAMERA_RETRY_MAX_MS);
    expect(health.failures).toBe(8);
    expect(retryDelayMs(1)).toBe(1_000);
  });

  it('recovers media errors in place, but at most once per window', () => {
    const first = run([{ type: 'load', at: 0 }, { type: 'frame', at: 100 }, { type: 'fatal', at: 1_000, error: 'media' }]);
    expect(first.recovery).toEqual({ kind: 'recover-media' });
    const second = nextCameraHealth(first, { type: 'fatal', at: 2_000, error: 'media' });
    expect(second.recovery?.kind).toBe('reload');
    const later = nextCameraHealth(first, { type: 'fatal', at: 1_000 + CAMERA_MEDIA_RECOVERY_WINDOW_MS, error: 'media' });
    expect(later.recovery).toEqual({ kind: 'recover-media' });
  });

  it('resets the failure count once frames flow again and keeps the last frame time across reloads', () => {
    const recovered = run([{ type: 'load', at: 0 }, { type: 'frame', at: 500 }, { type: 'fatal', at: 600, error: 'network' }, { type: 'load', at: 1_600 }]);
    expect(recovered).toMatchObject({ state: 'loading', failures: 1, lastFrameAt: 500 });
    expect(nextCameraHealth(recovered, { type: 'frame', at: 2_000 })).toMatchObject({ state: 'live', failures: 0, lastFrameAt: 2_000 });
  });

  it('stays offline: frames and errors from a torn-down player change nothing', () => {
    const offline = run([{ type: 'offline', at: 0, reason: 'registry' }]);
    expect(offline.state).toBe('offline');
    expect(nextCameraHealth(offline, { type: 'frame', at: 1 }).state).toBe('offline');
    expect(nextCameraHealth(offline, { type: 'fatal', at: 1, error: 'network' }).state).toBe('offline');
  });
});

describe('unreachable playlists', () => {
  it('goes offline at once, counts failed probes and loads again from offline', () => {
    const live = run([{ type: 'load', at: 0 }, { type: 'frame', at: 1_000 }]);
    const offline = nextCameraHealth(live, { type: 'offline', at: 2_000, reason: 'unreachable' });
    expect(offline).toMatchObject({ state: 'offline', offlineReason: 'unreachable', lastFrameAt: 1_000, probes: 0 });
    const probed = run([{ type: 'probe-failed', at: 3_000 }, { type: 'probe-failed', at: 5_000 }], offline);
    expect(probed.probes).toBe(2);
    expect(nextCameraHealth(probed, { type: 'load', at: 6_000 })).toMatchObject({ state: 'loading', offlineReason: null, probes: 0, lastFrameAt: 1_000 });
  });

  it('probes after 1 s, 2 s, then every 3 s, so a returning stream plays within about 4 s', () => {
    expect([0, 1, 2, 3, 10].map(probeDelayMs)).toEqual([1_000, 2_000, 3_000, 3_000, 3_000]);
  });

  it('a probe failure outside offline changes nothing', () => {
    const live = run([{ type: 'load', at: 0 }, { type: 'frame', at: 1_000 }]);
    expect(nextCameraHealth(live, { type: 'probe-failed', at: 2_000 })).toBe(live);
  });
});

describe('why a camera has no picture', () => {
  it('an HTTP answer is the camera, no answer is the media server, or the host when the page has lost it', () => {
    expect(offlineCause('registry', true)).toBe('camera');
    expect(offlineCause('no-stream', true)).toBe('camera');
    expect(offlineCause('no-stream', false)).toBe('camera');
    expect(offlineCause('unreachable', true)).toBe('media');
    expect(offlineCause('unreachable', false)).toBe('host');
    expect(offlineCause('registry', false)).toBe('camera');
  });

  it('follows what the probes find while offline, without restarting their schedule', () => {
    const offline = nextCameraHealth(initialCameraHealth(0), { type: 'offline', at: 1_000, reason: 'unreachable' });
    const answered = nextCameraHealth(offline, { type: 'probe-failed', at: 2_000, reason: 'no-stream' });
    expect(answered).toMatchObject({ state: 'offline', offlineReason: 'no-stream', probes: 1 });
    const gone = nextCameraHealth(answered, { type: 'probe-failed', at: 4_000, reason: 'unreachable' });
    expect(gone).toMatchObject({ offlineReason: 'unreachable', probes: 2 });
    // The registry's word is not overruled by a probe.
    const listed = nextCameraHealth(initialCameraHealth(0), { type: 'offline', at: 0, reason: 'registry' });
    expect(nextCameraHealth(listed, { type: 'probe-failed', at: 1_000, reason: 'unreachable' })).toBe(listed);
  });
});

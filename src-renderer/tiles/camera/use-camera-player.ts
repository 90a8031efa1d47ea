import { useEffect, useState, type RefObject } from 'react';
import { CLOCK_TICK_MS } from '../../constants';
import { initialCameraHealth, needsReload, nextCameraHealth, type CameraEvent, type CameraHealth } from './camera-health';
import { createCameraPlayer } from './hls-player';

/** How often a live tile looks for a new frame; well inside CAMERA_STALL_MS. */
const FRAME_SAMPLE_MS = 500;

export interface CameraPlayback {
  health: CameraHealth;
  /** The browser can play HLS neither with hls.js nor natively. */
  unsupported: boolean;
}

type VideoWithFrames = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * Plays `url` in the video element and tracks its health. Frames are seen via
 * requestVideoFrameCallback and, as a fallback (e.g. a hidden window), via currentTime moving.
 * Only a change of state or failure count re-renders the tile, not every frame.
 */
export function useCameraPlayer(videoRef: RefObject<HTMLVideoElement | null>, url: string | null): CameraPlayback {
  const [playback, setPlayback] = useState<CameraPlayback>(() => ({ health: initialCameraHealth(Date.now()), unsupported: false }));

  useEffect(() => {
    const video = videoRef.current as VideoWithFrames | null;
    if (!video) return undefined;
    let health = initialCameraHealth(Date.now());
    const commit = (unsupported = false): void =>
      setPlayback((old) =>
        old.health.state === health.state && old.health.failures === health.failures && old.unsupported === unsupported ? old : { health, unsupported },
      );
    if (url === null) {
      health = nextCameraHealth(health, { type: 'offline', at: Date.now() });
      commit();
      return undefined;
    }
    let disposed = false;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let frameHandle: number | null = null;
    let lastTime = -1;

    const apply = (event: CameraEvent): void => {
      health = nextCameraHealth(health, event);
      commit();
    };
    const player = createCameraPlayer(video, {
      onFatal: (kind) => {
        apply({ type: 'fatal', at: Date.now(), error: kind });
        const recovery = health.recovery;
        if (recovery?.kind === 'recover-media') player?.recoverMedia();
        else if (recovery?.kind === 'reload') scheduleReload(recovery.delayMs);
      },
    });
    if (!player) {
      apply({ type: 'fatal', at: Date.now(), error: 'other' });
      commit(true);
      return undefined;
    }
    const load = (): void => {
      lastTime = -1;
      apply({ type: 'load', at: Date.now() });
      player.load(url);
    };
    function scheduleReload(delayMs: number): void {
      if (retryTimer !== null) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!disposed) load();
      }, delayMs);
    }
    let frameWait: ReturnType<typeof setTimeout> | null = null;
    const watchNextFrame = (): void => {
      frameHandle = video.requestVideoFrameCallback?.(onFrame) ?? null;
    };
    function onFrame(): void {
      if (disposed) return;
      frameHandle = null;
      if (health.state !== 'live') {
        apply({ type: 'frame', at: Date.now() });
        watchNextFrame();
        return;
      }
      health = nextCameraHealth(health, { type: 'frame', at: Date.now() });
      // Live: one sighting per FRAME_SAMPLE_MS is enough to tell live from stalled (a 5 s window);
      // a callback on every frame of every tile is 625 main-thread wake-ups a second at 25 tiles.
      frameWait = setTimeout(() => {
        frameWait = null;
        if (!disposed) watchNextFrame();
      }, FRAME_SAMPLE_MS);
    }
    watchNextFrame();
    const ticker = setInterval(() => {
      const at = Date.now();
      // currentTime moving also proves frames are advancing, where rVFC does not fire.
      if (video.currentTime !== lastTime && lastTime >= 0 && !video.paused) apply({ type: 'frame', at });
      lastTime = video.currentTime;
      apply({ type: 'tick', at });
      if (needsReload(health, at) && retryTimer === null) load();
      else if (health.state !== 'error' && video.paused && video.readyState >= 2) void video.play().catch(() => undefined);
    }, CLOCK_TICK_MS);

    load();
    return () => {
      disposed = true;
      clearInterval(ticker);
      if (retryTimer !== null) clearTimeout(retryTimer);
      if (frameHandle !== null) video.cancelVideoFrameCallback?.(frameHandle);
      if (frameWait !== null) clearTimeout(frameWait);
      player.destroy();
    };
  }, [videoRef, url]);

  return playback;
}

import Hls, { ErrorTypes, Events, type HlsConfig } from 'hls.js/light';
import type { FatalKind } from './camera-health';

/**
 * hls.js tuned for a wall of many small live tiles: steady playback a few segments behind the live
 * edge instead of low latency, small buffers so a dozen tiles fit in memory, parsing off the main
 * thread (the CSP allows blob: workers for this).
 */
export const LIVE_WALL_HLS_CONFIG: Partial<HlsConfig> = {
  lowLatencyMode: false,
  liveSyncDurationCount: 3,
  // Jump forward rather than drift: a wall must show now, not what happened a minute ago.
  liveMaxLatencyDurationCount: 10,
  maxBufferLength: 8,
  maxMaxBufferLength: 16,
  backBufferLength: 4,
  enableWorker: true,
  // Tiles are small; the sub-stream already matches them and capping saves decoder time.
  capLevelToPlayerSize: true,
  startLevel: -1,
};

export interface CameraPlayer {
  load(url: string): void;
  /** hls.recoverMediaError(): re-creates the media pipeline without refetching. */
  recoverMedia(): void;
  destroy(): void;
}

export interface PlayerCallbacks {
  onFatal(kind: FatalKind, detail: string): void;
}

function tryPlay(video: HTMLVideoElement): void {
  video.muted = true;
  // Muted autoplay is allowed everywhere; a rejection here only means the element was torn down.
  video.play().catch(() => undefined);
}

function hlsPlayer(video: HTMLVideoElement, callbacks: PlayerCallbacks): CameraPlayer {
  let hls: Hls | null = null;
  const create = (): Hls => {
    const instance = new Hls(LIVE_WALL_HLS_CONFIG);
    instance.on(Events.MANIFEST_PARSED, () => tryPlay(video));
    instance.on(Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      const kind: FatalKind = data.type === ErrorTypes.NETWORK_ERROR ? 'network' : data.type === ErrorTypes.MEDIA_ERROR ? 'media' : 'other';
      callbacks.onFatal(kind, data.details);
    });
    instance.attachMedia(video);
    return instance;
  };
  return {
    load: (url) => {
      // A fresh instance per (re)load: after a fatal error hls.js's internal state is not trustworthy.
      hls?.destroy();
      hls = create();
      hls.loadSource(url);
    },
    recoverMedia: () => hls?.recoverMediaError(),
    destroy: () => {
      hls?.destroy();
      hls = null;
    },
  };
}

/** Safari and some TVs play HLS natively; there is no hls.js error stream, only the element's. */
function nativePlayer(video: HTMLVideoElement, callbacks: PlayerCallbacks): CameraPlayer {
  const onError = (): void => callbacks.onFatal('network', video.error?.message ?? 'media element error');
  video.addEventListener('error', onError);
  return {
    load: (url) => {
      video.src = url;
      tryPlay(video);
    },
    recoverMedia: () => video.load(),
    destroy: () => {
      video.removeEventListener('error', onError);
      video.removeAttribute('src');
      video.load();
    },
  };
}

/** A player for this video element, or null when the browser can play HLS neither way. */
export function createCameraPlayer(video: HTMLVideoElement, callbacks: PlayerCallbacks): CameraPlayer | null {
  if (Hls.isSupported()) return hlsPlayer(video, callbacks);
  if (video.canPlayType('application/vnd.apple.mpegurl') !== '') return nativePlayer(video, callbacks);
  return null;
}

import Hls, { ErrorDetails, ErrorTypes, Events, type HlsConfig, type LoadPolicy } from 'hls.js/light';
import type { FatalKind } from './camera-health';
// hls.js's own transmuxer worker, emitted with the build and served from the app's origin (CSP worker-src 'self').
import hlsWorkerUrl from 'hls.js/dist/hls.worker.js?url';

/**
 * Playlist requests fail fast and are retried once: a camera whose playlist stops answering is
 * shown offline within seconds and then probed cheaply (camera-player.ts), instead of hls.js's
 * default of up to half a minute of retries while the tile plays out its buffer as if all was well.
 */
const PLAYLIST_POLICY: LoadPolicy = {
  default: {
    maxTimeToFirstByteMs: 4_000,
    maxLoadTimeMs: 8_000,
    timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
    errorRetry: { maxNumRetry: 1, retryDelayMs: 500, maxRetryDelayMs: 500 },
  },
};

/**
 * A segment that hangs is given up after 3 s without a first byte and fetched again at once: with
 * three segments buffered (liveSyncDurationCount) the retry lands before the picture runs dry,
 * where hls.js's default would wait 10 s for the first byte and freeze the tile.
 */
const FRAGMENT_POLICY: LoadPolicy = {
  default: {
    maxTimeToFirstByteMs: 3_000,
    maxLoadTimeMs: 12_000,
    timeoutRetry: { maxNumRetry: 4, retryDelayMs: 0, maxRetryDelayMs: 0 },
    errorRetry: { maxNumRetry: 4, retryDelayMs: 500, maxRetryDelayMs: 2_000 },
  },
};

/**
 * hls.js tuned for a wall of many live tiles: steady playback a few segments behind the live edge
 * instead of low latency, small forward and back buffers so two dozen tiles fit in memory, and the
 * level capped to the tile's size when a playlist offers several.
 *
 * Transmuxing runs in hls.js's worker, one shared by every tile (hls.js keeps one per worker
 * path), loaded from the app's own files: the ESM build we bundle inlines no worker, and a blob:
 * worker would need the CSP opened. Off the main thread it no longer waits behind the app's own work
 * (boot, React, charts), as in the plain hls.js grid the bench compares with. Measured in issue 13
 * (16 tiles, 2 cores): first frames the same within this machine's noise, slightly fewer dropped
 * frames with one core busy (1.1 against 1.7 %), memory the same.
 */
export const LIVE_WALL_HLS_CONFIG: Partial<HlsConfig> = {
  lowLatencyMode: false,
  liveSyncDurationCount: 3,
  // Jump forward rather than drift: a wall must show now, not what happened a minute ago.
  liveMaxLatencyDurationCount: 8,
  maxBufferLength: 8,
  maxMaxBufferLength: 16,
  backBufferLength: 4,
  enableWorker: true,
  workerPath: hlsWorkerUrl,
  capLevelToPlayerSize: true,
  // A tile never needs more than its size; this also keeps hls.js from probing bandwidth upward.
  ignoreDevicePixelRatio: false,
  startLevel: -1,
  // Fetch the first fragment while the playlist is parsed instead of after: first frame sooner.
  startFragPrefetch: true,
  testBandwidth: false,
  manifestLoadPolicy: PLAYLIST_POLICY,
  playlistLoadPolicy: PLAYLIST_POLICY,
  fragLoadPolicy: FRAGMENT_POLICY,
};

/** What went wrong, as the player needs to know it. */
export interface StreamError {
  kind: FatalKind;
  fatal: boolean;
  /** A playlist (manifest or level) failed to load: the camera itself is unreachable. */
  playlist: boolean;
  /** HTTP status of the failed request, when there was one. */
  status?: number;
  detail: string;
}

export interface StreamCallbacks {
  onError(error: StreamError): void;
}

/** One stream playing into one video element; a reload re-creates the engine on the same element. */
export interface StreamEngine {
  load(url: string): void;
  /** hls.recoverMediaError(): re-creates the media pipeline without refetching. */
  recoverMedia(): void;
  /** Stops loading and frees the engine; the element stays, empty, for the next load. */
  stop(): void;
  /** Whether an hls.js instance is alive (for the pool's leak accounting). */
  readonly active: boolean;
}

function tryPlay(video: HTMLVideoElement): void {
  video.muted = true;
  // Muted autoplay is allowed everywhere; a rejection here only means the element was torn down.
  video.play().catch(() => undefined);
}

const PLAYLIST_ERRORS: ReadonlySet<string> = new Set([
  ErrorDetails.MANIFEST_LOAD_ERROR,
  ErrorDetails.MANIFEST_LOAD_TIMEOUT,
  ErrorDetails.MANIFEST_PARSING_ERROR,
  ErrorDetails.LEVEL_LOAD_ERROR,
  ErrorDetails.LEVEL_LOAD_TIMEOUT,
  ErrorDetails.LEVEL_EMPTY_ERROR,
]);

function hlsEngine(video: HTMLVideoElement, callbacks: StreamCallbacks): StreamEngine {
  let hls: Hls | null = null;
  const stop = (): void => {
    if (!hls) return;
    // destroy() detaches the media (MediaSource closed, src removed) and aborts every request.
    hls.destroy();
    hls = null;
  };
  return {
    load: (url) => {
      // A fresh instance per (re)load: after a fatal error hls.js's internal state is not trustworthy.
      stop();
      const instance = new Hls(LIVE_WALL_HLS_CONFIG);
      instance.on(Events.MANIFEST_PARSED, () => tryPlay(video));
      instance.on(Events.ERROR, (_event, data) => {
        if (instance !== hls) return;
        const kind: FatalKind = data.type === ErrorTypes.NETWORK_ERROR ? 'network' : data.type === ErrorTypes.MEDIA_ERROR ? 'media' : 'other';
        const status = data.response?.code;
        callbacks.onError({
          kind,
          fatal: data.fatal,
          playlist: PLAYLIST_ERRORS.has(data.details),
          ...(typeof status === 'number' && status > 0 ? { status } : {}),
          detail: data.details,
        });
      });
      instance.attachMedia(video);
      instance.loadSource(url);
      hls = instance;
    },
    recoverMedia: () => hls?.recoverMediaError(),
    stop,
    get active() {
      return hls !== null;
    },
  };
}

/** Safari and some TVs play HLS natively; there is no hls.js error stream, only the element's. */
function nativeEngine(video: HTMLVideoElement, callbacks: StreamCallbacks): StreamEngine {
  let loaded = false;
  video.addEventListener('error', () => {
    if (loaded) callbacks.onError({ kind: 'network', fatal: true, playlist: false, detail: video.error?.message ?? 'media element error' });
  });
  return {
    load: (url) => {
      loaded = true;
      video.src = url;
      tryPlay(video);
    },
    recoverMedia: () => video.load(),
    stop: () => {
      loaded = false;
      video.removeAttribute('src');
      video.load();
    },
    get active() {
      return loaded;
    },
  };
}

/** An engine for this video element, or null when the browser can play HLS neither way. */
export function createStreamEngine(video: HTMLVideoElement, callbacks: StreamCallbacks): StreamEngine | null {
  if (Hls.isSupported()) return hlsEngine(video, callbacks);
  if (video.canPlayType('application/vnd.apple.mpegurl') !== '') return nativeEngine(video, callbacks);
  return null;
}

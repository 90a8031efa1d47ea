import {
  CAMERA_MEDIA_RECOVERY_WINDOW_MS,
  CAMERA_PROBE_BASE_MS,
  CAMERA_PROBE_MAX_MS,
  CAMERA_RETRY_BASE_MS,
  CAMERA_RETRY_MAX_MS,
  CAMERA_STALL_MS,
  CAMERA_STALL_RELOAD_MS,
} from '../../constants';

/**
 * The health of one camera tile as a pure state machine, so the rules ("live only once frames
 * advance", "stalled after 5 s without a frame", when to recover and when to reload) are testable
 * without a browser or a stream.
 */
export type CameraState = 'loading' | 'live' | 'stalled' | 'offline' | 'error';
/**
 * Why a camera is offline, from what the player saw: the hub's registry says so (`registry`), the
 * media server answered its playlist with an HTTP error, so it has no stream of the camera
 * (`no-stream`), or nothing answered at all: a network error or a timeout (`unreachable`).
 */
export type OfflineReason = 'registry' | 'no-stream' | 'unreachable';
/**
 * What a tile tells the room: the camera is down (`camera`), the wall cannot reach the media server
 * (`media`), or the wall has lost its own app server (`host`), in which case nothing answering is
 * put down to that, the likelier cause (the demo's app server is also its media server).
 */
export type CameraCause = 'camera' | 'media' | 'host';
export type FatalKind = 'network' | 'media' | 'other';

/** What the player should do about a fatal error. */
export type Recovery = { kind: 'recover-media' } | { kind: 'reload'; delayMs: number };

export interface CameraHealth {
  state: CameraState;
  /** When a new frame was last seen (ms since epoch), kept across reloads; null before the first frame. */
  lastFrameAt: number | null;
  /** When the current source (re)load began. */
  loadStartedAt: number;
  /** Fatal errors since the last frame; drives the retry backoff and the "attempt n" label. */
  failures: number;
  lastMediaRecoveryAt: number | null;
  /** The recovery planned for the latest fatal error, for the player to carry out. */
  recovery: Recovery | null;
  offlineReason: OfflineReason | null;
  /** Probes of an unreachable playlist so far; drives the probe interval. */
  probes: number;
}

export type CameraEvent =
  | { type: 'load'; at: number }
  | { type: 'frame'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'fatal'; at: number; error: FatalKind }
  | { type: 'offline'; at: number; reason: OfflineReason }
  /** A probe of the playlist failed; `reason` says how, when the probe could tell. */
  | { type: 'probe-failed'; at: number; reason?: Exclude<OfflineReason, 'registry'> };

export function initialCameraHealth(at: number): CameraHealth {
  return { state: 'loading', lastFrameAt: null, loadStartedAt: at, failures: 0, lastMediaRecoveryAt: null, recovery: null, offlineReason: null, probes: 0 };
}

/** Exponential backoff from the first failure: 1 s, 2 s, 4 s … capped, so a dead camera is not hammered. */
export function retryDelayMs(failures: number): number {
  return Math.min(CAMERA_RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), CAMERA_RETRY_MAX_MS);
}

/** The wait before the next probe of an unreachable playlist: 1 s, 2 s, then every 3 s. */
export function probeDelayMs(probes: number): number {
  return Math.min(CAMERA_PROBE_BASE_MS * (probes + 1), CAMERA_PROBE_MAX_MS);
}

/** Media errors are first repaired in place (cheap, keeps the buffer); a repeat soon after means reload. */
export function planRecovery(health: CameraHealth, error: FatalKind, at: number): Recovery {
  const recentRecovery = health.lastMediaRecoveryAt !== null && at - health.lastMediaRecoveryAt < CAMERA_MEDIA_RECOVERY_WINDOW_MS;
  if (error === 'media' && !recentRecovery) return { kind: 'recover-media' };
  return { kind: 'reload', delayMs: retryDelayMs(health.failures + 1) };
}

export function nextCameraHealth(health: CameraHealth, event: CameraEvent): CameraHealth {
  switch (event.type) {
    case 'load':
      // lastFrameAt survives a reload so the tile can still say how old its last picture is.
      return { ...health, state: 'loading', loadStartedAt: event.at, recovery: null, offlineReason: null, probes: 0 };
    case 'frame':
      if (health.state === 'offline') return health;
      return { ...health, state: 'live', lastFrameAt: event.at, failures: 0, recovery: null };
    case 'tick':
      if (health.state === 'live' && health.lastFrameAt !== null && event.at - health.lastFrameAt >= CAMERA_STALL_MS) {
        return { ...health, state: 'stalled' };
      }
      return health;
    case 'fatal': {
      if (health.state === 'offline') return health;
      const recovery = planRecovery(health, event.error, event.at);
      return {
        ...health,
        state: 'error',
        failures: health.failures + 1,
        lastMediaRecoveryAt: recovery.kind === 'recover-media' ? event.at : health.lastMediaRecoveryAt,
        recovery,
      };
    }
    case 'offline':
      if (health.state === 'offline' && health.offlineReason === event.reason) return health;
      return { ...health, state: 'offline', recovery: null, offlineReason: event.reason, probes: 0 };
    case 'probe-failed':
      // The answer may change while probing (the media server back, the camera still gone): the
      // reason follows it, and the probe schedule goes on.
      if (health.state !== 'offline' || health.offlineReason === 'registry') return health;
      return { ...health, probes: health.probes + 1, offlineReason: event.reason ?? health.offlineReason };
  }
}

/** What an offline tile says about why it has no picture, given whether this page still reaches its host. */
export function offlineCause(reason: OfflineReason | null, hostReachable: boolean): CameraCause {
  if (reason === 'unreachable') return hostReachable ? 'media' : 'host';
  return 'camera';
}

/** A stall, or a load with no first frame, that outlasts hls.js's own nudging needs a fresh load. */
export function needsReload(health: CameraHealth, at: number): boolean {
  if (health.state === 'stalled') return health.lastFrameAt !== null && at - health.lastFrameAt >= CAMERA_STALL_RELOAD_MS;
  if (health.state === 'loading') return at - health.loadStartedAt >= CAMERA_STALL_RELOAD_MS;
  return false;
}

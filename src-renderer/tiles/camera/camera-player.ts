import { CAMERA_MAIN_SWITCH_TIMEOUT_MS, CAMERA_POSTER_DELAY_MS, CLOCK_TICK_MS } from '../../constants';
import { initialCameraHealth, needsReload, nextCameraHealth, probeDelayMs, type CameraEvent, type CameraHealth, type OfflineReason } from './camera-health';
import type { DecodeGrant } from './decode-budget';
import { createStreamEngine, type StreamEngine, type StreamError } from './hls-player';
import { probePlaylist } from './playlist-probe';
import { stillSize, wantsMainStream } from './stream-choice';
import type { CameraSource } from '../../../src-shared/wall-boot';

/** Where a camera streams from, as the hub's registry says. */
export type { CameraSource } from '../../../src-shared/wall-boot';

export type StreamKind = 'sub' | 'main';
/** Why a player is not decoding although a tile holds it. */
export type Suspension = 'budget' | 'hidden' | null;

/** What a tile renders from; a new object only when something it shows changed. */
export interface CameraPlayerSnapshot {
  health: CameraHealth;
  stream: StreamKind;
  suspended: Suspension;
  /** When the frame held as a still was shown; null when there is none. */
  stillAt: number | null;
  /** The browser can play HLS neither with hls.js nor natively. */
  unsupported: boolean;
}

/** A stream being played into its own video element. */
interface Stream {
  kind: StreamKind;
  url: string;
  video: VideoWithFrames;
  engine: StreamEngine;
}

type VideoWithFrames = HTMLVideoElement & {
  requestVideoFrameCallback?: (callback: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/** How often a live tile looks for a new frame; well inside CAMERA_STALL_MS. */
const FRAME_SAMPLE_MS = 500;

/** Frames the element has decoded so far; -1 where the browser does not say. */
function decodedFrames(video: HTMLVideoElement): number {
  return typeof video.getVideoPlaybackQuality === 'function' ? video.getVideoPlaybackQuality().totalVideoFrames : -1;
}

function createVideo(): VideoWithFrames {
  const video = document.createElement('video');
  video.className = 'camera-player__video';
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.disablePictureInPicture = true;
  video.disableRemotePlayback = true;
  video.setAttribute('aria-hidden', 'true');
  return video;
}

/**
 * One camera's player, living outside React so that a layout or preset change can hand the same
 * element, buffer and picture to the camera's tile in the new layout: the pool (player-pool.ts)
 * keeps it, a tile only lends it a slot in the DOM.
 *
 * The element stacks the camera's still (from the hub) under the last frame captured here, under
 * the video: whatever the video cannot show at the moment — before the first frame, while
 * reconnecting, over the decode budget — the frame below it shows instead of black.
 */
export class CameraPlayer {
  readonly element: HTMLDivElement;
  private source: CameraSource;
  private readonly poster: HTMLImageElement;
  private readonly still: HTMLCanvasElement;
  private active: Stream | null = null;
  /** The main stream warming up behind the sub stream until its first frame. */
  private pending: Stream | null = null;
  private pendingSince = 0;
  private health: CameraHealth;
  private grant: DecodeGrant = 'none';
  private suspendedReason: Suspension = 'budget';
  private wantsMain = false;
  private slotHeight = 0;
  private unsupported = false;
  private snapshotValue: CameraPlayerSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private frameHandle: number | null = null;
  private frameWait: ReturnType<typeof setTimeout> | null = null;
  private lastFrames = -1;
  private stillAt: number | null = null;
  /** The hub still last asked for (updatePoster). */
  private posterAsked: string | null = null;
  private readonly createdAt = Date.now();
  private disposed = false;

  constructor(
    source: CameraSource,
    private readonly onDemandChanged: () => void,
  ) {
    this.source = source;
    this.health = initialCameraHealth(Date.now());
    this.element = document.createElement('div');
    this.element.className = 'camera-player';
    this.element.dataset.cameraId = source.cameraId;
    this.poster = document.createElement('img');
    this.poster.className = 'camera-player__poster';
    this.poster.alt = '';
    this.poster.decoding = 'async';
    // Hidden until its picture has loaded: Chrome draws a broken-image icon for an <img> with no
    // source, one still loading, or one that failed (no still, a wrong URL, a 404).
    this.poster.hidden = true;
    this.poster.addEventListener('load', () => {
      this.poster.hidden = !this.poster.getAttribute('src') || this.poster.naturalWidth === 0;
    });
    this.poster.addEventListener('error', () => this.clearPoster());
    this.still = document.createElement('canvas');
    this.still.className = 'camera-player__still';
    this.element.append(this.poster, this.still);
    if (!source.online) this.apply({ type: 'offline', at: Date.now(), reason: 'registry' });
    // No still asked for yet: the pool's first grant (setGrant, always right after) says whether
    // this player will decode; until then it only looks suspended.
    this.snapshotValue = this.makeSnapshot();
  }

  get cameraId(): string {
    return this.source.cameraId;
  }

  /** For the pool's budget: whether a tile this size would rather have the main stream. */
  get wantsMainStream(): boolean {
    return this.wantsMain;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): CameraPlayerSnapshot => this.snapshotValue;

  /** The visible video, e.g. for a snapshot; null while nothing plays. */
  get video(): HTMLVideoElement | null {
    return this.active?.video ?? null;
  }

  /** The registry changed (new URL, camera went offline or came back). */
  setSource(source: CameraSource): void {
    const previous = this.source;
    this.source = source;
    if (previous.stillUrl !== source.stillUrl) {
      this.clearPoster();
      this.posterAsked = null;
      this.updatePoster(this.snapshotValue);
    }
    if (!source.online) {
      this.goOffline('registry');
      return;
    }
    const urlsChanged = previous.subUrl !== source.subUrl || previous.mainUrl !== source.mainUrl;
    if (urlsChanged || !previous.online) {
      this.updateWantsMain();
      if (this.grant !== 'none') this.startStream(this.kindFor(this.grant));
    }
  }

  /** The tile's slot was resized: maybe switch between sub and main stream. */
  setSlotHeight(cssPx: number): void {
    this.slotHeight = cssPx;
    this.updateWantsMain();
  }

  /** The pool's decision: play the main or sub stream, or stop decoding (the still stays). */
  setGrant(grant: DecodeGrant, reason: Exclude<Suspension, null>): void {
    const previous = this.grant;
    this.grant = grant;
    if (this.disposed || !this.source.online) {
      this.publish();
      return;
    }
    if (grant === 'none') {
      if (previous !== 'none') this.suspend();
      this.suspendedReason = reason;
      this.publish();
      return;
    }
    this.suspendedReason = null;
    const kind = this.kindFor(grant);
    // Only a fresh player or one coming back from suspension starts here: one that is offline
    // (probing) or waiting out a retry keeps its schedule and loads the new stream kind when it runs.
    if (!this.active || previous === 'none') this.startStream(kind);
    else if (this.active.kind !== kind) {
      if (this.active.engine.active) this.switchTo(kind);
      else {
        this.active.kind = kind;
        this.active.url = this.urlFor(kind);
      }
    }
    this.publish();
  }

  /** Tears everything down: engines destroyed, media detached, elements removed. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stopTimers();
    this.dropStream(this.pending);
    this.pending = null;
    this.dropStream(this.active);
    this.active = null;
    this.clearPoster();
    this.still.width = 0;
    this.element.remove();
    this.listeners.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private kindFor(grant: DecodeGrant): StreamKind {
    return grant === 'main' && this.source.mainUrl ? 'main' : 'sub';
  }

  private urlFor(kind: StreamKind): string {
    return kind === 'main' && this.source.mainUrl ? this.source.mainUrl : this.source.subUrl;
  }

  private updateWantsMain(): void {
    const subHeight = this.active?.kind === 'sub' ? this.active.video.videoHeight : 0;
    const wants = this.source.mainUrl !== undefined && wantsMainStream(this.slotHeight, window.devicePixelRatio, subHeight, this.wantsMain);
    if (wants !== this.wantsMain) {
      this.wantsMain = wants;
      this.onDemandChanged();
    }
  }

  /**
   * The hub's still is asked for only when the tile has no picture of its own to show: not while
   * the stream is live, not during a normal start (CAMERA_POSTER_DELAY_MS), not once a frame of our
   * own has been kept. Asked at every start, the stills of a whole wall went out with the first
   * playlists and held up their requests (the browser's six connections to the media server) and
   * then kept a decoded picture per tile (issue 13). A still that failed is not asked again.
   */
  private updatePoster(snapshot: CameraPlayerSnapshot): void {
    const url = this.source.stillUrl;
    if (url === undefined || url === this.posterAsked || this.stillAt !== null) return;
    const { state } = snapshot.health;
    const decoding = snapshot.suspended === null;
    const startingNormally = state === 'loading' && decoding && Date.now() - this.createdAt < CAMERA_POSTER_DELAY_MS;
    if ((state === 'live' && decoding) || startingNormally) return;
    this.posterAsked = url;
    this.poster.hidden = true;
    this.poster.src = url;
  }

  private clearPoster(): void {
    this.poster.hidden = true;
    this.poster.removeAttribute('src');
  }

  private newStream(kind: StreamKind): Stream | null {
    const video = createVideo();
    const stream: { current: Stream | null } = { current: null };
    const engine = createStreamEngine(video, { onError: (error) => this.onStreamError(stream.current, error) });
    if (!engine) return null;
    stream.current = { kind, url: this.urlFor(kind), video, engine };
    return stream.current;
  }

  /** (Re)starts playback of `kind` in the current video element, so the element never changes. */
  private startStream(kind: StreamKind): void {
    if (this.disposed) return;
    this.dropStream(this.pending);
    this.pending = null;
    if (!this.active) {
      const stream = this.newStream(kind);
      if (!stream) {
        this.unsupported = true;
        this.apply({ type: 'fatal', at: Date.now(), error: 'other' });
        return;
      }
      this.active = stream;
      this.element.append(stream.video);
    }
    this.active.kind = kind;
    this.active.url = this.urlFor(kind);
    this.element.dataset.stream = kind;
    this.load();
  }

  private load(): void {
    if (!this.active || this.disposed) return;
    this.stopTimers();
    this.lastFrames = -1;
    this.apply({ type: 'load', at: Date.now() });
    this.active.engine.load(this.active.url);
    this.watchFrames();
    this.schedule(CLOCK_TICK_MS, () => this.tick());
  }

  /**
   * Sub ⇄ main without a black frame: the other stream warms up in a second element behind this
   * one and takes its place on its first frame; if it does not play in time, the tile stays put.
   */
  private switchTo(kind: StreamKind): void {
    if (this.pending?.kind === kind) return;
    this.dropStream(this.pending);
    const stream = this.newStream(kind);
    if (!stream) return;
    this.pending = stream;
    this.pendingSince = Date.now();
    stream.video.classList.add('camera-player__video--pending');
    stream.video.addEventListener('playing', () => this.promotePending(stream), { once: true });
    this.element.prepend(stream.video);
    // Behind the poster and still, so nothing of it shows until it takes over.
    this.element.append(this.poster, this.still);
    if (this.active) this.element.append(this.active.video);
    stream.engine.load(stream.url);
  }

  private promotePending(stream: Stream): void {
    if (this.pending !== stream || this.disposed) return;
    const old = this.active;
    this.pending = null;
    stream.video.classList.remove('camera-player__video--pending');
    this.element.append(stream.video);
    this.active = stream;
    this.element.dataset.stream = stream.kind;
    this.dropStream(old);
    this.stopFrameWatch();
    this.lastFrames = -1;
    this.watchFrames();
    this.apply({ type: 'frame', at: Date.now() });
  }

  private dropStream(stream: Stream | null): void {
    if (!stream) return;
    stream.engine.stop();
    stream.video.removeAttribute('src');
    stream.video.load();
    stream.video.remove();
  }

  /** Keeps the last frame as a still and stops decoding; the element stays for the next load. */
  private suspend(): void {
    this.captureStill();
    this.stopTimers();
    this.dropStream(this.pending);
    this.pending = null;
    this.active?.engine.stop();
  }

  private goOffline(reason: OfflineReason): void {
    this.captureStill();
    this.stopTimers();
    this.dropStream(this.pending);
    this.pending = null;
    this.active?.engine.stop();
    this.apply({ type: 'offline', at: Date.now(), reason });
    if (reason !== 'registry') this.scheduleProbe();
  }

  private scheduleProbe(): void {
    this.schedule(probeDelayMs(this.health.probes), () => {
      const url = this.active?.url ?? this.source.subUrl;
      void probePlaylist(url).then((result) => {
        if (this.disposed || this.health.state !== 'offline' || this.health.offlineReason === 'registry') return;
        // Over the budget or hidden: stop probing; the next grant loads the stream and finds out.
        if (this.grant === 'none') return;
        if (result.ok) {
          this.load();
          return;
        }
        this.apply({ type: 'probe-failed', at: Date.now(), reason: result.reason });
        this.scheduleProbe();
      });
    });
  }

  private onStreamError(stream: Stream | null, error: StreamError): void {
    if (this.disposed || !stream) return;
    if (stream === this.pending) {
      // The main stream did not come up: stay on the sub stream, which is still playing.
      if (error.fatal) {
        this.dropStream(stream);
        this.pending = null;
      }
      return;
    }
    if (stream !== this.active || this.health.state === 'offline') return;
    // A playlist that answers 4xx is gone, not slow: offline at once, then probe. Other playlist
    // failures get hls.js's one quick retry first. An HTTP answer means the media server is there
    // and has no stream of the camera; no answer at all means the media server cannot be reached.
    const definitive = error.status !== undefined && error.status >= 400 && error.status < 500;
    if (error.playlist && (definitive || error.fatal)) {
      this.goOffline(error.status !== undefined ? 'no-stream' : 'unreachable');
      return;
    }
    if (!error.fatal) return;
    this.captureStill();
    this.apply({ type: 'fatal', at: Date.now(), error: error.kind });
    const recovery = this.health.recovery;
    if (recovery?.kind === 'recover-media') this.active?.engine.recoverMedia();
    else if (recovery?.kind === 'reload') {
      this.stopTimers();
      this.active?.engine.stop();
      this.schedule(recovery.delayMs, () => this.load());
    }
  }

  private tick(): void {
    if (this.disposed || !this.active) return;
    const at = Date.now();
    const video = this.active.video;
    // The decoded-frame count rising also proves frames are advancing where rVFC does not fire
    // (hidden window). Not currentTime: hls.js nudges it forward through a stall with no frame shown.
    const frames = decodedFrames(video);
    if (frames > this.lastFrames && this.lastFrames >= 0) this.apply({ type: 'frame', at });
    this.lastFrames = frames;
    this.apply({ type: 'tick', at });
    if (this.pending && at - this.pendingSince > CAMERA_MAIN_SWITCH_TIMEOUT_MS) {
      this.dropStream(this.pending);
      this.pending = null;
    }
    if (needsReload(this.health, at)) {
      this.captureStill();
      this.load();
      return;
    }
    if (this.health.state !== 'error' && video.paused && video.readyState >= 2) void video.play().catch(() => undefined);
    this.schedule(CLOCK_TICK_MS, () => this.tick());
  }

  private watchFrames(): void {
    const video = this.active?.video;
    if (!video?.requestVideoFrameCallback) return;
    this.frameHandle = video.requestVideoFrameCallback(() => {
      this.frameHandle = null;
      if (this.disposed || this.active?.video !== video) return;
      const wasLive = this.health.state === 'live';
      this.apply({ type: 'frame', at: Date.now() });
      if (!wasLive) {
        // The element's size is known from the first frame on: the sub stream's height decides
        // when a bigger tile is worth the main stream.
        this.updateWantsMain();
        this.watchFrames();
        return;
      }
      // Live: one sighting per FRAME_SAMPLE_MS tells live from stalled (a 5 s window); a callback
      // on every frame of every tile would be 625 main-thread wake-ups a second at 25 tiles.
      this.frameWait = setTimeout(() => {
        this.frameWait = null;
        if (!this.disposed) this.watchFrames();
      }, FRAME_SAMPLE_MS);
    });
  }

  private stopFrameWatch(): void {
    if (this.frameHandle !== null) {
      for (const stream of [this.active, this.pending]) stream?.video.cancelVideoFrameCallback?.(this.frameHandle);
      this.frameHandle = null;
    }
    if (this.frameWait !== null) clearTimeout(this.frameWait);
    this.frameWait = null;
  }

  /**
   * Keeps the frame the video shows as the still, at the moment the picture stops (suspend,
   * offline, fatal error, reload): the element still holds its last frame then. Never on a timer
   * while live: in this Chromium a video frame read into a canvas (or an ImageBitmap) kept about
   * 0.8 MiB in the renderer (scripts/bench/video-frame-reads.ts), and a 16-tile wall refreshing its
   * stills every 30 s held 200 MiB more after 15 minutes of the camera soak (issue 13).
   */
  private captureStill(): void {
    const video = this.active?.video;
    if (!video || video.readyState < 2 || video.videoWidth === 0) return;
    try {
      // Kept at the size the tile shows it, not the stream's: a 5×5 wall's tiles are a third of a
      // 640×360 sub stream's pixels, and the still is held by every tile all the time (issue 13).
      const { width, height } = stillSize(video.videoWidth, video.videoHeight, this.slotHeight * (window.devicePixelRatio || 1));
      this.still.width = width;
      this.still.height = height;
      this.still.getContext('2d')?.drawImage(video, 0, 0, width, height);
      this.stillAt = this.health.lastFrameAt ?? Date.now();
      this.element.dataset.still = 'frame';
      // Our own frame now stands in for the hub's still: let go of its decoded image (~1 MB a tile).
      this.clearPoster();
    } catch {
      // A tainted or torn-down frame cannot be copied; the hub's still stays underneath.
    }
  }

  private schedule(delayMs: number, run: () => void): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.disposed) run();
    }, delayMs);
  }

  private stopTimers(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.stopFrameWatch();
  }

  private apply(event: CameraEvent): void {
    this.health = nextCameraHealth(this.health, event);
    this.publish();
  }

  private makeSnapshot(): CameraPlayerSnapshot {
    return {
      health: this.health,
      stream: this.active?.kind ?? 'sub',
      suspended: this.grant === 'none' ? this.suspendedReason : null,
      stillAt: this.stillAt,
      unsupported: this.unsupported,
    };
  }

  /**
   * Tells subscribers only what they render. While live, lastFrameAt moves with every sampled
   * frame, but a live tile reads "live", not an age: those changes are not worth a render.
   */
  private publish(): void {
    const next = this.makeSnapshot();
    this.updatePoster(next);
    const old = this.snapshotValue as CameraPlayerSnapshot | undefined;
    this.element.dataset.state = next.health.state;
    this.element.dataset.decoding = String(next.suspended === null && next.health.state !== 'offline');
    const bothLive = old?.health.state === 'live' && next.health.state === 'live';
    const same =
      old !== undefined &&
      old.health.state === next.health.state &&
      old.health.failures === next.health.failures &&
      old.health.offlineReason === next.health.offlineReason &&
      (bothLive || old.health.lastFrameAt === next.health.lastFrameAt) &&
      old.stream === next.stream &&
      old.suspended === next.suspended &&
      old.stillAt === next.stillAt &&
      old.unsupported === next.unsupported;
    if (same) return;
    this.snapshotValue = next;
    this.listeners.forEach((listener) => listener());
  }
}

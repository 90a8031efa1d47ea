import type { Socket } from 'socket.io';
import { HUB_EVENTS, type HubClosing, type HubResyncRequest } from '../../src-shared/hub-protocol';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { CatchUpCancelled, type CatchUpQueue } from './catch-up-queue';
import { ResyncLimit, type ResyncLimits } from './resync-limit';
import { WallGone, WallStalled } from './socket-flush';

export interface WallSessionDeps {
  queue: CatchUpQueue;
  limits: ResyncLimits;
  log: Logger;
  /**
   * Logs a throttled or flooding wall at most once per interval and subject (see oncePerInterval);
   * the subject is the wall's address and token, so a wall that reconnects to flood again is still
   * one line per interval.
   */
  tellOnce(subject: string, tell: (times: number) => void): void;
  /** Catches the wall up and puts it on the live stream. */
  catchUp(session: WallSession, request: HubResyncRequest, signal: AbortSignal): Promise<void>;
}

/** How long a flooding wall is asked to stay away; and how long a stalled one. */
const FLOOD_RETRY_MS = 30_000;
const STALLED_RETRY_MS = 5_000;
/** Time the closing notice has to reach a wall before its connection is cut regardless. */
const CLOSE_GRACE_MS = 2_000;

/**
 * One wall's connection: its catch-ups, one at a time. A resync that arrives while one is running
 * or waiting replaces the waiting one — only the latest is served, since each answers "everything
 * I miss" — and serving is metered (ResyncLimit): over the rate a request waits its turn; far over
 * it the wall is told why and disconnected.
 */
export class WallSession {
  private pending: HubResyncRequest | undefined;
  private running = false;
  private closed = false;
  private wake: NodeJS.Timeout | undefined;
  private readonly meter: ResyncLimit;
  private readonly abort = new AbortController();

  constructor(
    readonly socket: Socket,
    readonly who: string,
    /** The wall's address and token, for log lines that repeat (see tellOnce). */
    private readonly subject: string,
    readonly chunked: boolean,
    private readonly deps: WallSessionDeps,
  ) {
    this.meter = new ResyncLimit(deps.limits);
  }

  /** The handshake's request: the first catch-up, served at once. */
  connected(request: HubResyncRequest): void {
    this.pending = request;
    this.pump();
  }

  /** A `hub:resync` from the wall. */
  resync(request: HubResyncRequest): void {
    if (this.closed) return;
    const verdict = this.meter.arrived(this.running || this.pending !== undefined);
    this.pending = request;
    if (verdict === 'flood') {
      const { floodLimit, floodWindowMs, burst, perSecond } = this.deps.limits;
      const reason = `more than ${floodLimit} resync requests over the limit (${burst} at once, then ${perSecond} per second) within ${floodWindowMs / 1000} s`;
      this.deps.tellOnce(`flood ${this.subject}`, (times) => this.deps.log.warn(`${this.who}: disconnected: ${reason}${times > 1 ? ` (${times} connections from ${this.subject} disconnected so since the last such line)` : ''}`));
      return this.close({ code: 'resync-flood', reason: `${reason}; this wall's software resyncs in a loop`, retryAfterMs: FLOOD_RETRY_MS });
    }
    if (verdict === 'throttle') {
      this.deps.tellOnce(`throttle ${this.subject}`, (times) =>
        this.deps.log.warn(`${this.who}: throttled ${times} resync request${times === 1 ? '' : 's'} over the limit (${this.deps.limits.burst} at once, then ${this.deps.limits.perSecond} per second) from ${this.subject}; the latest is served in turn`),
      );
    }
    this.pump();
  }

  /** The connection is gone: stop whatever runs or waits. */
  dispose(): void {
    this.closed = true;
    this.pending = undefined;
    clearTimeout(this.wake);
    this.abort.abort();
  }

  /** Tells the wall why, then disconnects it (cutting the connection if the notice cannot get through). */
  close(notice: HubClosing): void {
    if (this.closed) return;
    this.dispose();
    this.socket.emit(HUB_EVENTS.closing, notice);
    // A namespace disconnect, so a wall host sees "io server disconnect" and waits as it is told
    // instead of socket.io reconnecting at once; the connection itself is cut a little later, also
    // for a wall that reads nothing and so never lets the notice out.
    this.socket.disconnect();
    setTimeout(() => {
      const { conn } = this.socket;
      if (conn.readyState !== 'closed') conn.close(true);
      // A websocket's close waits for the wall's answer (ws gives it 30 s) even once engine.io calls
      // the connection closed; a wall that reads nothing never answers, so its socket is destroyed.
      conn.request.socket.destroy();
    }, CLOSE_GRACE_MS).unref();
  }

  private pump(): void {
    if (this.closed || this.running || !this.pending || this.wake) return;
    if (!this.meter.take()) {
      this.wake = setTimeout(() => {
        this.wake = undefined;
        this.pump();
      }, this.meter.waitMs());
      return;
    }
    const request = this.pending;
    this.pending = undefined;
    this.running = true;
    this.deps.queue
      .run(() => this.deps.catchUp(this, request, this.abort.signal), this.abort.signal)
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }

  private failed(error: unknown): void {
    if (error instanceof WallGone || error instanceof CatchUpCancelled || this.closed) return;
    if (error instanceof WallStalled) {
      this.deps.log.warn(`${this.who}: disconnected during its catch-up: ${error.message}`);
      return this.close({ code: 'catch-up-stalled', reason: `${error.message} of its catch-up`, retryAfterMs: STALLED_RETRY_MS });
    }
    this.deps.log.error(`${this.who}: catch-up failed, disconnecting it: ${errorMessage(error)}`);
    this.dispose();
    this.socket.disconnect(true);
  }
}

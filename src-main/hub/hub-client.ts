import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import {
  HUB_CAPABILITIES,
  HUB_EVENTS,
  hubAlertAckResultSchema,
  hubAlertAckSchema,
  type HubAlertAck,
  type HubAlertAckResult,
  type HubClosing,
  type HubMessage,
  type HubSnapshot,
} from '../../src-shared/hub-protocol';
import type { HubStateModel } from '../../src-shared/hub-state-model';
import type { ConnectionState, ConnectionStatus } from '../../src-shared/ipc';
import { createSilenceWatch } from '../../src-shared/link-silence';
import { LINK_RECONNECT_DELAY_MAX_MS, LINK_RECONNECT_DELAY_MS } from '../../src-shared/link-timing';
import type { WallCache } from '../cache/wall-cache';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { HubUrlRotation } from './hub-failover';
import { HubSync } from './hub-sync';
import { RejectionLog } from './rejection-log';
import { RendererOutbox } from './renderer-outbox';

export interface HubClientOptions {
  /** The hub, or the nodes of a hub cluster: a wall fails over between them (hub-failover.ts). */
  urls: readonly string[];
  token: string;
  log: Logger;
  /** The state read from the cache at start; the client keeps it in step with the hub. */
  model: HubStateModel;
  cache: WallCache;
  onStatus(state: ConnectionState): void;
  /** A full state for the windows: after a snapshot or a replay. */
  onSnapshot(snapshot: HubSnapshot): void;
  /** Live messages in seq order, one call per tick, at most HUB_MESSAGE_BATCH each. */
  onMessages(batch: HubMessage[]): void;
  /** Waiting longer than this for `hub:live` after connecting or asking to resync reconnects. */
  resyncTimeoutMs?: number;
  /** Retry delay after the hub refused the wall (e.g. a token it does not know yet). */
  refusedRetryMs?: number;
  /** Rejections logged one by one per minute before they are only counted (default 20). */
  rejectionsLoggedPerMinute?: number;
  /** How long an acknowledgement waits for the hub's answer (default 5 s). */
  ackTimeoutMs?: number;
}

export interface HubClient {
  readonly model: HubStateModel;
  connection(): ConnectionState;
  /**
   * Sends an operator's acknowledgement of an alert to the hub, which stores it and sends the
   * acknowledged alert to every wall (this one included, as a `hub:message`). Never rejects: when
   * the hub is not reachable, does not answer in time or answers nonsense, it resolves `ok: false`
   * with a reason the console can show. Sending again after a failure is safe: the hub answers an
   * alert acknowledged already with the seq it has.
   */
  acknowledgeAlert(request: HubAlertAck): Promise<HubAlertAckResult>;
  close(): void;
}

const clampError = (text: string): string => (text.length > 500 ? `${text.slice(0, 497)}...` : text);

/**
 * The wall host's link to the IOC hub: connecting → resyncing (from connect until the hub says
 * `hub:live`) → live, and offline with the reason whenever the link is down, while the windows keep
 * painting the cached state. socket.io reconnects by itself; the cases where it does not (the hub
 * hung up, or refused the wall) are retried here, so a wall never stays dark after a hub restart.
 */
export function connectHubClient(options: HubClientOptions): HubClient {
  const { log, model, cache } = options;
  const rejections = new RejectionLog(log, options.rejectionsLoggedPerMinute);
  let status: ConnectionStatus = 'connecting';
  let since = new Date().toISOString();
  let error: string | undefined;
  let closed = false;
  /** The status as the socket's events say; `status` is what the walls see (offline while silent). */
  let linkStatus: ConnectionStatus = 'connecting';
  let linkError: string | undefined;
  /** The hub stopped pinging on an open link (link-silence.ts). */
  let silent = false;

  const connection = (): ConnectionState => ({
    status,
    since,
    hubUrl: rotation.current,
    rejected: rejections.count,
    seq: model.seq,
    cache: cache.state(),
    ...(error ? { error } : {}),
  });

  let statusDue: NodeJS.Immediate | undefined;
  let statusSentAt = 0;
  const emitStatus = (): void => {
    if (statusDue) clearImmediate(statusDue);
    statusDue = undefined;
    statusSentAt = Date.now();
    if (!closed) options.onStatus(connection());
  };
  /** What the walls see: the link's own status, but offline while the hub is silent on an open link. */
  const showStatus = (): void => {
    const quiet = silent && (linkStatus === 'live' || linkStatus === 'resyncing');
    const next: ConnectionStatus = quiet ? 'offline' : linkStatus;
    const nextError = quiet ? 'the hub stopped answering (no heartbeat on an open connection)' : linkError;
    if (next === status && nextError === error) return;
    if (next !== status) {
      since = new Date().toISOString();
      log.info(`hub ${next}${nextError ? `: ${nextError}` : ''}`);
    }
    status = next;
    error = nextError;
    emitStatus();
  };
  const setStatus = (next: ConnectionStatus, reason?: string): void => {
    linkStatus = next;
    linkError = reason === undefined ? undefined : clampError(reason);
    showStatus();
  };
  // A hub sending garbage may cause thousands of rejections a second: one status per tick is enough.
  const statusChanged = (): void => {
    statusDue ??= setImmediate(emitStatus);
  };
  const unwatchCache = cache.watch(statusChanged);

  const outbox = new RendererOutbox(model, {
    snapshot: options.onSnapshot,
    messages: (batch) => {
      options.onMessages(batch);
      // The console's seq follows the stream, but a status per batch would double the traffic.
      if (Date.now() - statusSentAt >= 1000) statusChanged();
    },
  });
  const rotation = new HubUrlRotation(options.urls);
  // A hub that froze, or a link that died without closing, shows only as pings that stop: the walls
  // say so within 3 s (link-silence.ts), long before socket.io gives the socket up.
  const silence = createSilenceWatch({
    now: Date.now,
    every: (check, ms) => {
      const timer = setInterval(check, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
    onSilent: () => {
      silent = true;
      showStatus();
      // Another node of the cluster answers while this one is frozen or cut off.
      failOver('the hub node stopped answering', 0);
    },
    onHeard: () => {
      silent = false;
      log.info('the hub answers again');
      showStatus();
    },
  });
  let reconnectTimer: NodeJS.Timeout | undefined;
  let liveTimer: NodeJS.Timeout | undefined;
  /** Why the hub said it is disconnecting this wall, until the next connection. */
  let closing: HubClosing | undefined;
  const resyncTimeoutMs = options.resyncTimeoutMs ?? 15_000;

  /** Starts (or restarts) the wait for `hub:live`: a hub that never answers gets a fresh connection. */
  const awaitLive = (): void => {
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => {
      log.warn(`no answer from the hub in ${resyncTimeoutMs} ms while resyncing; reconnecting`);
      socket.disconnect().connect();
    }, resyncTimeoutMs);
  };

  const sync = new HubSync({
    model,
    cache,
    outbox,
    rejections,
    log,
    sendResync: (request) => {
      log.info(`asking the hub to resync from seq ${request.lastSeq}`);
      socket.emit(HUB_EVENTS.resync, request);
    },
    onResyncing: () => {
      outbox.hold();
      awaitLive();
      setStatus('resyncing');
    },
    onLive: () => {
      clearTimeout(liveTimer);
      outbox.release();
      setStatus('live');
    },
    onRejected: statusChanged,
    // A wall queued behind many others gets its snapshot late but steadily: only silence is a dead hub.
    onProgress: () => {
      if (status === 'resyncing') awaitLive();
    },
    onClosing: (notice) => {
      closing = notice;
    },
  });

  /** A socket to `url` with every listener in place, not connected yet. */
  const openSocket = (url: string): Socket => {
    const opened: Socket = io(url, {
      autoConnect: false,
      // A Manager of its own: going back to a node used before must not reuse the one retired then.
      forceNew: true,
      // A function, so every reconnect presents what the wall holds now, not what it held at start.
      auth: (send) => send({ token: options.token, ...sync.position(), capabilities: [HUB_CAPABILITIES.snapshotChunks] }),
      transports: ['websocket'],
      // A hub that returns is found within about a second (link-timing.ts).
      reconnectionDelay: LINK_RECONNECT_DELAY_MS,
      reconnectionDelayMax: LINK_RECONNECT_DELAY_MAX_MS,
      timeout: 5000,
    });
    opened.io.on('ping', () => silence.ping());
    opened.on('connect', () => {
      rotation.connected();
      silence.connected();
      silent = false;
      closing = undefined;
      sync.connected();
      outbox.hold();
      awaitLive();
      setStatus('resyncing');
    });
    opened.on('connect_error', (err) => {
      setStatus('offline', errorMessage(err));
      if (failOver(`cannot connect: ${errorMessage(err)}`)) return;
      // A refusal (e.g. a token the hub does not know yet) stops socket.io's own retries;
      // keep asking, slowly, so fixing the hub's side brings the wall back without a restart.
      if (!opened.active) {
        clearTimeout(reconnectTimer);
        reconnectTimer = setTimeout(() => opened.connect(), options.refusedRetryMs ?? 10_000);
      }
    });
    opened.on('disconnect', (reason) => {
      silence.disconnected();
      silent = false;
      clearTimeout(liveTimer);
      // The windows get what arrived before the link dropped, then keep painting it offline.
      outbox.release();
      const notice = reason === 'io server disconnect' ? closing : undefined;
      setStatus('offline', notice ? `disconnected by the hub: ${notice.reason}` : `disconnected: ${reason}`);
      const noticeDelayMs = notice ? Math.min(Math.max(notice.retryAfterMs, 1000), 300_000) : undefined;
      if (reason !== 'io client disconnect' && failOver(`disconnected: ${reason}`, noticeDelayMs)) return;
      // socket.io does not reconnect by itself after the server hangs up (e.g. a hub restart); a hub
      // that said why also said when to come back.
      if (reason === 'io server disconnect') {
        clearTimeout(reconnectTimer);
        reconnectTimer = setTimeout(() => opened.connect(), noticeDelayMs ?? 1000);
      }
    });
    opened.onAny((event: unknown, ...args: unknown[]) => sync.handle(event, args));
    return opened;
  };
  const retire = (old: Socket): void => {
    old.offAny();
    old.removeAllListeners();
    old.io.removeAllListeners();
    old.close();
  };
  /**
   * Leaves the current hub node for the next of `hub.urls` (after `delayMs`, else as the rotation
   * says); false with a single URL, where socket.io's own reconnection does the job.
   */
  function failOver(why: string, delayMs?: number): boolean {
    if (closed || !rotation.canFailOver) return false;
    const from = rotation.current;
    const next = rotation.next();
    const wait = delayMs ?? next.delayMs;
    log.warn(`hub node ${from}: ${why}; going over to ${next.url}${wait > 0 ? ` in ${wait} ms` : ''}`);
    clearTimeout(reconnectTimer);
    clearTimeout(liveTimer);
    retire(socket);
    reconnectTimer = setTimeout(() => {
      if (closed) return;
      socket = openSocket(next.url);
      socket.connect();
    }, wait);
    return true;
  }
  // Created before the sync it talks to, connected only once every listener is in place.
  let socket = openSocket(rotation.current);
  socket.connect();

  const ackTimeoutMs = options.ackTimeoutMs ?? 5000;
  const acknowledgeAlert = async (raw: HubAlertAck): Promise<HubAlertAckResult> => {
    const request = hubAlertAckSchema.safeParse(raw);
    const failed = (error: string): HubAlertAckResult => {
      log.warn(`acknowledgement of ${request.success ? `alert ${request.data.alertId}` : 'an alert'} failed: ${error}`);
      return { ok: false, error: clampError(error) };
    };
    if (!request.success) return failed(`the acknowledgement is invalid: ${z.prettifyError(request.error).replace(/\s*\n\s*(?=→)/g, ' ').replace(/\s*\n\s*/g, '; ')}`);
    // Checked here because socket.io would otherwise buffer the emit and send it whenever the link
    // comes back, long after the operator was told it failed.
    if (closed || !socket.connected) return failed('not connected to the hub; try again when it is back');
    let answer: unknown;
    try {
      answer = await socket.timeout(ackTimeoutMs).emitWithAck(HUB_EVENTS.acknowledgeAlert, request.data);
    } catch {
      // Either way the hub may or may not have stored it; trying again tells.
      if (!socket.connected) return failed('the link to the hub dropped before it answered; try again when it is back (acknowledging twice is safe)');
      return failed(`no answer from the hub within ${ackTimeoutMs / 1000} s; try again (acknowledging twice is safe)`);
    }
    const result = hubAlertAckResultSchema.safeParse(answer);
    if (!result.success) return failed('the hub gave an answer this wall does not understand; try again, and tell the IOC team if it persists');
    if (!result.data.ok) return failed(result.data.error);
    log.info(`alert ${request.data.alertId} acknowledged by ${JSON.stringify(request.data.by)}: seq ${result.data.seq}`);
    return result.data;
  };

  return {
    model,
    connection,
    acknowledgeAlert,
    close: () => {
      closed = true;
      silence.stop();
      clearTimeout(reconnectTimer);
      clearTimeout(liveTimer);
      if (statusDue) clearImmediate(statusDue);
      unwatchCache();
      outbox.close();
      socket.offAny();
      socket.removeAllListeners();
      socket.close();
    },
  };
}

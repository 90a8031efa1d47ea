import { io, type Socket } from 'socket.io-client';
import type { ConnectionState, ConnectionStatus } from '../../src-shared/ipc';
import { HUB_EVENTS, hubMessageSchema, hubSnapshotSchema, type HubMessage, type HubSnapshot } from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';
import { errorMessage, type Logger } from '../log';
import { describeRejection, RejectionLog } from './rejection-log';

export interface HubClientOptions {
  url: string;
  token: string;
  log: Logger;
  onStatus(state: ConnectionState): void;
  onSnapshot(snapshot: HubSnapshot): void;
  onMessage(message: HubMessage): void;
}

export interface HubClient {
  readonly model: HubStateModel;
  connection(): ConnectionState;
  close(): void;
}

/**
 * The wall host's link to the IOC hub. Everything the hub sends is parsed here, once; what fails is
 * counted and logged with its reason and goes no further, so a bad hub can never reach a window.
 */
export function connectHubClient(options: HubClientOptions): HubClient {
  const { log } = options;
  const model = new HubStateModel();
  const rejections = new RejectionLog(log);
  let state: ConnectionState = {
    status: 'connecting',
    since: new Date().toISOString(),
    hubUrl: options.url,
    rejected: 0,
  };

  const setStatus = (status: ConnectionStatus, error?: string): void => {
    if (state.status === status && state.error === error && state.rejected === rejections.count) return;
    const changed = state.status !== status;
    state = {
      status,
      since: changed ? new Date().toISOString() : state.since,
      hubUrl: options.url,
      rejected: rejections.count,
      ...(error ? { error } : {}),
    };
    if (changed) log.info(`hub ${status}${error ? `: ${error}` : ''}`);
    options.onStatus(state);
  };

  let reconnectTimer: NodeJS.Timeout | undefined;
  const socket: Socket = io(options.url, {
    auth: { token: options.token },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 5000,
  });

  socket.on('connect', () => setStatus('connecting'));
  socket.on('connect_error', (error) => {
    setStatus('offline', errorMessage(error));
    // A refusal (e.g. a token the hub does not know yet) stops socket.io's own retries;
    // keep asking, slowly, so fixing the hub's side brings the wall back without a restart.
    if (!socket.active) {
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(() => socket.connect(), 10_000);
    }
  });
  socket.on('disconnect', (reason) => {
    setStatus('offline', `disconnected: ${reason}`);
    // socket.io does not reconnect by itself after the server hangs up (e.g. a hub restart);
    // a wall must never stay dark because the hub was restarted cleanly.
    if (reason === 'io server disconnect') {
      reconnectTimer = setTimeout(() => socket.connect(), 1000);
    }
  });

  socket.on(HUB_EVENTS.snapshot, (raw: unknown) => {
    const parsed = hubSnapshotSchema.safeParse(raw);
    if (!parsed.success) {
      rejections.record('snapshot', describeRejection(parsed.error));
      setStatus(state.status, state.error);
      return;
    }
    model.replace(parsed.data);
    options.onSnapshot(model.snapshot());
    setStatus('live');
  });

  socket.on(HUB_EVENTS.message, (raw: unknown) => {
    const parsed = hubMessageSchema.safeParse(raw);
    if (!parsed.success) {
      rejections.record('message', describeRejection(parsed.error, raw));
      setStatus(state.status, state.error);
      return;
    }
    const outcome = model.apply(parsed.data);
    if (outcome === 'duplicate') return;
    options.onMessage(parsed.data);
    if (outcome === 'gap') {
      log.warn(`sequence gap before ${parsed.data.seq}; asking the hub for a fresh snapshot`);
      socket.emit('hub:sync');
    }
  });

  return {
    model,
    connection: () => state,
    close: () => {
      clearTimeout(reconnectTimer);
      socket.removeAllListeners();
      socket.close();
    },
  };
}

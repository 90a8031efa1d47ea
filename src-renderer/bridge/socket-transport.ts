import { io } from 'socket.io-client';
import { BROWSER_BRIDGE_PATH, EVENT_CHANNELS, type InvokeResult } from '../../src-shared/ipc';
import { createSilenceWatch } from '../../src-shared/link-silence';
import { LINK_RECONNECT_DELAY_MS, PAGE_RECONNECT_DELAY_MAX_MS } from '../../src-shared/link-timing';
import type { HostTransport, WindowIdentity } from './transport';

type Listener = (payload: unknown) => void;

/**
 * Browser mode: the host API over socket.io to the server that served this page (same origin, so
 * the CSP's connect-src 'self' covers it). socket.io reconnects on its own; we only report it.
 */
export function socketTransport(timeoutMs: number, identity: WindowIdentity): HostTransport {
  // WebSocket from the first packet: the host is this page's own server on the wall's LAN, and
  // socket.io's default long-polling start costs a cold wall several round trips before it paints.
  // `auth` says which window this is; the host runs every request of this connection as it.
  // Retries at most half a second apart, so a host that returns is found at once (link-timing.ts).
  const socket = io({
    path: BROWSER_BRIDGE_PATH,
    transports: ['websocket'],
    auth: identity,
    reconnectionDelay: LINK_RECONNECT_DELAY_MS,
    reconnectionDelayMax: PAGE_RECONNECT_DELAY_MAX_MS,
  });
  // socket.io retries dropped links by itself, except when the server closed the socket, which a
  // host shutting down does. A kiosk wall has nobody to press reload, so it keeps trying, and once a
  // restarted host answers it reloads the page: the new host may serve a new build, and a new CSP
  // naming its hub's current address (the demo hub's port changes per start).
  let hostClosed = false;
  socket.on('disconnect', (reason) => {
    if (reason !== 'io server disconnect') return;
    hostClosed = true;
    setTimeout(() => socket.connect(), LINK_RECONNECT_DELAY_MS);
  });
  let reloading = false;
  const reload = (): void => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  };
  socket.on('connect', () => {
    if (!hostClosed) return;
    // The wall first paints a frame without its outage band (the link is back: the listeners of this
    // same event clear it), then loads the new page, which can take a few seconds to arrive; a page
    // that paints no frames (hidden) reloads on the timer.
    requestAnimationFrame(() => setTimeout(reload, 0));
    setTimeout(reload, 500);
  });
  // A refusal by the host's handshake check (no or a stale credential) is final: socket.io does
  // not retry it, and the page must say so rather than show "connecting" for ever.
  const refusedListeners = new Set<(message: string) => void>();
  let refusal: string | null = null;
  socket.on('connect_error', (error: Error) => {
    if (socket.active) return;
    refusal = error.message;
    refusedListeners.forEach((listener) => listener(error.message));
  });
  // A host that froze, or a link that died without closing, shows only as pings that stop: the page
  // counts it down within 3 s (link-silence.ts), long before socket.io gives the socket up.
  const silenceListeners = new Set<(silent: boolean) => void>();
  const silence = createSilenceWatch({
    now: Date.now,
    every: (check, ms) => {
      const timer = window.setInterval(check, ms);
      return () => window.clearInterval(timer);
    },
    onSilent: () => silenceListeners.forEach((listener) => listener(true)),
    onHeard: () => silenceListeners.forEach((listener) => listener(false)),
  });
  socket.on('connect', () => silence.connected());
  socket.on('disconnect', () => silence.disconnected());
  socket.io.on('ping', () => silence.ping());
  const listeners = new Map<string, Set<Listener>>();
  // One socket handler per event channel, fanned out, so components can subscribe and unsubscribe freely.
  for (const channel of EVENT_CHANNELS) {
    socket.on(channel, (payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload)));
  }
  return {
    kind: 'browser',
    invoke: (channel, request) =>
      new Promise<InvokeResult<unknown>>((resolve, reject) => {
        socket.timeout(timeoutMs).emit('invoke', channel, request, (error: Error | null, result: InvokeResult<unknown>) => {
          if (error) reject(new Error(`no answer from the host within ${timeoutMs} ms`));
          else resolve(result);
        });
      }),
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
    onRefused: (listener) => {
      refusedListeners.add(listener);
      if (refusal !== null) listener(refusal);
      return () => refusedListeners.delete(listener);
    },
    onLinkChange: (listener) => {
      let connectedBefore = socket.connected;
      const onConnect = (): void => {
        listener(true, connectedBefore);
        connectedBefore = true;
      };
      const onDisconnect = (): void => listener(false, false);
      // A silent link is down for the wall, and up again with its next ping: the same socket, nothing to refetch.
      const onSilence = (silent: boolean): void => listener(!silent, false);
      socket.on('connect', onConnect);
      socket.on('disconnect', onDisconnect);
      socket.io.on('reconnect_failed', onDisconnect);
      silenceListeners.add(onSilence);
      return () => {
        silenceListeners.delete(onSilence);
        socket.off('connect', onConnect);
        socket.off('disconnect', onDisconnect);
        socket.io.off('reconnect_failed', onDisconnect);
      };
    },
  };
}

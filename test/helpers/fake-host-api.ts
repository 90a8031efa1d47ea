import type { EventChannel, EventPayload, HostApi } from '../../src-shared/ipc';
import type { HostTransport } from '../../src-renderer/bridge/transport';

/** A HostApi whose events the test emits itself; only `on` matters to the wiring under test. */
export function fakeHostApi(): { api: HostApi; emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void } {
  const listeners = new Map<string, (payload: never) => void>();
  const api: HostApi = {
    invoke: () => Promise.reject(new Error('not used')),
    on: (channel, listener) => {
      listeners.set(channel, listener as (payload: never) => void);
      return () => listeners.delete(channel);
    },
  };
  const emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>): void => (listeners.get(channel) as ((p: EventPayload<C>) => void) | undefined)?.(payload);
  return { api, emit };
}

/** An Electron-style transport with no link events, for wiring tests. */
export const QUIET_TRANSPORT: HostTransport = { kind: 'electron', invoke: () => Promise.reject(new Error('not used')), on: () => () => undefined };

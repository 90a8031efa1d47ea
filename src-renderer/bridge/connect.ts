import type { HostApi } from '../../src-shared/ipc';
import { BRIDGE_INVOKE_TIMEOUT_MS } from '../constants';
import { useConnectionStore } from '../stores/connection-store';
import { electronTransport } from './electron-transport';
import { createHostApi } from './host-api';
import type { HostTransport, WindowIdentity } from './transport';

export interface Host {
  api: HostApi;
  transport: HostTransport;
}

let connecting: Promise<Host> | null = null;
let identity: WindowIdentity = { role: 'console', session: '' };

/** Which window this page is; set from the route before the first connection. */
export function setWindowIdentity(next: WindowIdentity): void {
  identity = next;
}

function reportInvalid(channel: string, detail: string): void {
  useConnectionStore.getState().payloadRejected();
  console.warn(`[bridge] ignored an invalid ${channel} payload: ${detail}`);
}

async function connect(): Promise<Host> {
  // socket.io-client is loaded only in browser mode; the Electron window never needs it.
  const transport = electronTransport() ?? (await import('./socket-transport')).socketTransport(BRIDGE_INVOKE_TIMEOUT_MS, identity);
  return { api: createHostApi(transport, reportInvalid), transport };
}

/** The one host connection of this window, created on first use. */
export function host(): Promise<Host> {
  connecting ??= connect();
  return connecting;
}

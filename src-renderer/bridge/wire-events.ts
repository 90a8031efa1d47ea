import type { HostApi } from '../../src-shared/ipc';
import { useConnectionStore } from '../stores/connection-store';
import { applyHubMessage, applySnapshot } from '../stores/hub-sync';
import type { HostTransport } from './transport';

/**
 * The one module that turns host events into store actions, so no component subscribes to the
 * host itself. `onReconnect` runs when a dropped browser-mode link comes back.
 */
export function wireHostEvents(api: HostApi, transport: HostTransport, onReconnect: () => void): () => void {
  const unsubscribers = [
    api.on('hub:status', (connection) => useConnectionStore.getState().statusChanged(connection)),
    api.on('hub:message', (message) => {
      applyHubMessage(message);
    }),
    api.on('hub:snapshot', (snapshot) => applySnapshot(snapshot)),
  ];
  if (transport.onLinkChange) {
    unsubscribers.push(
      transport.onLinkChange((up, reconnected) => {
        useConnectionStore.getState().bridgeChanged(up);
        if (reconnected) onReconnect();
      }),
    );
  }
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

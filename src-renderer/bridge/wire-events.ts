import type { HostApi } from '../../src-shared/ipc';
import { useConnectionStore } from '../stores/connection-store';
import { applyHubMessages, applySnapshot } from '../stores/hub-sync';
import type { HostTransport } from './transport';

export interface WireHandlers {
  /** A dropped browser-mode link came back: the host may have moved on, fetch everything again. */
  onReconnect(): void;
  /** The hub sequence jumped: the renderer missed messages, fetch a fresh `hub:state`. */
  onGap(): void;
}

/**
 * The one module that turns host events into store actions, so no component subscribes to the
 * host itself. `hub:messages` arrives as a batch and is applied as one, so a burst costs one render.
 */
export function wireHostEvents(api: HostApi, transport: HostTransport, handlers: WireHandlers): () => void {
  const unsubscribers = [
    api.on('hub:status', (connection) => useConnectionStore.getState().statusChanged(connection)),
    api.on('hub:messages', (messages) => {
      if (applyHubMessages(messages).gaps > 0) handlers.onGap();
    }),
    api.on('hub:snapshot', (snapshot) => applySnapshot(snapshot)),
  ];
  if (transport.onLinkChange) {
    unsubscribers.push(
      transport.onLinkChange((up, reconnected) => {
        useConnectionStore.getState().bridgeChanged(up);
        if (reconnected) handlers.onReconnect();
      }),
    );
  }
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

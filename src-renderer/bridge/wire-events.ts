import type { HubMessage } from '../../src-shared/hub-protocol';
import type { HostApi } from '../../src-shared/ipc';
import { useConnectionStore } from '../stores/connection-store';
import { applyHubMessages, applySnapshot } from '../stores/hub-sync';
import { useWallListStore } from '../stores/wall-list-store';
import { useWallStore } from '../stores/wall-store';
import { createFrameBatcher, type Scheduler } from './frame-batcher';
import type { HostTransport } from './transport';

export interface WireHandlers {
  /** A dropped browser-mode link came back: the host may have moved on, fetch everything again. */
  onReconnect(): void;
  /** The hub sequence jumped: the renderer missed messages, fetch a fresh `hub:state`. */
  onGap(): void;
  /** A wall changed layout: the console refreshes which preset is active. */
  onWallViewChanged?(): void;
}

/**
 * The one module that turns host events into store actions, so no component subscribes to the
 * host itself. `hub:messages` batches are joined per frame and applied as one, so a burst costs one render.
 */
export function wireHostEvents(api: HostApi, transport: HostTransport, handlers: WireHandlers, schedule?: Scheduler): () => void {
  // Batches that arrive within one frame are applied together: one render per frame, not per batch.
  const messages = createFrameBatcher<HubMessage>((batch) => {
    if (applyHubMessages(batch).gaps > 0) handlers.onGap();
  }, schedule);
  const unsubscribers = [
    api.on('hub:status', (connection) => useConnectionStore.getState().statusChanged(connection)),
    api.on('hub:messages', (batch) => messages.push(batch)),
    api.on('hub:snapshot', (snapshot) => {
      messages.flush();
      applySnapshot(snapshot);
    }),
    // Every window hears every wall's changes; each takes only its own.
    api.on('wall:view', ({ wallId, view }) => {
      const wall = useWallStore.getState();
      if (wall.wallId === wallId) wall.loaded(view);
      useWallListStore.getState().viewChanged(view);
      handlers.onWallViewChanged?.();
    }),
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

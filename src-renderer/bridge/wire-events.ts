import type { HubMessage } from '../../src-shared/hub-protocol';
import type { HostApi } from '../../src-shared/ipc';
import { useConnectionStore } from '../stores/connection-store';
import { applyHubMessages, applySnapshot } from '../stores/hub-sync';
import { useAppInfoStore } from '../stores/app-info-store';
import { useAuditStore } from '../stores/audit-store';
import { useOperatorStore } from '../stores/operator-store';
import { useWallStore } from '../stores/wall-store';
import { createFrameBatcher, type Scheduler } from './frame-batcher';
import type { HostTransport } from './transport';

export interface WireHandlers {
  /** A dropped browser-mode link came back: the host may have moved on, fetch everything again. */
  onReconnect(): void;
  /** The hub sequence jumped: the renderer missed messages, fetch a fresh `hub:state`. */
  onGap(): void;
  /** An operator asked this wall to start afresh. */
  onReload(): void;
  /** This console's session ended (signed out, expired, idle, account changed). */
  onSessionEnded(why: 'signed-out' | 'expired' | 'idle' | 'account-changed'): void;
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
    // The host sends a wall's changes to that wall's windows; the check keeps a stray one harmless.
    api.on('wall:view', ({ wallId, view }) => {
      const wall = useWallStore.getState();
      if (wall.wallId === wallId) wall.loaded(view);
    }),
    api.on('wall:tours', ({ wallId, tours }) => {
      const wall = useWallStore.getState();
      if (wall.wallId === wallId) wall.toursChanged(tours);
    }),
    api.on('wall:reload', ({ wallId }) => {
      const own = useWallStore.getState().wallId;
      if (own !== null && (wallId === null || wallId === own)) handlers.onReload();
    }),
    api.on('operator:state', (state) => useOperatorStore.getState().stateLoaded(state)),
    api.on('session:ended', ({ why }) => handlers.onSessionEnded(why)),
    api.on('audit:appended', ({ id }) => useAuditStore.getState().appended(id)),
    api.on('app:language', ({ language }) => useAppInfoStore.getState().languageChanged(language)),
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

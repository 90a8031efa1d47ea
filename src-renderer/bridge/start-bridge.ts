import { GAP_RESYNC_INTERVAL_MS } from '../constants';
import type { Route } from '../route';
import { host } from './connect';
import { loadAppInfo, loadHubState, loadPresets, loadWall, loadWallList } from './loaders';
import { wireHostEvents } from './wire-events';

/**
 * Connects this window to its host and loads what its app needs. Events are wired before the
 * first `hub:state` request, so a message sent in between is queued rather than lost.
 */
export async function startBridge(route: Route): Promise<void> {
  const { api, transport } = await host();
  const loadRouteData = (): void => {
    void loadAppInfo(api);
    void loadHubState(api);
    if (route.app === 'wall') void loadWall(api, route.wallId);
    else {
      void loadWallList(api);
      void loadPresets(api);
    }
  };
  let lastGapResync = 0;
  const resyncAfterGap = (): void => {
    // At most one refetch per interval: a host that kept skipping must not be asked in a loop.
    if (Date.now() - lastGapResync < GAP_RESYNC_INTERVAL_MS) return;
    lastGapResync = Date.now();
    void loadHubState(api);
  };
  const onWallViewChanged = route.app === 'console' ? () => void loadPresets(api) : undefined;
  wireHostEvents(api, transport, { onReconnect: loadRouteData, onGap: resyncAfterGap, ...(onWallViewChanged ? { onWallViewChanged } : {}) });
  loadRouteData();
}

import { GAP_RESYNC_INTERVAL_MS } from '../constants';
import type { Route } from '../route';
import { host, setWindowIdentity } from './connect';
import { loadAppInfo, loadHubState, loadOperatorState, loadWall } from './loaders';
import { wireHostEvents } from './wire-events';

/**
 * Connects this window to its host and loads what its app needs. Events are wired before the
 * first `hub:state` request, so a message sent in between is queued rather than lost.
 */
export async function startBridge(route: Route): Promise<void> {
  setWindowIdentity(route.app === 'wall' ? { role: 'wall', wallId: route.wallId } : { role: 'console' });
  const { api, transport } = await host();
  const loadRouteData = (): void => {
    void loadAppInfo(api);
    void loadHubState(api);
    if (route.app === 'wall') void loadWall(api, route.wallId);
    else void loadOperatorState(api);
  };
  let lastGapResync = 0;
  const resyncAfterGap = (): void => {
    // At most one refetch per interval: a host that kept skipping must not be asked in a loop.
    if (Date.now() - lastGapResync < GAP_RESYNC_INTERVAL_MS) return;
    lastGapResync = Date.now();
    void loadHubState(api);
  };
  wireHostEvents(api, transport, { onReconnect: loadRouteData, onGap: resyncAfterGap, onReload: () => window.location.reload() });
  loadRouteData();
}

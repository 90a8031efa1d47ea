import { forgetSession, sessionToken, takeSignedOutReason } from '../access/credentials';
import { takeWallKey } from '../access/wall-key';
import { GAP_RESYNC_INTERVAL_MS } from '../constants';
import type { Route } from '../route';
import { useConnectionStore } from '../stores/connection-store';
import { useSessionStore } from '../stores/session-store';
import { host, setWindowIdentity } from './connect';
import { electronTransport } from './electron-transport';
import { loadLanguageOverHttp } from './http-language';
import { reportPageErrors, startHeartbeat } from './page-health';
import { loadAppInfo, loadHubState, loadOperatorState, loadWall } from './loaders';
import { wireHostEvents } from './wire-events';

/**
 * Connects this window to its host and loads what its app needs. Events are wired before the
 * first `hub:state` request, so a message sent in between is queued rather than lost. A browser
 * console without a session does not connect at all: it shows the sign-in, which reloads the page
 * once signed in. A session that ends reloads the page back to the sign-in, saying why.
 */
export async function startBridge(route: Route): Promise<void> {
  const desktop = electronTransport() !== null;
  if (route.app === 'wall') {
    setWindowIdentity({ role: 'wall', wallId: route.wallId, key: takeWallKey(route.wallId) ?? '' });
  } else {
    const token = sessionToken();
    const reason = takeSignedOutReason();
    if (!desktop && !token) {
      // The sign-in shows in the walls' language: asked first, so it never flips while someone types.
      await loadLanguageOverHttp();
      useSessionStore.getState().signedOut(reason);
      return;
    }
    setWindowIdentity({ role: 'console', session: token ?? '' });
  }
  const { api, transport } = await host();
  reportPageErrors(api);
  if (route.app === 'wall') startHeartbeat(api);
  transport.onRefused?.((message) => {
    useConnectionStore.getState().bridgeRefused(message);
    if (route.app === 'console') {
      forgetSession('refused');
      // A refused link never answered app:info: the sign-in asks the host for its language itself.
      void loadLanguageOverHttp().finally(() => useSessionStore.getState().signedOut('refused'));
    }
  });
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
  wireHostEvents(api, transport, {
    onReconnect: loadRouteData,
    onGap: resyncAfterGap,
    onReload: () => window.location.reload(),
    onSessionEnded: (why) => {
      forgetSession(why);
      window.location.reload();
    },
  });
  if (route.app === 'console') {
    // The desktop console may have nobody signed in (no local operator): it asks first.
    const { session } = await api.invoke('session:get', undefined).catch(() => ({ session: null }));
    if (!session) {
      useSessionStore.getState().signedOut(takeSignedOutReason());
      void loadAppInfo(api);
      return;
    }
    useSessionStore.getState().signedIn(session);
  }
  loadRouteData();
}

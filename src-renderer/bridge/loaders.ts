import type { HostApi } from '../../src-shared/ipc';
import { useAppInfoStore } from '../stores/app-info-store';
import { applyHubState, beginResync } from '../stores/hub-sync';
import { useOperatorStore } from '../stores/operator-store';
import { useWallStore } from '../stores/wall-store';
import { errorText, HostError } from './host-error';

/** Waits between attempts while the host is unreachable; a kiosk may boot before its server. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000];

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `task` until it succeeds or fails for a reason `retry` says will not go away. */
async function withRetry<T>(task: () => Promise<T>, retry: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await task();
    } catch (error) {
      if (!retry(error)) throw error;
      await delay(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 5_000);
    }
  }
}

const unreachable = (error: unknown): boolean => error instanceof HostError && error.kind === 'transport';

export async function loadAppInfo(api: HostApi): Promise<void> {
  try {
    useAppInfoStore.getState().infoLoaded(await withRetry(() => api.invoke('app:info', undefined), unreachable));
  } catch (error) {
    useAppInfoStore.getState().infoFailed(errorText(error));
  }
}

/** Fetches the full hub state; retried on any error, since a wall without it shows nothing live. */
export async function loadHubState(api: HostApi): Promise<void> {
  beginResync();
  applyHubState(await withRetry(() => api.invoke('hub:state', undefined), () => true));
}

/** Loads this window's wall; the host refusing it (unknown id) is final, an unreachable host is not. */
export async function loadWall(api: HostApi, wallId: string): Promise<void> {
  const store = useWallStore.getState();
  const refresh = store.wallId === wallId && store.view !== null;
  if (!refresh) store.loadStarted(wallId);
  try {
    useWallStore.getState().loaded(await withRetry(() => api.invoke('wall:get', { wallId }), unreachable));
  } catch (error) {
    // A refresh that fails keeps the wall painted: a blank wall is worse than a slightly old layout.
    if (refresh) console.warn(`[bridge] could not refresh wall ${wallId}: ${errorText(error)}`);
    else useWallStore.getState().failed(errorText(error));
  }
}

/** The console's whole picture; events keep it current after this. */
export async function loadOperatorState(api: HostApi): Promise<void> {
  try {
    useOperatorStore.getState().stateLoaded(await withRetry(() => api.invoke('operator:state', undefined), unreachable));
  } catch (error) {
    useOperatorStore.getState().loadFailed(errorText(error));
  }
}

import type { HubStateModel } from '../../src-shared/hub-state-model';
import type { WallCache } from '../cache/wall-cache';
import type { HubClient } from './hub-client';

/**
 * The hub link when the config names a hub that cannot be used (an invalid `hub.url`): nothing to
 * connect to, and the demo hub would be worse than nothing on a real wall. The walls paint the
 * cached state, the console shows the hub offline with the reason, and acknowledgements fail
 * saying why, until the config is fixed and the app restarted.
 */
export function offlineHubClient(options: { model: HubStateModel; cache: WallCache; reason: string }): HubClient {
  const { model, cache } = options;
  const since = new Date().toISOString();
  const error = options.reason.length > 500 ? `${options.reason.slice(0, 497)}...` : options.reason;
  return {
    model,
    connection: () => ({ status: 'offline', since, hubUrl: '', rejected: 0, seq: model.seq, cache: cache.state(), error }),
    acknowledgeAlert: () => Promise.resolve({ ok: false, error }),
    close: () => undefined,
  };
}

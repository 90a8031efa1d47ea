import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubStore } from './store/hub-store';
import { sendError, sendJson } from './http-json';
import { bearerSecret, matchSecret } from './secret-match';

/**
 * The hub's small read-only routes. `/healthz` is for monitoring and the tests' readiness checks;
 * `/api/v1/state` returns the whole snapshot to a wall token, so an operator (or a test) can compare
 * what a wall shows with what the hub holds.
 */
export function createStateRoutes(store: HubStore, wallTokens: readonly string[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    if (path === '/healthz') {
      sendJson(res, 200, { ok: true, hubId: store.hubId, seq: store.model.seq });
      return true;
    }
    if (path !== '/api/v1/state') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, `${req.method ?? '?'} is not allowed here; GET the state`, {}, { Allow: 'GET' });
    } else if (matchSecret(wallTokens, bearerSecret(req.headers)) === -1) {
      sendError(res, 401, 'missing or wrong wall token: send "Authorization: Bearer <wall token>"', {}, { 'WWW-Authenticate': 'Bearer' });
    } else {
      sendJson(res, 200, store.model.snapshot());
    }
    return true;
  };
}

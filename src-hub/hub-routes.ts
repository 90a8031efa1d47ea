import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorMessage } from '../src-shared/node/log';
import type { WallServer } from './hub-server';
import type { HubLogReader } from './store/hub-log';
import { sendError, sendJson } from './http-json';
import { bearerSecret, matchSecret } from './secret-match';
import type { EncodedSnapshot } from './walls/encode-snapshot';

/** Sends an encoded snapshot: its shared bytes, gzipped when the client takes gzip. */
function sendSnapshot(req: IncomingMessage, res: ServerResponse, encoded: EncodedSnapshot): void {
  const gzip = encoded.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? encoded.gzip! : encoded.json;
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The hub's small read-only routes. `/healthz` is for monitoring and the tests' readiness checks;
 * `/api/v1/state` returns the whole snapshot to a wall token, and `/api/v1/nodes` each node of the
 * hub (several in a cluster) with its seq and its walls, so an operator (or a test) can compare
 * what a wall shows with what the hub holds. The snapshot is the walls' encoded one (`snapshot`):
 * asking for it in a loop costs one encoding per change of state, and every answer shares its bytes.
 */
export function createStateRoutes(
  store: HubLogReader,
  wallTokens: readonly string[],
  snapshot: () => Promise<EncodedSnapshot>,
  nodes: WallServer['nodes'],
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    if (path === '/healthz') {
      sendJson(res, 200, { ok: true, hubId: store.hubId, seq: store.model.seq });
      return true;
    }
    if (path !== '/api/v1/state' && path !== '/api/v1/nodes') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, `${req.method ?? '?'} is not allowed here; GET the state`, {}, { Allow: 'GET' });
    } else if (matchSecret(wallTokens, bearerSecret(req.headers)) === -1) {
      sendError(res, 401, 'missing or wrong wall token: send "Authorization: Bearer <wall token>"', {}, { 'WWW-Authenticate': 'Bearer' });
    } else if (path === '/api/v1/nodes') {
      void nodes().then((answer) => sendJson(res, 200, { hubId: store.hubId, ...answer }));
    } else {
      snapshot().then(
        (encoded) => sendSnapshot(req, res, encoded),
        (error: unknown) => sendError(res, 500, `the hub could not encode its state: ${errorMessage(error)}`),
      );
    }
    return true;
  };
}

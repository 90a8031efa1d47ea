import type { MapResponse, MapRoutes } from '../map/map-routes';
import { APP_ORIGIN } from './app-url';

/**
 * The map's answers on `app://ioc`, as plain functions (no electron import) so the Electron side of
 * the map routes is tested like browser mode's. Tiles go out decoded (acceptsGzip false): Chromium
 * decodes Content-Encoding in its HTTP stack, which a custom protocol's responses need not pass
 * through, and bytes handed over inside the process cost nothing to send whole.
 */
export function appMapAnswer(map: MapRoutes, path: string): MapResponse | null {
  return map.handle({ path, origin: APP_ORIGIN, acceptsGzip: false });
}

/** A MapResponse as a fetch Response, on top of the protocol's own headers (the CSP). */
export function toFetchResponse(answer: MapResponse, method: string, baseHeaders: Record<string, string>): Response {
  const body = method === 'HEAD' || !answer.body ? null : new Uint8Array(answer.body);
  const headers = new Headers({ ...baseHeaders, ...answer.headers });
  if (answer.body) headers.set('Content-Length', String(answer.body.length));
  return new Response(body, { status: answer.status, headers });
}

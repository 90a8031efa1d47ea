import { join } from 'node:path';
import { protocol } from 'electron';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import type { MapRoutes } from '../map/map-routes';
import { contentTypeOf, readStatic, resolveStaticFile } from '../web/static-files';
import { appMapAnswer, toFetchResponse } from './app-map-response';
import { APP_SCHEME, classifyAppRequest } from './app-url';

/**
 * Declares `app://` a standard, secure scheme. Must run before `app` is ready: a standard scheme
 * gives the renderer real paths (`/wall/1`, `/assets/…`), a secure one counts as a secure context,
 * and fetch/stream support lets the renderer load its modules and workers from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

export interface AppProtocolOptions {
  /** The renderer build (out/renderer). */
  rendererDir: string;
  contentSecurityPolicy: string;
  /** The deployment's map data (tiles, units), served from the same origin as the renderer. */
  map: MapRoutes;
  log: Logger;
}

/**
 * Serves the renderer build on `app://ioc`: index.html for app routes, the map's data at its URLs
 * (map-routes.ts, as browser mode does), files of the build for the rest, nothing outside it.
 * Every response carries the CSP, the same one browser mode sends.
 */
export function handleAppProtocol(options: AppProtocolOptions): void {
  const { rendererDir, log } = options;
  const indexPath = join(rendererDir, 'index.html');
  const baseHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  const headers = (extra: Record<string, string>): Headers => new Headers({ ...baseHeaders, ...extra });
  const notFound = (): Response => new Response('Không tìm thấy / not found', { status: 404, headers: headers({ 'Content-Type': 'text/plain; charset=utf-8' }) });
  const file = async (path: string, cache: string, method: string): Promise<Response> => {
    const body = await readStatic(path);
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: headers({ 'Content-Type': contentTypeOf(path), 'Content-Length': String(body.length), 'Cache-Control': cache }),
    });
  };

  protocol.handle(APP_SCHEME, async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: headers({ Allow: 'GET, HEAD' }) });
      const target = classifyAppRequest(request.url);
      if (target.kind === 'route') return await file(indexPath, 'no-cache', request.method);
      if (target.kind === 'not-found') return notFound();
      const map = appMapAnswer(options.map, target.path);
      if (map) return toFetchResponse(map, request.method, baseHeaders);
      const path = await resolveStaticFile(rendererDir, target.path);
      if (!path) return notFound();
      // Vite puts a content hash in every asset name, so assets can be cached for good.
      return await file(path, target.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache', request.method);
    } catch (error) {
      log.error(`${request.method} ${request.url} failed: ${errorMessage(error)}`);
      return new Response('internal error', { status: 500, headers: headers({ 'Content-Type': 'text/plain; charset=utf-8' }) });
    }
  });
}

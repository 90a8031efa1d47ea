import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SIGN_IN_PATH } from '../../src-shared/access';
import { APP_ROUTE_PATTERN, LANGUAGE_PATH, WALL_BOOT_PATH } from '../../src-shared/ipc-channels';
import type { AppCore } from '../app-core';
import type { MapResponse } from '../map/map-routes';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { allowedHostNames, hostAllowed, isLoopback, isWildcard, originAllowed } from './allowed-hosts';
import { attachBridge } from './bridge-server';
import { handleSignIn } from './sign-in-route';
import { handleWallBoot } from './wall-boot-route';
import { contentTypeOf, readStatic, resolveStaticFile } from './static-files';

export interface WebHostOptions {
  core: AppCore;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  host: string;
  port: number;
  log: Logger;
}

export interface WebHost {
  /** e.g. http://127.0.0.1:4780 */
  readonly url: string;
  close(): Promise<void>;
}


/**
 * Browser mode: serves the renderer build at /wall/:id and /console to kiosk browsers, with the
 * same CSP as the desktop windows, the sign-in, and the host API over socket.io. It answers only
 * requests for its own names (allowed-hosts.ts), and serves beyond this machine only when operator
 * accounts are configured: otherwise anyone on the network could use the generated first account's
 * console once they had its password file, and nobody would be accountable.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir, log } = options;
  if (!isLoopback(options.host) && !core.access.accountsConfigured) {
    throw new Error(
      `browser.host "${options.host}" would serve the walls and the console to the network, but the config names no operator accounts. ` +
        'Add "operators" (each with a passwordHash from `npm run hash-password`), or serve on 127.0.0.1 only. See README, "Security".',
    );
  }
  const allowedHosts = allowedHostNames(options.host, core.config.browser.allowedHosts);
  const indexPath = join(rendererDir, 'index.html');
  const securityHeaders = {
    'Content-Security-Policy': core.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };

  const send = async (res: ServerResponse, file: string, cache: string, method: string): Promise<void> => {
    const body = await readStatic(file);
    res.writeHead(200, { ...securityHeaders, 'Content-Type': contentTypeOf(file), 'Content-Length': body.length, 'Cache-Control': cache });
    res.end(method === 'HEAD' ? undefined : body);
  };

  const sendMap = (res: ServerResponse, answer: MapResponse, method: string): void => {
    const length = answer.body ? { 'Content-Length': answer.body.length } : {};
    res.writeHead(answer.status, { ...securityHeaders, ...answer.headers, ...length });
    res.end(method === 'HEAD' ? undefined : (answer.body ?? undefined));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (!hostAllowed(req.headers.host, allowedHosts)) {
      log.warn(`refused ${method} ${path.slice(0, 100)} from ${req.socket.remoteAddress ?? '?'} for Host ${JSON.stringify(req.headers.host ?? '').slice(0, 100)}`);
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Máy chủ này không phục vụ tên miền đó / this host does not answer to that name');
      return;
    }
    if (path === SIGN_IN_PATH && method === 'POST') {
      if (!originAllowed(req.headers.origin, req.headers.host, allowedHosts)) {
        log.warn(`refused a sign-in from ${req.socket.remoteAddress ?? '?'} posted by a page of ${JSON.stringify(req.headers.origin ?? '').slice(0, 100)}`);
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden');
        return;
      }
      await handleSignIn(req, res, core);
      return;
    }
    if (path === LANGUAGE_PATH && method === 'GET') {
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify({ language: core.language() }));
      return;
    }
    if (path === WALL_BOOT_PATH && method === 'GET') {
      await handleWallBoot(req, res, core, log, securityHeaders);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: path === SIGN_IN_PATH ? 'POST' : 'GET, HEAD' }).end();
      return;
    }
    // The Host was checked above, so it is one of our own names: tiles.json points back at it.
    const map = core.map.handle({ path, origin: `http://${req.headers.host ?? ''}`, acceptsGzip: /\bgzip\b/i.test(req.headers['accept-encoding'] ?? '') });
    if (map) {
      sendMap(res, map, method);
      return;
    }
    if (path === '/') {
      res.writeHead(302, { Location: '/console' }).end();
      return;
    }
    if (APP_ROUTE_PATTERN.test(path)) {
      await send(res, indexPath, 'no-cache', method);
      return;
    }
    const file = await resolveStaticFile(rendererDir, path);
    if (file) {
      // Vite puts a content hash in every asset name, so assets can be cached for good.
      await send(res, file, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache', method);
      return;
    }
    res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('Không tìm thấy / not found');
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error(`${req.method ?? '?'} ${req.url ?? '?'} failed: ${errorMessage(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('internal error');
    });
  });
  const io = attachBridge(http, core, allowedHosts, log.child('bridge'));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  // Bound to every interface, this machine's kiosks and printed links use loopback: 0.0.0.0 is no
  // name to ask for (and not one the host answers to).
  const shown = isWildcard(options.host) ? '127.0.0.1' : options.host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  core.setWallUrlBase(url);
  log.info(`browser mode serving walls at ${url}/wall/<id> and the console at ${url}/console`);
  return {
    url,
    close: async () => {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { APP_ROUTE_PATTERN } from '../../src-shared/ipc-channels';
import type { AppCore } from '../app-core';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { attachBridge } from './bridge-server';
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
 * same CSP as the desktop windows, and the host API over socket.io.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir, log } = options;
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

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
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
  const io = attachBridge(http, core, log.child('bridge'));

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
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

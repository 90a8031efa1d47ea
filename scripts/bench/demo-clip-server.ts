// The demo camera clips as live HLS on a port of their own, served by the hub's own handler
// (src-hub/hls): the streams camera-grid plays, for a bench whose hub must run from a config file,
// without the demo simulator, whose alerts would set off follow mode and whose data would add to
// the bench's own.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { cameraUrls, createHlsHandler } from '../../src-hub/hls/hls-routes';
import type { ClipCamera } from '../../src-hub/hls/clip-catalog';

const ASSETS = join(__dirname, '..', '..', 'assets');

export interface DemoClipServer {
  /** http://127.0.0.1:PORT, for the wall's mediaOrigins. */
  origin: string;
  cameras: ClipCamera[];
  urls(cameraId: string): ReturnType<typeof cameraUrls>;
  stop(): Promise<void>;
}

export async function startDemoClipServer(): Promise<DemoClipServer> {
  const hls = createHlsHandler({ assetsDir: ASSETS });
  const server = createServer((req, res) => {
    if (!hls.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    cameras: hls.cameras,
    urls: (cameraId) => cameraUrls(origin, cameraId),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

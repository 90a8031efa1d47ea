import type { Camera } from '../src-shared/domain';
import type { Logger } from '../src-main/log';
import { seededRandom } from './demo/random';
import { startSimulator, type RunningSimulator } from './demo/simulator';
import { cameraUrls, createHlsHandler } from './hls/hls-routes';
import { startHubServer, type RunningHub } from './hub-server';

export interface DemoHubOptions {
  host?: string;
  port?: number;
  token: string;
  /** Folder holding cameras/cameras.json and the demo clips. */
  assetsDir: string;
  log: Logger;
  /** Seed for the simulator, for reproducible runs. */
  seed?: number;
}

export interface DemoHub {
  hub: RunningHub;
  simulator: RunningSimulator;
  close(): Promise<void>;
}

/**
 * The hub a fresh install runs in-process when no hub URL is configured: the socket.io hub, live HLS
 * loops of the demo cameras on the same origin, and a simulator feeding plausible data.
 */
export async function startDemoHub(options: DemoHubOptions): Promise<DemoHub> {
  const log = options.log;
  const hls = createHlsHandler({ assetsDir: options.assetsDir, log: log.child('hls') });
  const hub = await startHubServer({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    token: options.token,
    log,
    routes: [hls.handle],
  });
  const cameras: Camera[] = hls.cameras.map((clip) => ({
    id: clip.id,
    name: clip.name,
    district: clip.district,
    location: clip.location,
    ...cameraUrls(hub.url, clip.id),
    status: 'online',
  }));
  const simulator = startSimulator({
    publisher: hub,
    cameras,
    ...(options.seed === undefined ? {} : { random: seededRandom(options.seed) }),
  });
  log.info(`demo hub ready: ${cameras.length} cameras, simulator running`);
  return {
    hub,
    simulator,
    close: async () => {
      simulator.stop();
      await hub.close();
    },
  };
}

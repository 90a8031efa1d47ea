import type { Camera } from '../src-shared/domain';
import type { Logger } from '../src-shared/node/log';
import { createDemoDepartments } from './demo/demo-departments';
import { seededRandom } from './demo/random';
import { startSimulator, type RunningSimulator } from './demo/simulator';
import { cameraUrls, createHlsHandler } from './hls/hls-routes';
import type { Department } from './ingest/department';
import { startHub, type RunningHub } from './start-hub';

export interface DemoHubOptions {
  host?: string;
  port?: number;
  /** The token walls present. */
  token: string;
  /** More wall tokens (a config file's list). */
  moreWallTokens?: string[];
  /** The hub database; a restarted demo hub keeps its data and hub id. */
  dbPath: string;
  /** Folder holding cameras/cameras.json and the demo clips. */
  assetsDir: string;
  log: Logger;
  /** Seed for the simulator, for reproducible runs. */
  seed?: number;
  /** Real departments to accept besides the demo ones. */
  departments?: Department[];
  logRetention?: number;
  maxReplay?: number;
}

export interface DemoHub {
  hub: RunningHub;
  simulator: RunningSimulator;
  close(): Promise<void>;
}

/**
 * The hub a fresh install runs in-process when no hub URL is configured: the real hub (store,
 * ingest API, walls), live HLS loops of the demo cameras on the same origin, and a simulator that
 * feeds it through the ingest API as the province's departments would.
 */
export async function startDemoHub(options: DemoHubOptions): Promise<DemoHub> {
  const { log } = options;
  const demoDepartments = createDemoDepartments();
  const hls = createHlsHandler({ assetsDir: options.assetsDir, log: log.child('hls') });
  const hub = await startHub({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    dbPath: options.dbPath,
    wallTokens: [options.token, ...(options.moreWallTokens ?? [])],
    departments: [...demoDepartments, ...(options.departments ?? [])],
    log,
    routes: [hls.handle],
    ...(options.logRetention ? { logRetention: options.logRetention } : {}),
    ...(options.maxReplay ? { maxReplay: options.maxReplay } : {}),
  });
  const cameras: Camera[] = hls.cameras.map((clip) => {
    // Tiles get sub and main directly (sub small, main when enlarged); masterUrl stays for other players.
    const { subUrl, mainUrl, stillUrl } = cameraUrls(hub.url, clip.id);
    return {
      id: clip.id,
      name: clip.name,
      district: clip.district,
      location: clip.location,
      subUrl,
      mainUrl,
      ...(clip.still ? { stillUrl } : {}),
      status: 'online',
    };
  });
  const simulator = startSimulator({
    hubUrl: hub.url,
    departments: demoDepartments,
    cameras,
    state: hub.state,
    log: log.child('simulator'),
    ...(options.seed === undefined ? {} : { random: seededRandom(options.seed) }),
  });
  log.info(`demo hub ready: ${cameras.length} cameras, simulator running`);
  return {
    hub,
    simulator,
    close: async () => {
      await simulator.stop();
      await hub.close();
    },
  };
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubStateModel } from '../src-shared/hub-state-model';
import { errorMessage, type Logger } from '../src-shared/node/log';
import { DEFAULT_MAX_REPLAY } from './catch-up-plan';
import { startWallServer } from './hub-server';
import { sendError } from './http-json';
import { createStateRoutes } from './hub-routes';
import { departmentListSchema, type Department } from './ingest/department';
import { ingestLimitsSchema, type IngestLimits } from './ingest/ingest-limits';
import { createIngestRoute } from './ingest/ingest-route';
import { createIngestService } from './ingest/ingest-service';
import { openRedisHubLog } from './cluster/redis-hub-log';
import { singleHubLog, type HubLog } from './store/hub-log';
import { DEFAULT_LOG_RETENTION, openHubStore } from './store/hub-store';
import { createAdapter } from '@socket.io/redis-streams-adapter';

export type HubRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface StartHubOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The hub's SQLite database; created when missing. Unused by a node of a cluster. */
  dbPath?: string;
  /** Run as one node of a hub cluster whose log is in this Redis (see cluster/redis-hub-log.ts). */
  cluster?: { redis: string; keyPrefix?: string; checkpointEvery?: number };
  /** Tokens walls present (socket.io auth, GET /api/v1/state). */
  wallTokens: string[];
  /** Who may ingest what. */
  departments: Department[];
  log: Logger;
  /** Released log rows kept for replay (default 200,000). */
  logRetention?: number;
  /** Longest gap replayed rather than answered with a snapshot (default 50,000). */
  maxReplay?: number;
  /** Extra HTTP routes (e.g. demo HLS), tried first; return true when handled. */
  routes?: HubRoute[];
  /** Bytes per ingest body (default 5 MB). */
  bodyLimit?: number;
  /** Ingest work taken at once (defaults: DEFAULT_INGEST_LIMITS). */
  ingestLimits?: Partial<IngestLimits>;
  /** Gzip the snapshots walls are sent (default true): a twentieth of the bytes for ~40 ms of a thread-pool thread per snapshot. */
  compressSnapshots?: boolean;
}

export interface RunningHub {
  /** Base URL, e.g. http://127.0.0.1:4781 */
  readonly url: string;
  readonly hubId: string;
  /** The hub's state; read it, never change it. */
  readonly state: HubStateModel;
  /** Walls connected now. */
  wallCount(): number;
  /** Catch-ups running and waiting now, and snapshots encoded so far. */
  catchUps(): { active: number; queued: number; snapshotEncodings: number };
  close(): Promise<void>;
}

/** How long a stopping hub lets requests in flight finish before it cuts their connections. */
const CLOSE_GRACE_MS = 2000;

/**
 * Starts the IOC hub: its durable store, the ingest API departments push to, the state routes and
 * the socket.io server walls connect to, all on one HTTP port so one origin serves data and video.
 */
export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const { log } = options;
  if (options.wallTokens.length === 0) throw new Error('startHub: at least one wall token is needed');
  const departments = departmentListSchema.parse(options.departments);
  const maxReplay = options.maxReplay ?? DEFAULT_MAX_REPLAY;
  const { store, adapter } = await openLog(options, maxReplay);

  const routes: HubRoute[] = [];
  const http = createServer((req, res) => {
    try {
      if (routes.some((route) => route(req, res))) return;
      sendError(res, 404, 'not found');
    } catch (error) {
      log.error(`http ${req.method ?? '?'} ${req.url ?? '?'} failed: ${errorMessage(error)}`);
      sendError(res, 500, 'internal error');
    }
  });
  const walls = startWallServer({
    http,
    store,
    ...(adapter ? { adapter } : {}),
    wallTokens: options.wallTokens,
    maxReplay,
    log: log.child('walls'),
    ...(options.compressSnapshots === undefined ? {} : { compressSnapshots: options.compressSnapshots }),
  });
  const service = createIngestService({ store, log: log.child('ingest') });
  routes.push(
    ...(options.routes ?? []),
    createIngestRoute({
      service,
      departments,
      log: log.child('ingest'),
      limits: ingestLimitsSchema.parse(options.ingestLimits ?? {}),
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    }),
    createStateRoutes(store, options.wallTokens, walls.snapshot, walls.nodes),
  );

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await walls.close().catch(() => undefined);
    await store.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  walls.setNodeName(url);
  log.info(`hub ${store.hubId}${options.cluster ? ' (cluster node)' : ''} listening on ${url}: ${departments.length} departments, seq ${store.model.seq}`);

  let closing: Promise<void> | undefined;
  return {
    url,
    hubId: store.hubId,
    state: store.model,
    wallCount: walls.wallCount,
    catchUps: walls.catchUps,
    close: () => {
      closing ??= (async () => {
        const force = setTimeout(() => http.closeAllConnections(), CLOSE_GRACE_MS);
        await walls.close();
        clearTimeout(force);
        await store.close();
        log.info('hub stopped');
      })();
      return closing;
    },
  };
}

/** The SQLite log of a single hub, or a cluster node's Redis log and the socket.io adapter it uses. */
async function openLog(options: StartHubOptions, maxReplay: number): Promise<{ store: HubLog; adapter?: ReturnType<typeof createAdapter> }> {
  const logRetention = options.logRetention ?? DEFAULT_LOG_RETENTION;
  if (options.cluster) {
    const keyPrefix = options.cluster.keyPrefix ?? 'ioc-hub:';
    const { redis, checkpointEvery } = options.cluster;
    const store = await openRedisHubLog({ url: redis, keyPrefix, log: options.log.child('cluster'), keep: maxReplay, logRetention, ...(checkpointEvery ? { checkpointEvery } : {}) });
    return { store, adapter: createAdapter(store.adapterClient(), { streamName: `${keyPrefix}socket.io` }) };
  }
  if (!options.dbPath) throw new Error('startHub: a dbPath, or a cluster, is needed');
  const store = openHubStore({ path: options.dbPath, log: options.log.child('store'), logRetention });
  return { store: singleHubLog(store, options.log.child('store')) };
}

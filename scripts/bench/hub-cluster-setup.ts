// The hubs the hub-cluster bench compares, each as real processes (the built out/main/hub.js):
//   single:    one hub on its SQLite file (the default);
//   cluster-1: one node on Redis;
//   cluster-3: three nodes on the same Redis, walls and departments spread over them.
// Redis is Debian's redis-server with AOF and `appendfsync always`, as the README sets it up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubProcess, type HubProcess } from '../../test/helpers/hub-process';
import { cpuMs } from './process-figures';

export type SetupName = 'single' | 'cluster-1' | 'cluster-3';
export const SETUPS: SetupName[] = ['single', 'cluster-1', 'cluster-3'];

export const WALL_TOKEN = 'bench-wall-token-0123456789';
export const FEED_KEY = 'bench-feed-key-0123456789abcdef';
export const FLOOD_KEYS = [0, 1, 2, 3].map((i) => `bench-flood-${i}-key-0123456789abcdef`);
export const FEED_KPI = 'bench-live';

export interface RunningSetup {
  name: SetupName;
  urls(): string[];
  /** CPU ms the hub processes used so far (a restart starts again from 0). */
  cpuMs(): number;
  /** Every node killed (SIGKILL) and started again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let prefixes = 0;

export async function startSetup(name: SetupName, redisUrl: string): Promise<RunningSetup> {
  const work = mkdtempSync(join(tmpdir(), `ioc-hub-cluster-${name}-`));
  const departments = [
    { id: 'bench-feed', name: 'Bench feed', apiKey: FEED_KEY, topics: ['kpi'] },
    ...FLOOD_KEYS.map((apiKey, i) => ({ id: `bench-flood-${i}`, name: `Bench flood ${i}`, apiKey, topics: ['kpi'] })),
  ];
  // The bench's departments may post as fast as the hub takes it: throughput is what is measured.
  const ingestLimits = { maxBodies: 64, departmentInFlight: 16, departmentRecordsPerSecond: 1_000_000, departmentRecordsBurst: 1_000_000 };
  const nodes = name === 'cluster-3' ? 3 : 1;
  const storage = name === 'single' ? { dbPath: join(work, 'hub.db') } : { cluster: { redis: redisUrl, keyPrefix: `bench-${process.pid}-${++prefixes}:` } };
  const files = Array.from({ length: nodes }, (_, i) => {
    const file = join(work, `node-${i}.json`);
    writeFileSync(file, JSON.stringify({ port: 0, ...storage, wallTokens: [WALL_TOKEN], departments, ingestLimits }));
    return file;
  });
  // BENCH_HUB_SCRIPT: another build of the hub (default out/main/hub.js).
  const script = process.env.BENCH_HUB_SCRIPT;
  const start = (): Promise<HubProcess[]> => Promise.all(files.map((file) => startHubProcess([`--config=${file}`], { timeoutMs: 60_000, ...(script ? { script } : {}) })));
  let running = await start();
  return {
    name,
    urls: () => running.map((node) => node.url),
    cpuMs: () => running.reduce((sum, node) => sum + (cpuMs(node.child.pid!) ?? 0), 0),
    restart: async () => {
      await Promise.all(running.map((node) => node.kill()));
      running = await start();
    },
    stop: async () => {
      await Promise.all(running.map((node) => node.kill()));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

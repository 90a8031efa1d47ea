// The hub under test in the hub-storm bench: a real hub process (this build's, or an earlier one's to
// compare), seeded with the storm's state, its memory sampled from outside (/proc for RSS, the
// inspector for the V8 heap) and its CPU time read from /proc. A hub that grows past `rssCapBytes` is
// killed before it takes the shared machine down with it, and the figures say so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubProcess, type HubProcess } from '../../test/helpers/hub-process';
import { connectNodeInspector, cpuMs, rssBytes, type NodeInspector } from './process-figures';
import { seedStormState } from './storm-data';

export const WALL_TOKEN = 'bench-wall-token-0123456789';
export const SEED_KEY = 'bench-seed-key-0123456789abcdef';
export const PROBE_KEY = 'bench-probe-key-0123456789abcdef';
export const PROBE_KPI = 'bench-probe';

export interface MemoryPeaks {
  rssBytes: number;
  heapBytes: number;
  /** Set when the bench killed the hub for growing past the cap: seconds into the sampling. */
  killedAtSeconds: number | null;
}

export interface BenchHub {
  url: string;
  pid: number;
  output(): string;
  /** The hub process ended (crashed, or killed at the cap). */
  gone(): boolean;
  cpuMs(): number;
  /** Samples memory every 100 ms until the returned stop() is called. */
  sampleMemory(rssCapBytes: number): { stop(): Promise<MemoryPeaks> };
  stop(): Promise<void>;
}

/** Starts a hub from `script` on a fresh database and posts `messages` retained messages to it. */
export async function startBenchHub(script: string, messages: number, extraConfig: Record<string, unknown> = {}): Promise<BenchHub> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-hub-storm-'));
  const config = join(work, 'hub.json');
  const departments = [
    { id: 'bench-seed', name: 'Bench seed', apiKey: SEED_KEY, topics: ['kpi', 'kpi-definition', 'alert', 'citizen-report', 'camera'] },
    { id: 'bench-probe', name: 'Bench probe', apiKey: PROBE_KEY, topics: ['kpi'] },
  ];
  // Only the fields every hub version takes (its config is strict), plus what the caller adds.
  writeFileSync(config, JSON.stringify({ port: 0, dbPath: join(work, 'hub.db'), wallTokens: [WALL_TOKEN], departments, ...extraConfig }));
  const hub: HubProcess = await startHubProcess([`--config=${config}`], { timeoutMs: 30_000, script, nodeArgs: ['--inspect=127.0.0.1:0'] });
  let exited = false;
  hub.child.once('exit', () => (exited = true));
  const inspector: NodeInspector = await connectNodeInspector(hub.output());
  await seedStormState(hub.url, SEED_KEY, messages);
  const pid = hub.child.pid!;
  return {
    url: hub.url,
    pid,
    output: hub.output,
    gone: () => exited,
    cpuMs: () => cpuMs(pid) ?? 0,
    sampleMemory: (rssCapBytes) => {
      const peaks: MemoryPeaks = { rssBytes: 0, heapBytes: 0, killedAtSeconds: null };
      const started = performance.now();
      let running = true;
      const loop = (async () => {
        while (running && !exited) {
          const rss = rssBytes(pid) ?? 0;
          peaks.rssBytes = Math.max(peaks.rssBytes, rss);
          if (rss > rssCapBytes && peaks.killedAtSeconds === null) {
            peaks.killedAtSeconds = Math.round((performance.now() - started) / 100) / 10;
            hub.child.kill('SIGKILL');
            break;
          }
          // The inspector answers on the hub's own thread: a blocked hub delays the sample, not the bench.
          const heap = await Promise.race([inspector.heapUsed(), new Promise<number>((resolve) => setTimeout(() => resolve(0), 1000))]).catch(() => 0);
          peaks.heapBytes = Math.max(peaks.heapBytes, heap);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      return {
        stop: async () => {
          running = false;
          await loop;
          return peaks;
        },
      };
    },
    stop: async () => {
      inspector.close();
      if (!exited) await hub.kill();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

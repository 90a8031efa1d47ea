// `npm run bench`: performance figures as JSON, never pass/fail (these machines are shared and noisy).
// Sections: camera-grid (issue 2/4/13: the IOC wall against a plain hls.js grid, first frames, dropped
// frames, memory per tile and preset switch → new cameras live, each quiet and with one core busy),
// the live data path (issue 3), wall cache throughput and operator keys (key → every wall repainted,
// memory over 1,000 preset switches), the hub under a reconnect storm and a resync flood (hub-storm,
// issue 9), a wall with a map tile under a storm of map updates against the same wall without it
// (map-wall), and the audit log's size. BENCH_ONLY=a,b runs some only. BENCH_SOAK_MINUTES=N puts the
// camera soak (camera-soak.ts: N minutes of a 16-tile wall, one stream dropped and restored every
// BENCH_SOAK_DROP_SECONDS) in camera-grid's place (BENCH_ONLY=camera-grid selects it), reported as
// camera-soak: instead of the grid figures, not beside them, as a soak is a long run of its own.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchAuditSize } from './bench/audit-size';
import { benchCacheThroughput } from './bench/cache-throughput';
import { benchCameraGrid } from './bench/camera-grid';
import { benchCameraSoak, SOAK_MINUTES } from './bench/camera-soak';
import { benchDataPath } from './bench/data-path';
import { benchHubCluster } from './bench/hub-cluster';
import { benchHubStorm } from './bench/hub-storm';
import { benchMapWall } from './bench/map-wall';
import { benchOperatorKeys } from './bench/operator-keys';

const ROOT = join(__dirname, '..');

const SECTIONS: Record<string, () => Promise<unknown>> = {
  'camera-grid': SOAK_MINUTES > 0 ? benchCameraSoak : benchCameraGrid,
  'data-path': benchDataPath,
  'cache-throughput': benchCacheThroughput,
  'operator-keys': benchOperatorKeys,
  'hub-storm': benchHubStorm,
  'hub-cluster': benchHubCluster,
  'map-wall': benchMapWall,
  'audit-size': benchAuditSize,
};

async function main(): Promise<void> {
  if (spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' }).status !== 0) {
    throw new Error('build failed');
  }
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  const report: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  };
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (only && !only.includes(name)) continue;
    const key = name === 'camera-grid' && SOAK_MINUTES > 0 ? 'camera-soak' : name;
    process.stderr.write(`bench: ${key}…\n`);
    report[key] = await run();
  }
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${String(error)}\n`);
  process.exit(1);
});

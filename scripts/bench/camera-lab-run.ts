// The experiments camera-lab.ts can run, by name: `tsx scripts/bench/camera-lab-run.ts ioc plain …`.
// Prints one JSON line per experiment and tile count (stderr while running, stdout at the end).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLab, type Experiment } from './camera-lab';

/** index.html: modulepreload for every chunk the wall needs, so they load in parallel with the entry. */
function modulePreload(outDir: string): void {
  const file = join(outDir, 'renderer/index.html');
  const chunks = readdirSync(join(outDir, 'renderer/assets')).filter((f) => /^(wall-app|socket-transport|ipc|rolldown-runtime)-.*\.js$/.test(f));
  const links = chunks.map((f) => `<link rel="modulepreload" crossorigin href="/assets/${f}">`).join('');
  const html = readFileSync(file, 'utf8');
  writeFileSync(file, html.replace('</head>', `${links}</head>`));
}

const EXPERIMENTS: Record<string, Experiment> = {
  ioc: { name: 'ioc', page: 'ioc' },
  plain: { name: 'plain', page: 'plain' },
  'plain-wallcfg': {
    name: 'plain-wallcfg',
    page: 'plain',
    hlsConfig: { lowLatencyMode: false, liveSyncDurationCount: 3, liveMaxLatencyDurationCount: 8, maxBufferLength: 8, maxMaxBufferLength: 16, backBufferLength: 4, capLevelToPlayerSize: true, startLevel: -1, startFragPrefetch: true, testBandwidth: false },
  },
  'ioc-noworker': { name: 'ioc-noworker', page: 'ioc', hlsConfig: { enableWorker: false } },
  'plain-noworker': { name: 'plain-noworker', page: 'plain', hlsConfig: { enableWorker: false } },
  'ioc-sync2': { name: 'ioc-sync2', page: 'ioc', hlsConfig: { liveSyncDurationCount: 2 } },
  'ioc-sync1': { name: 'ioc-sync1', page: 'ioc', hlsConfig: { liveSyncDurationCount: 1 } },
  'ioc-noprefetch': { name: 'ioc-noprefetch', page: 'ioc', hlsConfig: { startFragPrefetch: false } },
  'ioc-modulepreload': { name: 'ioc-modulepreload', page: 'ioc', patch: modulePreload },
  'ioc-warm': { name: 'ioc-warm', page: 'ioc', warm: true },
};

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !EXPERIMENTS[n]);
  if (names.length === 0 || unknown.length) throw new Error(`experiments: ${Object.keys(EXPERIMENTS).join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  const results = await runLab(names.map((n) => EXPERIMENTS[n]!));
  process.stdout.write(results.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`lab failed: ${String(error)}\n`);
  process.exit(1);
});

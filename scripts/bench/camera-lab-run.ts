// The experiments camera-lab.ts can run, by name: `tsx scripts/bench/camera-lab-run.ts ioc plain …`.
// Prints one JSON line per experiment and tile count (stderr while running, stdout at the end).
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLab, type Experiment } from './camera-lab';
import { lateSpinner, prestart } from './camera-lab-edits';

const ROOT = join(__dirname, '..', '..');

/** index.html: modulepreload for every chunk the wall needs, so they load in parallel with the entry. */
function modulePreload(outDir: string): void {
  const file = join(outDir, 'renderer/index.html');
  const chunks = readdirSync(join(outDir, 'renderer/assets')).filter((f) => /^(wall-app|socket-transport|player-pool|react|rolldown-runtime)-.*\.js$/.test(f));
  const links = chunks.map((f) => `<link rel="modulepreload" crossorigin href="/assets/${f}">`).join('');
  const html = readFileSync(file, 'utf8');
  writeFileSync(file, html.replace('</head>', `${links}</head>`));
}

/** No hub still under the video: what the 16 still.jpg requests and decodes cost the first frame. */
function noPoster(outDir: string): void {
  const dir = join(outDir, 'renderer/assets');
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.js') && /setPoster\(\)\{/.test(readFileSync(join(dir, f), 'utf8')))!);
  const js = readFileSync(file, 'utf8');
  const next = js.replace(/setPoster\(\)\{[^}]*\}/, 'setPoster(){this.poster.removeAttribute(`src`)}');
  if (next === js) throw new Error('noPoster patch did not apply');
  writeFileSync(file, next);
}

/** hls.js's published worker next to the wall's chunks, for `workerPath` (the ESM build inlines none). */
function copyWorker(outDir: string): void {
  copyFileSync(join(ROOT, 'node_modules/hls.js/dist/hls.worker.js'), join(outDir, 'renderer/assets/hls.worker.js'));
}
const WORKER = { workerPath: '/assets/hls.worker.js' };

/** No spinning ring on loading camera tiles (software compositing repaints it every frame). */
const NO_SPIN = `(() => { const s = new CSSStyleSheet(); s.replaceSync('.camera__spinner, .wall-message__spinner { animation: none !important; }'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s]; })();`;

const both = (...patches: Array<(outDir: string) => void>) => (outDir: string): void => patches.forEach((p) => p(outDir));

const EXPERIMENTS: Record<string, Experiment> = {
  'ioc-latespin': { name: 'ioc-latespin', page: 'ioc', source: { name: 'latespin', edit: lateSpinner } },
  'ioc-prestart': { name: 'ioc-prestart', page: 'ioc', source: { name: 'prestart', edit: prestart } },
  'ioc-all': {
    name: 'ioc-all',
    page: 'ioc',
    source: { name: 'all', edit: (root) => [lateSpinner, prestart].forEach((e) => e(root)) },
  },
  'ioc-nospin': { name: 'ioc-nospin', page: 'ioc', source: { name: 'base', edit: null }, init: NO_SPIN },
  'ioc-worker': { name: 'ioc-worker', page: 'ioc', source: { name: 'base', edit: null }, patch: copyWorker, hlsConfig: WORKER },
  'ioc-mbl2': { name: 'ioc-mbl2', page: 'ioc', source: { name: 'base', edit: null }, hlsConfig: { maxBufferLength: 2 } },
  'ioc-combo': {
    name: 'ioc-combo',
    page: 'ioc',
    source: { name: 'base', edit: null },
    patch: both(copyWorker, modulePreload),
    hlsConfig: { ...WORKER, maxBufferLength: 2 },
    init: NO_SPIN,
  },
  'ioc-src': { name: 'ioc-src', page: 'ioc', source: { name: 'base', edit: null } },
  'ioc-src-preload': { name: 'ioc-src-preload', page: 'ioc', source: { name: 'base', edit: null }, patch: modulePreload },
  'ioc-noposter': { name: 'ioc-noposter', page: 'ioc', patch: noPoster },
  'ioc-reducedmotion': { name: 'ioc-reducedmotion', page: 'ioc', reducedMotion: true },
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

/** `plain+{"maxBufferLength":2}` or `ioc+{…}`: a named page with an hls.js config merged over its own. */
function adHoc(arg: string): Experiment | undefined {
  const match = /^(\w[\w-]*)\+(\{.*\})$/.exec(arg);
  const base = match ? EXPERIMENTS[match[1]!] : undefined;
  if (!match || !base) return undefined;
  return { ...base, name: arg, hlsConfig: { ...(base.hlsConfig ?? {}), ...(JSON.parse(match[2]!) as object) } };
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  for (const name of names) {
    const experiment = adHoc(name);
    if (experiment) EXPERIMENTS[name] = experiment;
  }
  const unknown = names.filter((n) => !EXPERIMENTS[n]);
  if (names.length === 0 || unknown.length) throw new Error(`experiments: ${Object.keys(EXPERIMENTS).join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  const results = await runLab(names.map((n) => EXPERIMENTS[n]!));
  process.stdout.write(results.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`lab failed: ${String(error)}\n`);
  process.exit(1);
});

// First-frame experiments for the camera wall (not part of `npm run bench`): the same probe as the
// camera bench, on throwaway copies of the renderer build (out/ copied to a temp folder, patched,
// served by its own browser-mode host) and on the plain grid with other hls.js configs. src/ is never
// touched. Usage: tsx scripts/bench/camera-lab.ts EXPERIMENT... (LAB_TILES, LAB_REPEATS, LAB_SAMPLE).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Wall } from '../../src-shared/domain';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { startHubProcess } from '../../test/helpers/hub-process';
import { cameraLayout, measurePage, streamUrls, type PageRun } from './camera-grid';
import { percentile } from './percentile';
import { startPlainGridServer, type PlainGridServer } from './plain-grid-server';

const ROOT = join(__dirname, '..', '..');
const LAB = process.env.LAB_DIR ?? join(tmpdir(), 'ioc-camera-lab');
const TILES = (process.env.LAB_TILES ?? '16').split(',').map(Number);
const REPEATS = Number(process.env.LAB_REPEATS ?? 5);
const SAMPLE = process.env.LAB_SAMPLE ? Number(process.env.LAB_SAMPLE) : null;
const TOKEN = 'lab-camera-token';

/** hls.js events recorded per player, ms after its video element was created. */
const HLS_EVENTS = ['hlsMediaAttached', 'hlsManifestLoading', 'hlsManifestLoaded', 'hlsLevelLoaded', 'hlsFragLoading', 'hlsFragLoaded', 'hlsFragParsed', 'hlsBufferAppended', 'hlsFragBuffered'];

/**
 * Per-player hls.js events and a config override for both pages: the wall's bundle is patched to
 * call window.__benchHls(hls) and merge window.__benchHlsConfig; the plain page's global Hls is
 * wrapped when its script defines it.
 */
const HLS_PROBE = `
(function () {
  var EVENTS = ${JSON.stringify(HLS_EVENTS)};
  window.__benchHlsLog = [];
  window.__benchHls = function (hls) {
    var log = { created: performance.now(), events: {}, video: null };
    window.__benchHlsLog.push(log);
    EVENTS.forEach(function (name) {
      hls.on(name, function (_e, data) {
        if (name === 'hlsMediaAttached' && data && data.media) log.video = data.media;
        if (!(name in log.events)) log.events[name] = performance.now();
      });
    });
  };
  var Wrapped;
  Object.defineProperty(globalThis, 'Hls', {
    configurable: true,
    get: function () { return Wrapped; },
    set: function (H) {
      Wrapped = class extends H {
        constructor(config) { super(Object.assign({}, config || {}, window.__benchHlsConfig || {})); window.__benchHls(this); }
      };
    },
  });
})();
`;

interface HlsLog {
  events: Record<string, number>;
  videoCreated: number | null;
}

async function readHlsLogs(page: Page): Promise<HlsLog[]> {
  return page.evaluate(() => {
    type Log = { events: Record<string, number>; video: (HTMLVideoElement & { __benchRec?: { created: number } }) | null };
    return ((window as unknown as { __benchHlsLog: Log[] }).__benchHlsLog ?? []).map((l) => ({ events: l.events, videoCreated: l.video?.__benchRec?.created ?? null }));
  });
}

// ------------------------------------------------------------------------------------------------
// Build variants: copies of out/ with the wall chunk (or index.html) patched.

/** The chunks of a build's renderer (hls.js sits in the wall chunk or in one it shares with prestart). */
function chunks(outDir: string): string[] {
  const dir = join(outDir, 'renderer/assets');
  return readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
}

function replaceOnce(text: string, from: string | RegExp, to: string, what: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`patch "${what}" did not apply`);
  return next;
}

/** The instrumentation every wall variant carries: the hls.js hook and the config override. */
function instrument(outDir: string): void {
  // `let a = new Hls(LIVE_WALL_HLS_CONFIG)` in hls-player.ts, minified: merge the override, call the hook.
  const pattern = /new ([\w$]+)\(([\w$]+)\);([\w$]+)\.on\(([\w$]+)\.MANIFEST_PARSED/;
  const file = chunks(outDir).find((f) => pattern.test(readFileSync(f, 'utf8')));
  if (!file) throw new Error(`no hls-player code found in ${outDir}`);
  writeFileSync(
    file,
    replaceOnce(
      readFileSync(file, 'utf8'),
      pattern,
      'new $1(Object.assign({},$2,window.__benchHlsConfig||{}));window.__benchHls&&window.__benchHls($3);$3.on($4.MANIFEST_PARSED',
      'hls hook',
    ),
  );
}

export type Patch = (outDir: string) => void;
/** Edits a throwaway copy of the sources (its root given); the diff against the repo is printed. */
export type SourceEdit = (srcRoot: string) => void;

const SOURCE_FOLDERS = ['src-renderer', 'src-shared', 'src-main', 'src-hub'];
const builtSources = new Map<string, string>();

/**
 * A build of a throwaway copy of the working tree's sources with `edit` applied: out/ of the copy.
 * The copy's diff against the repo is written next to it (changes.diff), to propose as is.
 */
export function sourceBuild(name: string, edit: SourceEdit | null): string {
  const cached = builtSources.get(name);
  if (cached) return cached;
  const root = join(LAB, `src-${name}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (['node_modules', 'out', '.git', 'test-results', 'playwright-report', 'release', 'dist', '.cache', 'assets'].includes(entry)) continue;
    cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(ROOT, 'assets'), join(root, 'assets'));
  edit?.(root);
  const diff = SOURCE_FOLDERS.map((f) => spawnSync('diff', ['-ruN', join(ROOT, f), join(root, f)], { encoding: 'utf8' }).stdout).join('');
  writeFileSync(join(root, 'changes.diff'), diff.split(root).join('b').split(ROOT).join('a'));
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build of ${name} failed:\n${build.stdout}\n${build.stderr}`);
  const out = join(root, 'out');
  builtSources.set(name, out);
  return out;
}

/** A patched copy of a build (the source build `from`, else the snapshot of out/), served by its own host. */
function variant(name: string, patch: Patch | null, from: string | null): string {
  const dir = join(LAB, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(from ?? join(LAB, 'base-out'), join(dir, 'out'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(ROOT, 'assets'), join(dir, 'assets'));
  instrument(join(dir, 'out'));
  patch?.(join(dir, 'out'));
  return dir;
}

interface Host {
  url: string;
  stop(): Promise<void>;
}

async function startHost(dir: string, config: object): Promise<Host> {
  const data = mkdtempSync(join(tmpdir(), 'ioc-lab-host-'));
  writeFileSync(join(data, 'ioc-wall.json'), JSON.stringify(config));
  const child = spawn(process.execPath, [join(dir, 'out/main/serve.js'), '--no-open', '--port=0', `--data=${data}`, `--config=${join(data, 'ioc-wall.json')}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /IOC Wall ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${output}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))) };
}

// ------------------------------------------------------------------------------------------------

export interface Experiment {
  name: string;
  page: 'ioc' | 'plain';
  /** IOC: a patch to the build copy. */
  patch?: Patch;
  /** IOC: build from a copy of the sources with this edit (name, edit) instead of the out/ snapshot. */
  source?: { name: string; edit: SourceEdit | null };
  /** Both pages: merged over the page's own hls.js config. */
  hlsConfig?: object;
  /** Plain page: the config its players are created with (the baseline passes none). */
  plainConfig?: object;
  /** Extra init script, e.g. to warm something. */
  init?: string;
  /** prefers-reduced-motion: reduce (no spinners or pulses while tiles load). */
  reducedMotion?: boolean;
  /** IOC: load the page once in the same context first (warm HTTP and code cache). */
  warm?: boolean;
}

interface Outcome {
  runs: PageRun[];
  hls: HlsLog[][];
}

const MAX_FOREIGN_CORES = Number(process.env.LAB_MAX_FOREIGN ?? 0.3);

interface LabContext {
  hubUrl: string;
  plain: PlainGridServer;
  hosts: Map<string, Host>;
}

async function urlOf(exp: Experiment, n: number, ctx: LabContext): Promise<string> {
  if (exp.page === 'plain') return ctx.plain.pageUrl(streamUrls(ctx.hubUrl, n), exp.plainConfig);
  let host = ctx.hosts.get(exp.name);
  if (!host) {
    const from = exp.source ? sourceBuild(exp.source.name, exp.source.edit) : null;
    host = await startHost(variant(exp.name.replace(/[^\w-]/g, '_'), exp.patch ?? null, from), {
      hub: { url: ctx.hubUrl, token: TOKEN },
      layouts: TILES.map(cameraLayout),
      walls: TILES.map((t): Wall => ({ id: `bench-${t}`, name: `Bench ${t}`, layoutId: `bench-${t}` })),
    });
    ctx.hosts.set(exp.name, host);
  }
  return `${host.url}/wall/bench-${n}`;
}

/** One load of one experiment; reloaded (up to twice) when others' CPU use made it suspect. */
async function loadOnce(browser: Browser, exp: Experiment, n: number, url: string, sample: number | null): Promise<{ run: PageRun; logs: HlsLog[] }> {
  for (let attempt = 0; ; attempt += 1) {
    let logs: HlsLog[] = [];
    const run = await measurePage(
      browser,
      n,
      async (page) => {
        await page.addInitScript(`window.__benchHlsConfig = ${JSON.stringify(exp.hlsConfig ?? {})};`);
        await page.addInitScript(HLS_PROBE);
        if (exp.init) await page.addInitScript(exp.init);
        if (exp.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
        if (exp.warm) {
          await page.goto(url);
          await page.waitForFunction(() => document.querySelectorAll('video').length > 0, undefined, { timeout: 20_000 });
        }
        await page.goto(url);
      },
      sample,
      async (page) => {
        logs = await readHlsLogs(page);
      },
    );
    if (attempt >= 2 || run.foreignCores === null || run.foreignCores <= MAX_FOREIGN_CORES) return { run, logs };
    process.stderr.write(`lab: ${exp.name} load disturbed (${run.foreignCores} cores used by others), again\n`);
  }
}

const med = (values: Array<number | null | undefined>): number | null => {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  const p = percentile(v, 50);
  return p === null ? null : Math.round(p);
};

/** Median over all players of all loads of each hls.js event, ms after the player's video was created. */
function hlsSteps(logs: HlsLog[][]): Record<string, number | null> {
  const flat = logs.flat().filter((l) => l.videoCreated !== null);
  return Object.fromEntries(HLS_EVENTS.map((e) => [e.replace(/^hls/, ''), med(flat.map((l) => (l.events[e] === undefined ? null : l.events[e]! - l.videoCreated!)))]));
}

export function report(exp: Experiment, n: number, { runs, hls }: Outcome): Record<string, unknown> {
  const nav = runs.flatMap((r) => r.fromNavigation);
  const attach = runs.flatMap((r) => r.fromAttach);
  const last = runs[runs.length - 1]!;
  const timeline = Object.fromEntries(Object.keys(runs[0]!.timeline).map((k) => [k, med(runs.map((r) => r.timeline[k]))]));
  return {
    experiment: exp.name,
    tiles: n,
    playing: Math.min(...runs.map((r) => r.fromNavigation.length)),
    navP50: med(nav),
    navP95: percentile(nav, 95),
    attachP50: med(attach),
    attachP95: percentile(attach, 95),
    perLoadNavP50: runs.map((r) => med(r.fromNavigation)),
    foreignCores: runs.map((r) => r.foreignCores),
    dropped: last.sample ? { ...last.sample, percent: last.sample.frames ? Math.round((last.sample.dropped / last.sample.frames) * 10000) / 100 : null } : null,
    decode: last.decode,
    timeline,
    hlsAfterAttach: hlsSteps(hls),
  };
}

export async function runLab(experiments: Experiment[]): Promise<Array<Record<string, unknown>>> {
  if (!existsSync(join(LAB, 'base-out'))) {
    mkdirSync(LAB, { recursive: true });
    cpSync(join(ROOT, 'out'), join(LAB, 'base-out'), { recursive: true });
  }
  const work = mkdtempSync(join(tmpdir(), 'ioc-lab-hub-'));
  const hub = await startHubProcess([`--db=${join(work, 'hub.db')}`, '--port=0', `--token=${TOKEN}`]);
  const plain = await startPlainGridServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const ctx: LabContext = { hubUrl: hub.url, plain, hosts: new Map() };
  // A fresh Chromium's first page pays for its own start: one unmeasured load before the experiments.
  await measurePage(browser, 1, async (p) => void (await p.goto(plain.pageUrl(streamUrls(hub.url, 1)))), null);
  const out: Array<Record<string, unknown>> = [];
  try {
    for (const n of TILES) {
      const urls = await Promise.all(experiments.map((exp) => urlOf(exp, n, ctx)));
      const outcomes: Outcome[] = experiments.map(() => ({ runs: [], hls: [] }));
      // Interleaved (A B C A B C …), rotating who goes first, so a busy spell on this shared box
      // lands on every experiment rather than on one.
      for (let r = 0; r < REPEATS; r += 1) {
        const sample = r === REPEATS - 1 ? SAMPLE : null;
        for (let k = 0; k < experiments.length; k += 1) {
          const i = (k + r) % experiments.length;
          const { run, logs } = await loadOnce(browser, experiments[i]!, n, urls[i]!, sample);
          outcomes[i]!.runs.push(run);
          outcomes[i]!.hls.push(logs);
        }
      }
      experiments.forEach((exp, i) => {
        const result = report(exp, n, outcomes[i]!);
        process.stderr.write(`${JSON.stringify(result)}\n`);
        out.push(result);
      });
    }
  } finally {
    await browser.close();
    for (const host of ctx.hosts.values()) await host.stop();
    await plain.stop();
    await hub.stop();
  }
  return out;
}

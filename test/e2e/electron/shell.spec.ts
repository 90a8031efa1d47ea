import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type {} from '../../../src-shared/preload-api';

const ROOT = join(__dirname, '..', '..', '..');

test.describe.configure({ mode: 'serial' });

/**
 * Asks scripts/electron-available.mjs (the check `npm start` uses) whether the binary exists.
 * Imported at run time because Playwright's CommonJS transform cannot load an .mjs statically.
 */
async function electronBinary(): Promise<{ path: string | null; reason: string | null }> {
  const url = pathToFileURL(join(ROOT, 'scripts/electron-available.mjs')).href;
  const probe = (await import(url)) as typeof import('../../../scripts/electron-available.mjs');
  return probe.electronBinaryStatus(ROOT);
}

let app: ElectronApplication;
let dataDir: string;
let output = '';

test.beforeAll(async () => {
  const binary = await electronBinary();
  // An offline install has the electron package but not its binary: say so instead of failing.
  test.skip(binary.path === null, `Electron binary not installed (offline install): ${binary.reason ?? ''}`);
  test.setTimeout(300_000);
  // The cache and the embedded hub need better-sqlite3 built for Electron (npm test built it for Node).
  const native = (await import(pathToFileURL(join(ROOT, 'scripts/native-deps.mjs')).href)) as typeof import('../../../scripts/native-deps.mjs');
  if (!native.ensureNativeDeps(ROOT, 'electron', binary.path ?? '')) throw new Error('better-sqlite3 could not be rebuilt for Electron');
  dataDir = mkdtempSync(join(tmpdir(), 'ioc-wall-electron-'));
  const configPath = join(dataDir, 'ioc-wall.json');
  writeFileSync(configPath, JSON.stringify({ hub: { demoPort: 0 } }));
  // Chromium refuses to start as root (CI containers) without dropping its OS sandbox; the
  // renderer's JS sandbox (sandbox: true, no Node) is what this spec checks and it stays on.
  const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  // The repo folder is the app: Electron runs package.json's main, out/main/index.js, as a user's `npm start` does.
  app = await electron.launch({
    executablePath: binary.path ?? '',
    args: [...chromiumFlags, ROOT, `--config=${configPath}`, `--data=${dataDir}`],
    cwd: ROOT,
    env: { ...process.env, IOC_WALL_LOG_LEVEL: 'info' },
  });
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  app.process().stdout?.on('data', collect);
  app.process().stderr?.on('data', collect);
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  if (app) {
    // Leave better-sqlite3 built for Node again, for the Node suites and browser mode.
    const native = (await import(pathToFileURL(join(ROOT, 'scripts/native-deps.mjs')).href)) as typeof import('../../../scripts/native-deps.mjs');
    native.ensureNativeDeps(ROOT, 'node');
  }
});

/** The window showing `url`, once it has opened and started loading it. */
async function windowAt(url: string): Promise<Page> {
  await expect.poll(() => app.windows().map((w) => w.url()), { timeout: 30_000, message: `a window at ${url}` }).toContain(url);
  const page = app.windows().find((w) => w.url() === url);
  if (!page) throw new Error(`no window at ${url}`);
  return page;
}

test('opens the console and a wall, each ready on the app:// origin', async () => {
  const consolePage = await windowAt('app://ioc/console');
  const wall = await windowAt('app://ioc/wall/1');
  await wall.waitForFunction(() => document.documentElement.dataset.ready === 'wall', undefined, { timeout: 30_000 });
  await consolePage.waitForFunction(() => document.documentElement.dataset.ready === 'console', undefined, { timeout: 30_000 });
});

test('the wall renderer is sandboxed and sees only the two-function bridge', async () => {
  const wall = await windowAt('app://ioc/wall/1');
  const seen = await wall.evaluate(async () => {
    const bridge = window.iocWall;
    let unknownEvent = 'accepted';
    try {
      bridge?.on('fs:watch', () => undefined);
    } catch {
      unknownEvent = 'rejected';
    }
    return {
      noProcess: typeof process === 'undefined',
      noRequire: typeof require === 'undefined',
      keys: bridge ? Object.keys(bridge).sort() : [],
      info: await bridge?.invoke('app:info', undefined),
      unknownInvoke: await bridge?.invoke('fs:read', { path: '/etc/passwd' }),
      unknownEvent,
    };
  });
  expect(seen.noProcess).toBe(true);
  expect(seen.noRequire).toBe(true);
  expect(seen.keys).toEqual(['invoke', 'on']);
  expect(seen.info).toMatchObject({ ok: true, value: { mode: 'electron' } });
  expect(seen.unknownInvoke).toMatchObject({ ok: false });
  expect(seen.unknownEvent).toBe('rejected');
});

test('app:// sends the CSP and serves nothing outside the renderer build', async () => {
  const wall = await windowAt('app://ioc/wall/1');
  const answers = await wall.evaluate(async () => {
    const route = await fetch('/console');
    const escape = await fetch('/assets/..%2f..%2f..%2fpackage.json');
    return { csp: route.headers.get('content-security-policy'), escapeStatus: escape.status };
  });
  expect(answers.csp).toContain("script-src 'self'");
  expect(answers.escapeStatus).toBe(404);
});

test('pop-ups and navigation away from the app are blocked', async () => {
  const wall = await windowAt('app://ioc/wall/1');
  const popup = await wall.evaluate(() => {
    (window as Window & { stillHere?: boolean }).stillHere = true;
    return window.open('https://example.com/') === null;
  });
  expect(popup).toBe(true);
  await wall.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  // The shell logs each refusal: wait for that, not for a fixed time.
  await expect.poll(() => output, { timeout: 10_000 }).toContain('blocked navigation to https://example.com/');
  expect(wall.url()).toBe('app://ioc/wall/1');
  expect(await wall.evaluate(() => (window as Window & { stillHere?: boolean }).stillHere)).toBe(true);
});

test('a wall window may only change what is local to its own wall; the console drives every wall', async () => {
  const wall = await windowAt('app://ioc/wall/1');
  const consolePage = await windowAt('app://ioc/console');
  const run = (page: Page, name: string, payload: object) => page.evaluate(([n, p]) => window.iocWall?.invoke('command:run', { name: n, payload: p }), [name, payload] as const);
  expect(await run(wall, 'preset.apply', { presetId: 'dieu-hanh-giao-thong' })).toMatchObject({ ok: false, error: expect.stringMatching(/wall window 1 may not/) });
  expect(await run(wall, 'wall.enlarge', { wallId: '2', tileId: 'c1' })).toMatchObject({ ok: false });
  expect(await wall.evaluate(() => window.iocWall?.invoke('operator:state', undefined))).toMatchObject({ ok: false });
  // No accounts in this config: the desktop console runs as the first account, signed in without a password.
  expect(await consolePage.evaluate(() => window.iocWall?.invoke('session:get', undefined))).toMatchObject({ ok: true, value: { session: { username: 'admin', role: 'admin' }, canSignIn: true } });
  expect(await run(consolePage, 'preset.apply', { presetId: 'dieu-hanh-giao-thong' })).toMatchObject({ ok: true });
  await expect(wall.locator('main.wall-grid')).toHaveAttribute('data-layout-id', 'giao-thong');
  // The console knows whether the desktop let the app take its global keys, and which are taken.
  const state = (await consolePage.evaluate(() => window.iocWall?.invoke('operator:state', undefined))) as { ok: true; value: { keys: { global: string; taken: string[] } } };
  expect(['active', 'unavailable']).toContain(state.value.keys.global);
  expect(await run(consolePage, 'preset.apply', { presetId: 'giao-ban-thu-hai' })).toMatchObject({ ok: true });
});

test('each wall is fullscreen on the display the book chose, with no application menu, and cannot be closed on its own', async () => {
  const wall = await windowAt('app://ioc/wall/1');
  const facts = await app.evaluate(async ({ BrowserWindow, Menu, screen }) => {
    const walls = BrowserWindow.getAllWindows().filter((w) => w.webContents.getURL().startsWith('app://ioc/wall/'));
    const first = walls[0]!;
    first.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const display = screen.getDisplayMatching(first.getBounds());
    return {
      menu: Menu.getApplicationMenu(),
      fullscreen: walls.map((w) => w.isFullScreen()),
      stillOpen: !first.isDestroyed(),
      onItsDisplay: JSON.stringify(first.getBounds()) === JSON.stringify(display.bounds),
    };
  });
  expect(facts.menu).toBeNull();
  expect(facts.fullscreen.every(Boolean)).toBe(true);
  expect(facts.stillOpen).toBe(true);
  expect(facts.onItsDisplay).toBe(true);
  await expect.poll(() => output).toContain('refused to close wall window');
  expect(wall.url()).toBe('app://ioc/wall/1');
});

test('a crashed wall renderer is reloaded by the recovery policy, and the console says so', async () => {
  const wall = await windowAt('app://ioc/wall/1');
  await app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL() === 'app://ioc/wall/1');
    win?.webContents.forcefullyCrashRenderer();
  });
  await expect.poll(() => output, { timeout: 15_000 }).toMatch(/wall 1: crashed \(.*\); attempt 1, reloading it in 1000 ms/);
  await wall.waitForFunction(() => document.documentElement.dataset.ready === 'wall', undefined, { timeout: 30_000 });
  const consolePage = await windowAt('app://ioc/console');
  const state = (await consolePage.evaluate(() => window.iocWall?.invoke('operator:state', undefined))) as { ok: true; value: { shell: { walls: { wallId: string; recoveries: number }[]; displaySleep: string } } };
  expect(state.value.shell.walls.find((w) => w.wallId === '1')?.recoveries).toBeGreaterThanOrEqual(1);
  expect(state.value.shell.displaySleep).toBe('blocked');
});

test('a permission request is denied, and a second instance is refused', async () => {
  const wall = await windowAt('app://ioc/wall/1');
  const permission = await wall.evaluate(() => navigator.permissions.query({ name: 'geolocation' }).then((s) => s.state));
  expect(permission).not.toBe('granted');
  const geo = await wall.evaluate(() => new Promise<string>((resolve) => navigator.geolocation.getCurrentPosition(() => resolve('granted'), (e) => resolve(`denied ${e.code}`))));
  expect(geo).toMatch(/^denied/);
  const binary = await electronBinary();
  const { spawnSync } = await import('node:child_process');
  const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const second = spawnSync(binary.path ?? '', [...chromiumFlags, ROOT, `--data=${dataDir}`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, IOC_WALL_LOG_LEVEL: 'info' } });
  expect(`${second.stdout}${second.stderr}`).toContain('already running');
  expect(app.windows().some((w) => w.url() === 'app://ioc/wall/1')).toBe(true);
});

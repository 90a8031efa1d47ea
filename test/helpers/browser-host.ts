import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Role } from '../../src-shared/access';
import { wallCredentials } from '../../src-main/access/wall-credentials';
import { waitForReady } from './page-ready';
import { signInToken, TEST_OPERATORS, testOperatorAccounts } from './test-operators';

export interface BrowserHost {
  url: string;
  dataDir: string;
  /** The host process's id, for figures read from outside it (/proc memory and CPU time). */
  pid: number;
  output: () => string;
  /** A wall's address with its key, as the host prints it for kiosks. */
  wallUrl(wallId: string): string;
  /** A session token of a test operator (src: test-operators.ts), signed in over HTTP. */
  signIn(role?: Role): Promise<string>;
  /** Opens the console in the page and signs in through its sign-in screen, as an operator does. */
  openConsole(page: Page, role?: Role): Promise<void>;
  stop(): Promise<void>;
}

/** Signs in on a console page showing the sign-in screen, and waits for the desk. */
export async function signInOnPage(page: Page, role: Role = 'operator'): Promise<void> {
  await waitForReady(page, 'sign-in');
  const { username, password } = TEST_OPERATORS[role];
  await page.locator('.sign-in input[name="username"]').fill(username);
  await page.locator('.sign-in input[name="password"]').fill(password);
  // A good sign-in reloads the page with the session, which then shows the desk.
  await page.locator('.sign-in__submit').click();
  await waitForReady(page, 'console');
}

const ROOT = join(__dirname, '..', '..');

/**
 * Starts the built browser-mode host (`out/main/serve.js`) as its own process, as a user would,
 * and resolves once it prints its ready line. No kiosk windows: the test drives its own Chromium.
 */
export async function startBrowserHost(config: object = {}, options: { dataDir?: string; port?: number; nodeArgs?: string[] } = {}): Promise<BrowserHost> {
  // A given data folder keeps the wall's cache and state across runs (restart and outage tests); a
  // given port lets the pages still open find a restarted host where they left it.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ioc-wall-e2e-'));
  mkdirSync(dataDir, { recursive: true });
  const configPath = join(dataDir, 'ioc-wall.json');
  // Every test host has the three test accounts, and no schedules, unless the test brings its own:
  // no run may depend on the hour it runs at (the demo reloads its walls daily at 03:30 and starts
  // an agenda on Monday at 07:30).
  writeFileSync(configPath, JSON.stringify({ operators: await testOperatorAccounts(), schedules: [], ...config }));
  // Node's own flags go before the script (a bench's --inspect=127.0.0.1:0 to read the host's heap).
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'out/main/serve.js'), '--no-open', `--port=${options.port ?? 0}`, `--data=${dataDir}`, `--config=${configPath}`], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /IOC Wall ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  const walls = wallCredentials(readFileSync(join(dataDir, 'state', 'wall-secret'), 'utf8').trim());
  return {
    url,
    dataDir,
    pid: child.pid!,
    output: () => output,
    wallUrl: (wallId) => `${url}/wall/${encodeURIComponent(wallId)}#key=${walls.keyFor(wallId)}`,
    signIn: (role) => signInToken(url, role),
    openConsole: async (page, role) => {
      await page.goto(`${url}/console`);
      await signInOnPage(page, role);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

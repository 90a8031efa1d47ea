import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrowserHost {
  url: string;
  dataDir: string;
  /** The host process's id, for figures read from outside it (/proc memory and CPU time). */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
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
  writeFileSync(configPath, JSON.stringify(config));
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
  return {
    url,
    dataDir,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import packageJson from '../../package.json';
import { startAppCore } from '../app-core';
import { createLogger, errorMessage } from '../../src-shared/node/log';
import { argValue, defaultUserDataDir } from '../paths';
import { openLogFile } from '../shell/log-file';
import { findKioskBrowser } from './find-browser';
import { superviseKiosks } from './kiosk';
import { startWebHost } from './web-host';
import { HEARTBEAT_TIMEOUT_MS } from '../../src-shared/ipc';

/**
 * `npm run serve`: browser mode. Serves the walls to kiosk Chromium windows (thin-client walls) and
 * opens one per wall when a browser is installed. Flags: --config=FILE --host=ADDR --port=N
 * --data=DIR --no-open.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const userDataDir = argValue(argv, 'data') ?? defaultUserDataDir();
  mkdirSync(userDataDir, { recursive: true });
  // Warnings and errors also go to the console's list, once the core that holds it is up.
  let onProblem: (scope: string, message: string) => void = () => undefined;
  const logFile = openLogFile({ dir: join(userDataDir, 'logs'), onProblem: (_level, scope, message) => onProblem(scope, message) });
  const log = createLogger('serve', logFile.sink);
  const core = await startAppCore({
    mode: 'browser',
    configPath: argValue(argv, 'config'),
    userDataDir,
    assetsDir: resolve(__dirname, '../../assets'),
    version: packageJson.version,
    log,
  });
  onProblem = (scope, message) => core.liveness.health.error(scope, message);
  core.liveness.health.setFacts({ logFile: logFile.path });
  const portFlag = argValue(argv, 'port');
  const port = portFlag === undefined ? core.config.browser.port : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got "${portFlag ?? ''}"`);
  const host = await startWebHost({
    core,
    rendererDir: resolve(__dirname, '../renderer'),
    host: argValue(argv, 'host') ?? core.config.browser.host,
    port,
    log: log.child('web'),
  });
  // Each wall's address carries its key in the fragment (src-main/access/wall-credentials.ts).
  const walls = core.config.walls.map((wall) => ({ url: core.wallUrl(host.url, wall.id), kiosk: true, profile: `wall-${wall.id}`, wallId: wall.id }));
  const consoleWindow = { url: `${host.url}/console`, kiosk: false, profile: 'console' };
  // A line a script can wait on: the walls are being served from here on.
  process.stdout.write(`IOC Wall ready at ${host.url}\n`);
  const first = core.access.first;
  if (first) {
    // Only on a host that serves this machine alone (web-host.ts refuses anything else without accounts).
    process.stdout.write(`No operator accounts configured: sign in on the console as "${first.account.username}", password ${first.password} (kept in ${first.file}).\n`);
  }
  let closeKiosks = (): void => undefined;
  // On Linux without a display server (a headless box, SSH) there is nowhere to open a window.
  const hasScreen = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const wantWindows = !argv.includes('--no-open') && core.config.browser.openKiosk && hasScreen;
  const browser = wantWindows ? findKioskBrowser(core.config.browser.executable) : null;
  if (wantWindows && !browser) log.info('no Chromium or Chrome found for kiosk windows (set browser.executable)');
  if (browser) {
    const kiosks = superviseKiosks({ browser, windows: [consoleWindow, ...walls], userDataDir, log: log.child('kiosk'), health: core.liveness.health });
    core.liveness.setRecovery((window) => kiosks.recover(window.wallId, `${HEARTBEAT_TIMEOUT_MS / 1000} s`));
    closeKiosks = kiosks.close;
  } else {
    process.stdout.write(['Open these in a browser:', `  console  ${consoleWindow.url}`, ...walls.map((w) => `  wall     ${w.url}`)].join('\n') + '\n');
  }
  const stop = (): void => {
    log.info('stopping');
    closeKiosks();
    void Promise.all([host.close(), core.close()])
      .then(() => logFile.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`IOC Wall failed to start: ${errorMessage(error)}\n`);
  process.exit(1);
});

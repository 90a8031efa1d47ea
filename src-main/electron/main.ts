import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { startAppCore, type AppCore } from '../app-core';
import { createLogger, errorMessage } from '../../src-shared/node/log';
import { argValue } from '../paths';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc-main';
import { registerShortcuts } from './shortcuts';
import { startWallWindows, type WallWindows } from './wall-windows';

/**
 * The desktop app's entry: the Electron shell around the app core. Flags: --config=FILE
 * (or IOC_WALL_CONFIG), --data=DIR (user data, e.g. one per test run), --kiosk (walls in kiosk mode).
 */
const log = createLogger('electron');
const argv = process.argv.slice(1);

// Privileged schemes must be declared before `ready`.
registerAppScheme();

const dataDir = argValue(argv, 'data');
if (dataDir) {
  mkdirSync(dataDir, { recursive: true });
  app.setPath('userData', dataDir);
}

let core: AppCore | undefined;
let windows: WallWindows | undefined;
let unregisterShortcuts: (() => void) | undefined;
let stopping: Promise<void> | undefined;
let stopped = false;

async function start(): Promise<void> {
  await app.whenReady();
  core = await startAppCore({
    mode: 'electron',
    configPath: argValue(argv, 'config') ?? process.env.IOC_WALL_CONFIG,
    userDataDir: app.getPath('userData'),
    // Packaged: electron-builder's extraResources; from source: the repo's assets folder.
    assetsDir: app.isPackaged ? join(process.resourcesPath, 'assets') : join(__dirname, '../../assets'),
    version: app.getVersion(),
    log: log.child('core'),
  });
  core.configErrors.forEach((error) => log.warn(`config: ${error}`));

  handleAppProtocol({ rendererDir: join(__dirname, '../renderer'), contentSecurityPolicy: core.contentSecurityPolicy, map: core.map, log: log.child('protocol') });
  registerIpc(core, log.child('ipc'));
  // One console seat for this run: a re-created console window keeps whoever was signed in on it.
  const consoleSeat = core.access.seats.desktopSeat(core.config.console.station);
  const shown = startWallWindows({ core, consoleSeat, preloadPath: join(__dirname, '../preload/index.js'), kiosk: argv.includes('--kiosk'), log: log.child('windows') });
  windows = shown;
  const running = core;
  running.setShell({ focusConsole: () => shown.focusConsole(), reloadWalls: () => shown.reloadWalls() });
  const shortcuts = registerShortcuts(
    running.config.keys,
    (accelerator) => void running.globalKey(accelerator, consoleSeat).then((result) => result.ok || log.warn(`shortcut ${accelerator}: ${result.error}`)),
    log.child('shortcuts'),
  );
  running.setKeyStatus(shortcuts.status);
  unregisterShortcuts = shortcuts.unregister;
  log.info(`started with ${core.config.walls.length} wall(s), hub ${core.hubUrl ?? 'none (see the config errors)'}`);
}

/** Closes the core (hub link, embedded hub) before the process exits, so ports and files are released. */
function stop(): Promise<void> {
  stopping ??= (async () => {
    windows?.stop();
    unregisterShortcuts?.();
    await core?.close().catch((error: unknown) => log.error(`closing the app core failed: ${errorMessage(error)}`));
  })();
  return stopping;
}

if (!app.requestSingleInstanceLock()) {
  // A second launch on a wall PC would fight the first for the displays: hand over and leave.
  log.info('already running; focusing the existing console');
  app.quit();
} else {
  app.on('second-instance', () => windows?.focusConsole());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
  start().catch((error: unknown) => {
    log.error(`failed to start: ${errorMessage(error)}`);
    void stop().finally(() => app.exit(1));
  });
}

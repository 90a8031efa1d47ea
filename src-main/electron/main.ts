import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, crashReporter, Menu } from 'electron';
import { startAppCore, type AppCore } from '../app-core';
import { consoleSink, createLogger, errorMessage, type LogSink } from '../../src-shared/node/log';
import { openLogFile, type LogFile } from '../shell/log-file';
import { desktopWarnings, gpuCrashAction, mainFailureAction, videoDecodeFact } from '../shell/process-failures';
import { argValue } from '../paths';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc-main';
import { registerShortcuts } from './shortcuts';
import { startUpdates } from './updates';
import { startWallWindows, type WallWindows } from './wall-windows';
import { allowWindowsToClose } from './window-factory';

/**
 * The desktop app's entry: the Electron shell around the app core. Flags: --config=FILE
 * (or IOC_WALL_CONFIG), --data=DIR (user data, e.g. one per test run), --kiosk (walls in kiosk mode).
 */
// Lines go to the terminal until the log file is open, then to both (log-file.ts).
let sink: LogSink = consoleSink;
const log = createLogger('electron', (level, scope, message) => sink(level, scope, message));
const argv = process.argv.slice(1);
const startedAt = Date.now();

// Privileged schemes must be declared before `ready`.
registerAppScheme();

const dataDir = argValue(argv, 'data');
if (dataDir) {
  mkdirSync(dataDir, { recursive: true });
  app.setPath('userData', dataDir);
}

// Crash dumps stay on this PC (app.getPath('crashDumps')): nothing is uploaded from a closed network.
crashReporter.start({ uploadToServer: false });
// Hardware video decoding on Linux (VA-API through GL); the console says whether it took effect.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-features', 'AcceleratedVideoDecodeLinuxGL');
// No application menu: its default accelerators close a wall (Ctrl+W), leave fullscreen (F11) and open DevTools.
Menu.setApplicationMenu(null);

let logFile: LogFile | undefined;
const gpuCrashes: number[] = [];

/** Quits and starts again: the one way back for a main process in an unknown state. */
function relaunch(why: string): void {
  const action = mainFailureAction(Date.now() - startedAt);
  log.error(`${why}: ${action === 'relaunch' ? 'relaunching the app' : 'exiting for the watchdog to restart the app (it failed right after starting)'}`);
  if (action === 'relaunch') app.relaunch();
  allowWindowsToClose();
  app.exit(1);
}

// Electron's default for an uncaught exception is a modal dialog on whichever screen, a wall's
// included, waiting for a click that never comes.
process.on('uncaughtException', (error) => relaunch(`uncaught exception in the main process: ${error.stack ?? errorMessage(error)}`));
process.on('unhandledRejection', (reason) => log.error(`unhandled rejection in the main process: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
app.on('child-process-gone', (_event, details) => {
  log.error(`${details.type} process gone: ${details.reason} (exit ${details.exitCode})${details.name ? ` ${details.name}` : ''}`);
  if (details.type !== 'GPU' || details.reason === 'clean-exit') return;
  gpuCrashes.push(Date.now());
  // Chromium restarts the GPU process, and after a few crashes gives up on the GPU: relaunch then.
  if (gpuCrashAction(gpuCrashes, Date.now()) === 'relaunch') relaunch(`the GPU process crashed ${gpuCrashes.length} times`);
});

let core: AppCore | undefined;
let windows: WallWindows | undefined;
let unregisterShortcuts: (() => void) | undefined;
let stopping: Promise<void> | undefined;
let stopped = false;

async function start(): Promise<void> {
  await app.whenReady();
  let onProblem: (scope: string, message: string) => void = () => undefined;
  logFile = openLogFile({ dir: app.getPath('logs'), onProblem: (_level, scope, message) => onProblem(scope, message) });
  sink = logFile.sink;
  log.info(`IOC Wall ${app.getVersion()} starting; log file ${logFile.path}, crash dumps in ${app.getPath('crashDumps')}`);
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
  const health = core.liveness.health;
  onProblem = (scope, message) => health.error(scope, message);
  const warnings = desktopWarnings({ platform: process.platform, sessionType: process.env.XDG_SESSION_TYPE, ozonePlatform: app.commandLine.getSwitchValue('ozone-platform') || undefined });
  warnings.forEach((warning) => log.warn(warning.en));
  health.setFacts({ logFile: logFile.path, videoDecode: videoDecodeFact(app.getGPUFeatureStatus().video_decode), warnings });
  // The GPU process reports its features once it is up; read them again then.
  app.on('gpu-info-update', () => health.setFacts({ videoDecode: videoDecodeFact(app.getGPUFeatureStatus().video_decode) }));

  handleAppProtocol({ rendererDir: join(__dirname, '../renderer'), contentSecurityPolicy: core.contentSecurityPolicy, map: core.map, log: log.child('protocol') });
  registerIpc(core, log.child('ipc'));
  // One console seat for this run: a re-created console window keeps whoever was signed in on it.
  const consoleSeat = core.access.seats.desktopSeat(core.config.console.station);
  const shown = startWallWindows({ core, consoleSeat, preloadPath: join(__dirname, '../preload/index.js'), kiosk: argv.includes('--kiosk'), log: log.child('windows') });
  windows = shown;
  const running = core;
  running.setShell({
    focusConsole: () => shown.focusConsole(),
    reloadWalls: () => shown.reloadWalls(),
    quit: () => {
      log.info('quitting, as asked from the console');
      allowWindowsToClose();
      // After the command's answer has gone back to the console.
      setTimeout(() => app.quit(), 100);
      return true;
    },
  });
  const shortcuts = registerShortcuts(
    running.config.keys,
    (accelerator) => void running.globalKey(accelerator, consoleSeat).then((result) => result.ok || log.warn(`shortcut ${accelerator}: ${result.error}`)),
    log.child('shortcuts'),
  );
  running.setKeyStatus(shortcuts.status);
  unregisterShortcuts = shortcuts.unregister;
  log.info(`started with ${core.config.walls.length} wall(s), hub ${core.hubUrl ?? 'none (see the config errors)'}`);
  // Off unless the config names an update URL on the province's LAN (updates.ts).
  startUpdates(core.config.updates, log.child('updates'));
}

/** Closes the core (hub link, embedded hub) before the process exits, so ports and files are released. */
function stop(): Promise<void> {
  stopping ??= (async () => {
    windows?.stop();
    unregisterShortcuts?.();
    await core?.close().catch((error: unknown) => log.error(`closing the app core failed: ${errorMessage(error)}`));
    sink = consoleSink;
    await logFile?.close();
  })();
  return stopping;
}

if (!app.requestSingleInstanceLock()) {
  // A second launch on a wall PC would fight the first for the displays: hand over and leave.
  log.info('already running; focusing the existing console');
  app.quit();
} else {
  app.on('second-instance', () => windows?.focusConsole());
  app.on('before-quit', () => allowWindowsToClose());
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

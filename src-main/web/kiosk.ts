import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Logger } from '../../src-shared/node/log';
import { createRecoveryRunner, type RecoveryRunnerOptions } from '../shell/recovery-runner';

export interface KioskWindow {
  url: string;
  /** Wall windows go fullscreen without browser chrome; the console stays a normal app window. */
  kiosk: boolean;
  /** Separate profile per window, so each wall keeps its own window and state. */
  profile: string;
  /** The wall it shows; undefined for the console. */
  wallId?: string;
}

/** Chromium flags for an unattended wall: no first-run prompts, no background calls home, autoplay on. */
export function kioskArgs(window: KioskWindow, userDataDir: string, runningAsRoot: boolean): string[] {
  return [
    // --start-fullscreen as well: without a window manager (a bare X session) --kiosk alone keeps the default size.
    ...(window.kiosk ? ['--kiosk', '--start-fullscreen'] : []),
    `--app=${window.url}`,
    `--user-data-dir=${join(userDataDir, 'kiosk', window.profile)}`,
    '--autoplay-policy=no-user-gesture-required',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    // A wall covered by another window or on a locked screen keeps its timers and frames: what
    // backgroundThrottling: false does for the Electron walls.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    // Chromium refuses to start as root without this; walls should not run as root, so say so.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

export interface KioskSupervisor {
  /** Restarts the kiosk browser of a wall this host opened; false when it opened none (a thin client elsewhere). */
  recover(wallId: string, why: string): boolean;
  /** Closes every kiosk; they are not restarted after this. */
  close(): void;
}

export interface KioskSupervisorOptions {
  browser: string;
  windows: readonly KioskWindow[];
  userDataDir: string;
  log: Logger;
  health: RecoveryRunnerOptions['health'];
  /** Tests make the policy's delays short. */
  later?: RecoveryRunnerOptions['later'];
}

/**
 * Opens each window in its own browser process and keeps it open: a kiosk that exits (crash, OOM,
 * someone pressed Alt+F4) is started again, and a wall page that stops answering has its kiosk
 * restarted, with the recovery policy's growing delays so a browser that cannot start does not spin.
 */
export function superviseKiosks(options: KioskSupervisorOptions): KioskSupervisor {
  const { browser, log } = options;
  const asRoot = process.getuid?.() === 0;
  if (asRoot) log.warn('running as root: kiosk browsers start with --no-sandbox; run walls as an ordinary user');
  let closing = false;
  // Kiosks the supervisor killed itself, so their exit is not taken for a crash.
  const killedByUs = new WeakSet<ChildProcess>();
  const kiosks = options.windows.map((window) => {
    const name = window.wallId === undefined ? 'console' : `wall ${window.wallId}`;
    let child: ChildProcess | null = null;
    const start = (): void => {
      if (closing) return;
      const started = spawn(browser, kioskArgs(window, options.userDataDir, asRoot), { stdio: 'ignore', detached: false });
      child = started;
      started.on('error', (error) => log.error(`cannot open ${name} in ${browser}: ${error.message}`));
      started.on('exit', (code, signal) => {
        if (child === started) child = null;
        if (closing || killedByUs.has(started)) return;
        runner.problem('exited', `exit ${code ?? signal ?? '?'}`);
      });
      log.info(`opened ${window.kiosk ? 'kiosk' : 'app'} window for ${name} (pid ${started.pid ?? '?'})`);
      runner.healthy();
    };
    const restart = (): void => {
      const running = child;
      child = null;
      if (running && running.exitCode === null) {
        killedByUs.add(running);
        running.once('exit', start);
        running.kill('SIGKILL');
      } else start();
    };
    const runner = createRecoveryRunner({ wallId: window.wallId ?? 'console', log, health: options.health, target: { reload: restart, recreate: restart }, ...(options.later ? { later: options.later } : {}) });
    start();
    return { window, runner, stop: () => child?.kill() };
  });
  return {
    recover: (wallId, why) => {
      const kiosk = kiosks.find((k) => k.window.wallId === wallId);
      if (!kiosk) return false;
      kiosk.runner.problem('silent', why);
      return true;
    },
    close: () => {
      closing = true;
      for (const kiosk of kiosks) {
        kiosk.runner.cancel();
        kiosk.stop();
      }
    },
  };
}

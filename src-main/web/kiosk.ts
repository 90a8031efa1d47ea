import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Logger } from '../../src-shared/node/log';

export interface KioskWindow {
  url: string;
  /** Wall windows go fullscreen without browser chrome; the console stays a normal app window. */
  kiosk: boolean;
  /** Separate profile per window, so each wall keeps its own window and state. */
  profile: string;
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
    // Chromium refuses to start as root without this; walls should not run as root, so say so.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

/** Opens each window in its own browser process; returns a function that closes them all. */
export function openKioskWindows(browser: string, windows: KioskWindow[], userDataDir: string, log: Logger): () => void {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) log.warn('running as root: kiosk browsers start with --no-sandbox; run walls as an ordinary user');
  const children: ChildProcess[] = windows.map((window) => {
    const child = spawn(browser, kioskArgs(window, userDataDir, asRoot), { stdio: 'ignore', detached: false });
    child.on('error', (error) => log.error(`cannot open ${window.url} in ${browser}: ${error.message}`));
    child.on('exit', (code) => log.info(`kiosk window ${window.url} closed (exit ${code ?? 'signal'})`));
    log.info(`opened ${window.kiosk ? 'kiosk' : 'app'} window ${window.url}`);
    return child;
  });
  return () => children.forEach((child) => child.kill());
}

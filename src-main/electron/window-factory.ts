import { app, BrowserWindow, type Rectangle, type Session, type WebContents } from 'electron';
import type { Logger } from '../../src-shared/node/log';
import type { WindowIdentity } from '../window-identity';
import { isAppUrl } from './app-url';

/** Dark like the wall theme, so a window never flashes white while it loads. */
const BACKGROUND = '#0b1220';

export interface AppWindowSpec {
  /** Which window it is: every request from it runs as this, and events are sent by it. */
  identity: WindowIdentity;
  title: string;
  url: string;
  bounds: Rectangle;
  /** Walls cover their display; the console is a normal framed window. */
  fullscreen: boolean;
  /** Kiosk mode also keeps the OS from switching away (walls on an unattended PC). */
  kiosk?: boolean;
}

export interface WindowFactoryOptions {
  preloadPath: string;
  log: Logger;
}

/** Every window this app made and has not yet destroyed, with its role: the set IPC trusts and events go to. */
const ours = new Map<BrowserWindow, WindowIdentity>();

export function appWindows(): BrowserWindow[] {
  return [...ours.keys()].filter((win) => !win.isDestroyed());
}

export function isAppWebContents(contents: WebContents): boolean {
  return appWindows().some((win) => win.webContents === contents);
}

/** The role of the window showing `contents`, set when the host made it; undefined for anything else. */
export function identityOf(contents: WebContents): WindowIdentity | undefined {
  for (const [win, identity] of ours) if (!win.isDestroyed() && win.webContents === contents) return identity;
  return undefined;
}

const hardened = new WeakSet<Session>();

/** Windows the app itself is closing (display gone, quitting): the only closes a wall window allows. */
const closingOnPurpose = new WeakSet<BrowserWindow>();
let quitting = false;

/** Closes a window of ours on purpose (a wall whose display went away). */
export function closeAppWindow(win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  closingOnPurpose.add(win);
  win.close();
}

/** The app is quitting: every window may close now. */
export function allowWindowsToClose(): void {
  quitting = true;
}

/**
 * Denies every permission but fullscreen, and only to the app's own pages: a wall shows video and
 * charts and needs no camera, microphone, location or notifications.
 */
function hardenSession(session: Session, log: Logger): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = permission === 'fullscreen' && isAppUrl(details.requestingUrl);
    if (!allowed) log.warn(`denied permission "${permission}" to ${details.requestingUrl}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'fullscreen' && isAppUrl(requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/** Keeps a window on the app's origin: no pop-ups, no webviews, no navigation or redirect elsewhere. */
function confine(contents: WebContents, log: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`blocked pop-up to ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    log.warn('blocked a webview');
    event.preventDefault();
  });
  const blockForeign = (event: { url: string; preventDefault(): void }): void => {
    if (isAppUrl(event.url)) return;
    log.warn(`blocked navigation to ${event.url}`);
    event.preventDefault();
  };
  contents.on('will-frame-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
}

/**
 * The one place windows are made, so every window is sandboxed, context-isolated, confined to
 * app:// and counted as ours by the IPC gate.
 */
export function createAppWindow(spec: AppWindowSpec, options: WindowFactoryOptions): BrowserWindow {
  const kind = spec.identity.role;
  const log = options.log.child(kind);
  const win = new BrowserWindow({
    ...spec.bounds,
    title: spec.title,
    show: false,
    backgroundColor: BACKGROUND,
    frame: !spec.fullscreen,
    fullscreen: spec.fullscreen,
    kiosk: spec.kiosk === true,
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: options.preloadPath,
      // Walls play muted camera video with nobody there to click.
      autoplayPolicy: 'no-user-gesture-required',
      // A wall covered by another window or on a locked screen keeps its timers and frames; by
      // default Chromium cuts a hidden page's timers to one a minute and stops its animation frames.
      backgroundThrottling: kind !== 'wall',
      // DevTools only when running from source: on a wall PC F12 would open a debugger over a wall.
      devTools: !app.isPackaged,
    },
  });
  ours.set(win, spec.identity);
  win.on('closed', () => ours.delete(win));
  hardenSession(win.webContents.session, options.log);
  confine(win.webContents, log);
  if (kind === 'wall') {
    // A wall window closed by accident (Alt+F4, a window manager's gesture) would leave its display
    // dark with nobody to reopen it: only the app closes walls, or quitting it from the console.
    win.on('close', (event) => {
      if (quitting || closingOnPurpose.has(win)) return;
      event.preventDefault();
      log.warn(`refused to close wall window "${spec.title}": quit the app from the console instead`);
    });
  }
  win.once('ready-to-show', () => (kind === 'wall' ? win.showInactive() : win.show()));
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) log.error(`failed to load ${url}: ${description} (${code})`);
  });
  void win.loadURL(spec.url).catch(() => undefined);
  return win;
}

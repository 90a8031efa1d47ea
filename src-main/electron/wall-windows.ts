import { screen, type BrowserWindow, type Display, type Rectangle } from 'electron';
import type { AppCore } from '../app-core';
import type { Logger } from '../../src-shared/node/log';
import { EMPTY_DISPLAY_BOOK, settleDisplays, type DisplayBook } from '../walls/display-book';
import type { DisplayInfo } from '../walls/display-order';
import { toPlacements } from '../walls/display-placements';
import { planWallWindows } from '../walls/window-plan';
import { consoleUrl, wallUrl } from './app-url';
import { createKeepAwake } from './keep-awake';
import { createWallPageRecovery } from './wall-page-watch';
import { closeAppWindow, createAppWindow } from './window-factory';

export interface WallWindowsOptions {
  core: AppCore;
  /** The console window's seat (src-main/access/session-seats.ts): who is signed in on it. */
  consoleSeat: string;
  preloadPath: string;
  /** Open walls in kiosk mode (unattended wall PCs), not just fullscreen. */
  kiosk: boolean;
  log: Logger;
}

export interface WallWindows {
  /** Brings the console forward, reopening it when the operator closed it; false when there is none to show. */
  focusConsole(): boolean;
  /** Reopens walls that were closed and reloads the others. */
  reloadWalls(): void;
  stop(): void;
}

/** Hot-plug arrives as a burst (removing one monitor also changes the others' metrics): act once. */
const SETTLE_MS = 250;
/** A renderer that keeps crashing is reloaded at most this often, so a crash loop cannot spin the CPU. */
const RELOAD_GAP_MS = 5_000;

function toInfo(display: Display, primaryId: number): DisplayInfo {
  const { x, y, width, height } = display.bounds;
  // The raw label: an empty one tells the book the OS gave no name, so it knows the monitor by position.
  return { id: display.id, label: display.label, primary: display.id === primaryId, bounds: { x, y, width, height }, scaleFactor: display.scaleFactor };
}

/**
 * Fits a fullscreen window to its display's new metrics. Window managers do not all resize a
 * fullscreen window when the resolution or scale changes, so it leaves fullscreen, takes the new
 * bounds and goes back.
 */
function refit(win: BrowserWindow, display: Display, kiosk: boolean): void {
  if (kiosk) win.setKiosk(false);
  win.setFullScreen(false);
  win.setBounds(display.bounds);
  if (kiosk) win.setKiosk(true);
  else win.setFullScreen(true);
}

/** A framed console centred in the display's work area, at most 1600×1000. */
function consoleBounds(display: Display): Rectangle {
  const area = display.workArea;
  const width = Math.min(1600, Math.round(area.width * 0.9));
  const height = Math.min(1000, Math.round(area.height * 0.9));
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Keeps one fullscreen window per placed wall and a console window, following the displays as they
 * come and go. Which wall goes where is the display book's (src-main/walls/display-book.ts): a wall
 * whose display went has no window until it comes back, and no other wall moves. Only windows
 * whose display changed are touched; a wall that must change display is reopened there, because
 * moving a fullscreen window between displays is unreliable across window managers.
 */
export function startWallWindows(options: WallWindowsOptions): WallWindows {
  const { core, log } = options;
  const walls = new Map<string, { win: BrowserWindow; displayId: number }>();
  let consoleWindow: { win: BrowserWindow; displayId: number } | null = null;
  let book: DisplayBook = EMPTY_DISPLAY_BOOK;
  let consoleDisplayId: number | undefined;
  let pendingChanged = new Set<number>();
  let timer: NodeJS.Timeout | undefined;

  /** The console is not a wall: a crash reloads it after a pause, so a crash loop cannot spin the CPU. */
  const recoverConsole = (win: BrowserWindow): void => {
    let lastReload = 0;
    win.webContents.on('render-process-gone', (_event, details) => {
      log.error(`console renderer gone: ${details.reason} (exit ${details.exitCode})`);
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      const wait = Math.max(0, lastReload + RELOAD_GAP_MS - Date.now());
      setTimeout(() => {
        lastReload = Date.now();
        if (!win.isDestroyed()) win.webContents.reload();
      }, wait);
    });
  };

  const keepAwake = createKeepAwake(log, core.liveness.health);
  const recovery = createWallPageRecovery({
    core,
    log,
    windowOf: (wallId) => walls.get(wallId)?.win,
    recreate: (wallId) => {
      const entry = walls.get(wallId);
      const display = entry ? screen.getAllDisplays().find((d) => d.id === entry.displayId) : undefined;
      if (!entry || !display) return;
      log.info(`wall ${wallId}: recreating its window on display ${display.id}`);
      walls.delete(wallId);
      entry.win.destroy();
      openWall(wallId, display);
    },
  });
  core.liveness.setRecovery((window) => recovery.silent(window));

  const openWall = (wallId: string, display: Display): void => {
    const wall = core.config.walls.find((w) => w.id === wallId);
    const win = createAppWindow(
      { identity: { role: 'wall', wallId }, title: wall?.name ?? wallId, url: wallUrl(wallId), bounds: display.bounds, fullscreen: true, kiosk: options.kiosk },
      { preloadPath: options.preloadPath, log },
    );
    recovery.watch(win, wallId);
    walls.set(wallId, { win, displayId: display.id });
    keepAwake.wallsShown(walls.size);
    win.on('closed', () => {
      if (walls.get(wallId)?.win === win) walls.delete(wallId);
      keepAwake.wallsShown(walls.size);
    });
  };

  const placeConsole = (display: Display, changed: ReadonlySet<number>): void => {
    if (consoleWindow && !consoleWindow.win.isDestroyed()) {
      if (consoleWindow.displayId === display.id && !changed.has(display.id)) return;
      consoleWindow.win.setBounds(consoleBounds(display));
      consoleWindow.displayId = display.id;
      return;
    }
    const win = createAppWindow(
      { identity: { role: 'console', seat: options.consoleSeat }, title: 'IOC Wall', url: consoleUrl(), bounds: consoleBounds(display), fullscreen: false },
      { preloadPath: options.preloadPath, log },
    );
    recoverConsole(win);
    consoleWindow = { win, displayId: display.id };
    win.on('closed', () => {
      if (consoleWindow?.win === win) consoleWindow = null;
    });
  };

  /** Feeds the book the displays there now; it remembers the walls' displays across calls. */
  const settle = () => {
    const displays = screen.getAllDisplays();
    const byId = new Map(displays.map((d) => [d.id, d]));
    const primaryId = screen.getPrimaryDisplay().id;
    const next = settleDisplays(book, {
      walls: core.config.walls,
      displays: displays.map((d) => toInfo(d, primaryId)),
      consolePin: core.config.console.display,
      at: new Date().toISOString(),
    });
    book = next.book;
    const consoleDisplay = next.settled.console ? byId.get(next.settled.console.id) : undefined;
    return { displays, byId, settled: next.settled, consoleDisplay };
  };

  const apply = (events: ReadonlySet<number>): void => {
    const { displays, byId, settled, consoleDisplay } = settle();
    // Walls are refitted only when their display's bounds or scale really changed (the book says so):
    // a metrics event also fires for work-area changes, and each refit flashes the wall.
    const current = new Map([...walls].map(([id, w]) => [id, w.displayId]));
    const plan = planWallWindows(current, settled.placements.map((p) => ({ wallId: p.wallId, displayId: p.display.id })), new Set(settled.refit));

    const waiting = new Set(settled.waiting.map((w) => w.wallId));
    for (const wallId of plan.close) {
      log.info(`wall ${wallId}: closing, ${waiting.has(wallId) ? 'its display is gone; it waits for it' : 'no display for it'}`);
      const closing = walls.get(wallId)?.win;
      walls.delete(wallId);
      if (closing) closeAppWindow(closing);
    }
    for (const { wallId, from, to } of plan.move) {
      const entry = walls.get(wallId);
      const display = byId.get(to);
      if (!entry || !display) continue;
      if (from === to) {
        log.info(`wall ${wallId}: display ${to} is now ${display.bounds.width}×${display.bounds.height} at ×${display.scaleFactor}, refitting`);
        refit(entry.win, display, options.kiosk);
        continue;
      }
      log.info(`wall ${wallId}: moving from display ${from} to ${to}`);
      walls.delete(wallId);
      closeAppWindow(entry.win);
      openWall(wallId, display);
    }
    for (const { wallId, displayId } of plan.open) {
      const display = byId.get(displayId);
      if (display) openWall(wallId, display);
    }
    // The console follows its work area too, which metrics events report without a bounds change.
    if (consoleDisplay) placeConsole(consoleDisplay, new Set([...events, ...settled.refit]));
    consoleDisplayId = consoleDisplay?.id;

    for (const w of settled.waiting) log.info(`wall ${w.wallId}: waiting for display ${w.label}${w.missingSince ? ` (gone since ${w.missingSince})` : ''}`);
    if (settled.unplaced.length > 0) log.warn(`no display for wall(s) ${settled.unplaced.join(', ')} (${displays.length} display(s))`);
    core.setPlacements(toPlacements(settled));
  };

  const schedule = (changedId?: number): void => {
    if (changedId !== undefined) pendingChanged.add(changedId);
    clearTimeout(timer);
    timer = setTimeout(() => {
      // The book adds any display whose bounds or scale differ from the last pass, whatever event said so.
      const changed = pendingChanged;
      pendingChanged = new Set();
      apply(changed);
    }, SETTLE_MS);
  };

  const onAdded = (_event: unknown, display: Display): void => {
    log.info(`display added: ${display.id} ${display.bounds.width}×${display.bounds.height}`);
    schedule();
  };
  const onRemoved = (_event: unknown, display: Display): void => {
    log.info(`display removed: ${display.id}`);
    schedule();
  };
  const onMetrics = (_event: unknown, display: Display): void => schedule(display.id);
  screen.on('display-added', onAdded);
  screen.on('display-removed', onRemoved);
  screen.on('display-metrics-changed', onMetrics);

  apply(new Set());

  return {
    focusConsole: () => {
      // The display the last settled pass chose: settling here would hide a pending refit from it.
      const consoleDisplay = screen.getAllDisplays().find((d) => d.id === consoleDisplayId);
      if (consoleDisplay) placeConsole(consoleDisplay, new Set());
      const win = consoleWindow?.win;
      if (!win || win.isDestroyed()) return false;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      return true;
    },
    reloadWalls: () => {
      const before = new Set(walls.keys());
      apply(new Set());
      for (const [wallId, { win }] of walls) if (before.has(wallId) && !win.isDestroyed()) win.webContents.reload();
    },
    stop: () => {
      clearTimeout(timer);
      recovery.stop();
      keepAwake.stop();
      screen.removeListener('display-added', onAdded);
      screen.removeListener('display-removed', onRemoved);
      screen.removeListener('display-metrics-changed', onMetrics);
    },
  };
}

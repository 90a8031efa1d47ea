import type { BrowserWindow } from 'electron';
import type { Logger } from '../../src-shared/node/log';
import type { AppCore } from '../app-core';
import { createRecoveryRunner, type RecoveryRunner } from '../shell/recovery-runner';
import type { WallWindowIdentity } from '../shell/wall-liveness';
import { identityOf } from './window-factory';
import { HEARTBEAT_TIMEOUT_MS } from '../../src-shared/ipc';

/** Electron's `unresponsive` fires after a few seconds of a stuck page; give it this long more before killing it. */
const UNRESPONSIVE_GRACE_MS = 10_000;

export interface WallPageRecovery {
  /** Starts watching a new window of the wall (after opening or recreating it). */
  watch(win: BrowserWindow, wallId: string): void;
  /** The core's heartbeat watch found this window's page silent: recover it like a hung page. Always true: Electron owns its windows. */
  silent(window: WallWindowIdentity): boolean;
  stop(): void;
}

interface WallRecord {
  runner: RecoveryRunner;
  /** Set when recovery itself crashes the renderer, so that crash is not counted as another failure. */
  killing: boolean;
}

/**
 * Keeps the wall windows' pages alive: reports their presence to the core (with the identity object
 * their requests run as, so heartbeats match), and applies the recovery policy to crashes, hangs,
 * failed loads and silences — reload first, `recreate` the window after repeated failures. A wall's
 * record outlives its windows, so a recreated window continues the same series of delays.
 */
export function createWallPageRecovery(options: { core: AppCore; log: Logger; windowOf(wallId: string): BrowserWindow | undefined; recreate(wallId: string): void }): WallPageRecovery {
  const { core, log } = options;
  const walls = new Map<string, WallRecord>();
  const graceTimers = new Set<NodeJS.Timeout>();

  const recordOf = (wallId: string): WallRecord => {
    const found = walls.get(wallId);
    if (found) return found;
    const record: WallRecord = {
      killing: false,
      runner: createRecoveryRunner({
        wallId,
        log,
        health: core.liveness.health,
        target: {
          reload: () => {
            const win = options.windowOf(wallId);
            if (!win || win.isDestroyed()) return options.recreate(wallId);
            // A hung renderer does not reload; a fresh process does.
            if (!win.webContents.isCrashed()) {
              record.killing = true;
              win.webContents.forcefullyCrashRenderer();
            }
            win.webContents.reload();
          },
          recreate: () => options.recreate(wallId),
        },
      }),
    };
    walls.set(wallId, record);
    return record;
  };

  const watch = (win: BrowserWindow, wallId: string): void => {
    const contents = win.webContents;
    const identity = identityOf(contents) as WallWindowIdentity | undefined;
    const record = recordOf(wallId);
    let gone: (() => void) | undefined;
    let grace: NodeJS.Timeout | undefined;
    const leave = (): void => {
      gone?.();
      gone = undefined;
    };
    const endGrace = (): void => {
      if (grace) graceTimers.delete(grace);
      clearTimeout(grace);
      grace = undefined;
    };
    contents.on('did-finish-load', () => {
      leave();
      if (identity) gone = core.windowOpened(identity);
      record.runner.healthy();
    });
    contents.on('did-start-loading', leave);
    contents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
      // -3 is ERR_ABORTED: a reload or navigation replaced the load, not a failure.
      if (isMainFrame && code !== -3) record.runner.problem('load-failed', `${description} (${code})`);
    });
    contents.on('render-process-gone', (_event, details) => {
      leave();
      if (details.reason === 'clean-exit' || win.isDestroyed()) return;
      if (record.killing && details.reason === 'killed') {
        record.killing = false;
        return;
      }
      record.runner.problem('crashed', `${details.reason}, exit ${details.exitCode}`);
    });
    win.on('unresponsive', () => {
      log.warn(`wall ${wallId}: page unresponsive; restarting it if it stays so for ${UNRESPONSIVE_GRACE_MS / 1000} s`);
      endGrace();
      grace = setTimeout(() => record.runner.problem('unresponsive', `${UNRESPONSIVE_GRACE_MS / 1000} s`), UNRESPONSIVE_GRACE_MS);
      graceTimers.add(grace);
    });
    win.on('responsive', () => {
      if (grace) log.info(`wall ${wallId}: page responsive again`);
      endGrace();
    });
    win.on('closed', () => {
      leave();
      endGrace();
    });
  };

  return {
    watch,
    silent: (window) => {
      const win = options.windowOf(window.wallId);
      if (win && !win.isDestroyed() && identityOf(win.webContents) === window) recordOf(window.wallId).runner.problem('silent', `${HEARTBEAT_TIMEOUT_MS / 1000} s`);
      return true;
    },
    stop: () => {
      for (const timer of graceTimers) clearTimeout(timer);
      for (const record of walls.values()) record.runner.cancel();
    },
  };
}

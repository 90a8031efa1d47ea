import { both } from '../../src-shared/bilingual';
import { HEARTBEAT_TIMEOUT_MS, type RendererReport } from '../../src-shared/ipc';
import type { ShellHealth } from '../../src-shared/operator-state';
import type { Logger } from '../../src-shared/node/log';
import { describeWindow, type WindowIdentity } from '../window-identity';
import { createHeartbeatWatch, type HeartbeatWatch } from './heartbeat-watch';
import { createShellHealthBook, type ShellHealthBook } from './shell-health';

export type WallWindowIdentity = Extract<WindowIdentity, { role: 'wall' }>;

/** What the shell does with a silent page: true when it will recover it, false when it can only report it. */
export type RecoverSilentWall = (window: WallWindowIdentity) => boolean;

/** Reports a page may send per minute; past that they are dropped, so a page logging in a loop cannot fill the disk. */
export const REPORTS_PER_MINUTE = 20;
/** A page that just loaded gets this long for its first heartbeat. */
const FIRST_BEAT_MS = 45_000;

export interface WallLivenessOptions {
  wallIds(): readonly string[];
  log: Logger;
  onChange(): void;
  now?(): number;
  /** Defaults to setInterval; tests pass their own clock. */
  every?(check: () => void, ms: number): () => void;
  timeoutMs?: number;
}

export interface WallLiveness {
  /** A wall window loaded (Electron) or connected (browser mode); call the result when it is gone. */
  opened(window: WallWindowIdentity): () => void;
  beat(window: WallWindowIdentity): void;
  /** An error a page met, written to the log (and so to the console's list) under the page's name. */
  report(window: WindowIdentity, report: RendererReport): void;
  setRecovery(recover: RecoverSilentWall): void;
  readonly health: ShellHealthBook;
  snapshot(): ShellHealth;
  stop(): void;
}

/**
 * The host's watch over its wall pages: heartbeats, what to do when one goes silent (the shell
 * recovers it where it owns the window: Electron, or a kiosk browser this host started; otherwise
 * the console says so), and the errors pages report. Plain Node for both modes.
 */
export function createWallLiveness(options: WallLivenessOptions): WallLiveness {
  const { log } = options;
  const now = options.now ?? Date.now;
  let recover: RecoverSilentWall = () => false;
  const health = createShellHealthBook({ now, onChange: options.onChange });
  const every =
    options.every ??
    ((check: () => void, ms: number) => {
      const timer = setInterval(check, ms);
      timer.unref();
      return () => clearInterval(timer);
    });
  const watch: HeartbeatWatch = createHeartbeatWatch({
    timeoutMs: options.timeoutMs ?? HEARTBEAT_TIMEOUT_MS,
    firstBeatMs: Math.max(FIRST_BEAT_MS, options.timeoutMs ?? 0),
    now,
    every,
    onSilent: (window, silentForMs) => {
      const seconds = Math.round(silentForMs / 1000);
      const wall = window as WallWindowIdentity;
      const recovering = recover(wall);
      log.warn(`${describeWindow(wall)} has not answered for ${seconds} s: ${recovering ? 'recovering it' : 'this host cannot reload it; reported on the console'}`);
      health.problem(wall.wallId, both(`Trang không phản hồi ${seconds} giây`, `The page has not answered for ${seconds} s`));
    },
    onAnswering: (window) => {
      log.info(`${describeWindow(window as WallWindowIdentity)} answers again`);
      health.touch();
    },
  });
  const reports = new WeakMap<WindowIdentity, { minute: number; count: number }>();

  return {
    opened: (window) => {
      watch.opened(window);
      health.touch();
      return () => {
        watch.closed(window);
        health.touch();
      };
    },
    beat: (window) => watch.beat(window),
    report: (window, report) => {
      const minute = Math.floor(now() / 60_000);
      const counted = reports.get(window);
      const entry = counted && counted.minute === minute ? counted : { minute, count: 0 };
      entry.count += 1;
      reports.set(window, entry);
      if (entry.count > REPORTS_PER_MINUTE + 1) return;
      const scope = window.role === 'wall' ? `page:wall ${window.wallId}` : 'page:console';
      if (entry.count === REPORTS_PER_MINUTE + 1) {
        log.warn(`${describeWindow(window)} sent more than ${REPORTS_PER_MINUTE} error reports this minute; dropping the rest until the next`);
        return;
      }
      const line = `${report.source ? `${report.source}: ` : ''}${report.message.replace(/\s+/g, ' ')}`;
      const pageLog = log.child(scope);
      if (report.level === 'error') pageLog.error(line);
      else pageLog.warn(line);
    },
    setRecovery: (next) => {
      recover = next;
    },
    health,
    snapshot: () => health.snapshot(options.wallIds(), (wallId) => watch.stateOf(wallId)),
    stop: () => {
      watch.stop();
      health.stop();
    },
  };
}

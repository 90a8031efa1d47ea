import { both, type Bilingual } from '../../src-shared/bilingual';
import type { Logger } from '../../src-shared/node/log';
import { markHealthy, nextRecovery, RECOVERY_START, type RecoveryAction, type RecoveryRecord, type WallProblem } from './recovery-policy';
import type { ShellHealthBook } from './shell-health';

export interface RecoveryTarget {
  reload(): void;
  recreate(): void;
}

export interface RecoveryRunnerOptions {
  wallId: string;
  log: Logger;
  health: Pick<ShellHealthBook, 'problem' | 'recovering'>;
  target: RecoveryTarget;
  now?(): number;
  /** Defaults to setTimeout; returns a cancel function. */
  later?(run: () => void, ms: number): () => void;
}

export interface RecoveryRunner {
  /** Something went wrong with the wall's page; ignored while a recovery is already on its way. */
  problem(kind: WallProblem, detail: string): void;
  /** The page loaded (or the kiosk started) again. */
  healthy(): void;
  /** Whether a recovery is waiting out its delay. */
  readonly pending: boolean;
  cancel(): void;
}

const WHAT: Record<WallProblem, Bilingual> = {
  crashed: both('Trang bị lỗi và đã đóng', 'The page crashed and closed'),
  unresponsive: both('Trang bị treo', 'The page hangs'),
  silent: both('Trang không phản hồi', 'The page does not answer'),
  'load-failed': both('Không tải được trang', 'The page did not load'),
  exited: both('Trình duyệt của màn hình đã thoát', 'The wall’s browser exited'),
};

const ACTION_LOG: Record<RecoveryAction, string> = { reload: 'reloading it', recreate: 'recreating its window' };

/**
 * Applies the recovery policy to one wall with real timers: one recovery at a time, its delay
 * waited out, each step logged and shown on the console. Shared by the Electron windows and the
 * browser-mode kiosks, which differ only in what reload and recreate do.
 */
export function createRecoveryRunner(options: RecoveryRunnerOptions): RecoveryRunner {
  const now = options.now ?? Date.now;
  const later =
    options.later ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    });
  let record: RecoveryRecord = RECOVERY_START;
  let cancelPending: (() => void) | null = null;

  return {
    problem: (kind, detail) => {
      if (cancelPending) return;
      const next = nextRecovery(record, kind, now());
      record = next.record;
      const { step } = next;
      options.log.warn(`wall ${options.wallId}: ${kind} (${detail}); attempt ${step.attempt}, ${ACTION_LOG[step.action]} in ${step.delayMs} ms`);
      options.health.problem(options.wallId, both(`${WHAT[kind].vi} (${detail})`, `${WHAT[kind].en} (${detail})`));
      options.health.recovering(options.wallId, true);
      cancelPending = later(() => {
        cancelPending = null;
        try {
          options.target[step.action]();
        } catch (error) {
          options.log.error(`wall ${options.wallId}: ${step.action} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }, step.delayMs);
    },
    healthy: () => {
      record = markHealthy(record, now());
      options.health.recovering(options.wallId, false);
    },
    get pending() {
      return cancelPending !== null;
    },
    cancel: () => {
      cancelPending?.();
      cancelPending = null;
    },
  };
}

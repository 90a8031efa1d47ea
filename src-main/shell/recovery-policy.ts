/**
 * What to do when a wall's page fails, decided from its recent history only, so the same rules serve
 * the Electron windows and the browser-mode kiosks and are tested without either. The policy never
 * gives up: a wall PC in an empty control room has nobody to click "reload".
 */

/** What went wrong with a wall's page. */
export type WallProblem =
  /** The renderer process died (crash, OOM, killed). */
  | 'crashed'
  /** Electron's `unresponsive`: the page's main thread is stuck. */
  | 'unresponsive'
  /** The page stopped sending heartbeats while its window stayed open. */
  | 'silent'
  /** The page could not load (host not ready, protocol error). */
  | 'load-failed'
  /** The kiosk browser the host started exited. */
  | 'exited';

export type RecoveryAction =
  /** Load the page again in the same window (process). */
  | 'reload'
  /** Destroy the window (or kiosk process) and make a new one: a fresh renderer, GPU context and profile state. */
  | 'recreate';

export interface RecoveryStep {
  action: RecoveryAction;
  /** Wait this long first: growing delays stop a crash loop from spinning the CPU of a wall PC. */
  delayMs: number;
  /** Failures in a row, this one included. */
  attempt: number;
}

export interface RecoveryRecord {
  /** Failures since the wall last stayed healthy for HEALTHY_RESET_MS. */
  failures: number;
  /** When the wall last came back (loaded and answering); null while it has not since the last failure. */
  healthySince: number | null;
}

export const RECOVERY_START: RecoveryRecord = { failures: 0, healthySince: null };

/** The first delay, doubled at each failure in a row, up to the cap. */
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 60_000;
/** After this many failed reloads in a row, the next attempt recreates the window. */
export const RELOADS_BEFORE_RECREATE = 3;
/** A wall healthy this long counts as recovered: its next failure starts the delays from the beginning. */
export const HEALTHY_RESET_MS = 120_000;

/** The failures still counting at `now`: a long healthy spell forgives the past. */
function failuresAt(record: RecoveryRecord, now: number): number {
  return record.healthySince !== null && now - record.healthySince >= HEALTHY_RESET_MS ? 0 : record.failures;
}

/**
 * The step for a problem at `now`, and the record to keep. Reloads come first (cheap, keep the
 * window on its display); every RELOADS_BEFORE_RECREATE + 1-th attempt recreates the window, since
 * a renderer that keeps failing may have a broken GPU context or profile a reload keeps.
 */
export function nextRecovery(record: RecoveryRecord, _problem: WallProblem, now: number): { record: RecoveryRecord; step: RecoveryStep } {
  const attempt = failuresAt(record, now) + 1;
  const delayMs = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt - 1, 16));
  const action: RecoveryAction = attempt % (RELOADS_BEFORE_RECREATE + 1) === 0 ? 'recreate' : 'reload';
  return { record: { failures: attempt, healthySince: null }, step: { action, delayMs, attempt } };
}

/** The wall loaded and answers again: the clock towards forgiving its failures starts now (once). */
export function markHealthy(record: RecoveryRecord, now: number): RecoveryRecord {
  if (record.healthySince !== null) return record;
  return { failures: record.failures, healthySince: now };
}

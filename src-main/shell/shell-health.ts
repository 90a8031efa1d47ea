import { clip, type Bilingual } from '../../src-shared/bilingual';
import type { ShellError, ShellHealth, WallHealth } from '../../src-shared/operator-state';

/** Facts about this PC the shell learns once or rarely (power, GPU, where the log goes). */
export type ShellFacts = Pick<ShellHealth, 'displaySleep' | 'videoDecode' | 'logFile' | 'warnings'>;

export const BROWSER_FACTS: ShellFacts = { displaySleep: 'browser', videoDecode: { status: 'unknown', detail: '' }, logFile: null, warnings: [] };

const ERRORS_KEPT = 20;
/** A storm of errors redraws the console at most this often. */
const CHANGE_EVERY_MS = 1_000;

interface WallRecord {
  recovering: boolean;
  since: number | null;
  lastState: WallHealth['state'] | null;
  recoveries: number;
  lastProblem: { at: number; what: Bilingual } | null;
}

export interface ShellHealthBook {
  setFacts(facts: Partial<ShellFacts>): void;
  /** A problem with a wall's page, in words for the console in both languages ("Trang không phản hồi 25 giây"). */
  problem(wallId: string, what: Bilingual): void;
  /** The shell started (true) or finished (false) a reload or re-creation of the wall. */
  recovering(wallId: string, on: boolean): void;
  /** An error or warning line of the host or a page, for the console's list. */
  error(scope: string, message: string): void;
  /** Something the snapshot shows changed (a wall went silent or answers again). */
  touch(): void;
  /** The picture for the console; `liveState` is the heartbeat watch's view of each wall. */
  snapshot(wallIds: readonly string[], liveState: (wallId: string) => 'answering' | 'silent' | 'none'): ShellHealth;
  stop(): void;
}

/**
 * Collects what the console's "Vận hành" panel shows: per wall whether its page answers and what
 * the host did about it, the PC's facts, and the latest errors. Changes are announced at most once a
 * second, so a page that logs in a loop cannot flood the consoles.
 */
export function createShellHealthBook(options: { now(): number; onChange(): void; facts?: ShellFacts }): ShellHealthBook {
  let facts: ShellFacts = options.facts ?? BROWSER_FACTS;
  const walls = new Map<string, WallRecord>();
  const errors: ShellError[] = [];
  let timer: NodeJS.Timeout | undefined;
  let lastChange = 0;

  const changed = (): void => {
    if (timer) return;
    const wait = Math.max(0, lastChange + CHANGE_EVERY_MS - options.now());
    timer = setTimeout(() => {
      timer = undefined;
      lastChange = options.now();
      options.onChange();
    }, wait);
    timer.unref?.();
  };
  const record = (wallId: string): WallRecord => {
    let found = walls.get(wallId);
    if (!found) {
      found = { recovering: false, since: null, lastState: null, recoveries: 0, lastProblem: null };
      walls.set(wallId, found);
    }
    return found;
  };
  const iso = (at: number): string => new Date(at).toISOString();

  return {
    setFacts: (next) => {
      facts = { ...facts, ...next };
      changed();
    },
    problem: (wallId, what) => {
      record(wallId).lastProblem = { at: options.now(), what: clip(what, 300) };
      changed();
    },
    recovering: (wallId, on) => {
      const wall = record(wallId);
      if (on && !wall.recovering) wall.recoveries += 1;
      wall.recovering = on;
      changed();
    },
    error: (scope, message) => {
      errors.unshift({ at: iso(options.now()), scope: scope.slice(0, 120), message: message.slice(0, 500) });
      errors.length = Math.min(errors.length, ERRORS_KEPT);
      changed();
    },
    snapshot: (wallIds, liveState) => ({
      ...facts,
      walls: wallIds.map((wallId) => {
        const wall = record(wallId);
        const state = wall.recovering ? 'recovering' : liveState(wallId);
        // `since` follows the state as the console last saw it asked for, which is every change.
        if (state !== wall.lastState) {
          wall.lastState = state;
          wall.since = options.now();
        }
        return {
          wallId,
          state,
          since: wall.since === null ? null : iso(wall.since),
          recoveries: wall.recoveries,
          lastProblem: wall.lastProblem ? { at: iso(wall.lastProblem.at), what: wall.lastProblem.what } : null,
        };
      }),
      errors: [...errors],
    }),
    touch: changed,
    stop: () => clearTimeout(timer),
  };
}

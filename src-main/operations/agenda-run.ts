import type { Agenda } from '../../src-shared/operations-config';

/**
 * A running briefing agenda as a pure state machine: which step shows, how long it has left, and
 * whether an operator or a rule takeover stopped its clock. The host owns the timer, the walls and
 * the saved copy; every rule about steps and clocks lives here.
 *
 * The time left is stored as "remainingMs at `since`" rather than a deadline, so stopping the clock
 * (hold, takeover, host down) is just not counting, and a saved run resumes with the time it had.
 * Every function returns the same object when nothing changes, so the host can skip saving and
 * broadcasting.
 */

/** The state a takeover pause goes back to. */
export type ResumeState = 'running' | 'held';

/** running: the step's clock counts down; held: an operator holds the step; paused: a rule takeover paused the agenda (it resumes after). */
export interface AgendaRun {
  agendaId: string;
  /** 0-based index into the agenda's steps. */
  step: number;
  state: 'running' | 'held' | 'paused';
  /** When remainingMs was measured (ms since epoch). */
  since: number;
  /** Time left at `since`; null for a step without dwellSeconds ("until next"). */
  remainingMs: number | null;
  /**
   * Only while paused: what the takeover interrupted. A chair who held the agenda keeps it held
   * after the takeover; the takeover must not set it running. Absent on a paused run (an older
   * saved run): it resumes running.
   */
  resumeTo?: ResumeState;
}

function checkAgenda(run: AgendaRun, agenda: Agenda): void {
  if (run.agendaId !== agenda.id) throw new Error(`agenda run is for "${run.agendaId}", not "${agenda.id}"`);
}

/** The step's full dwell in ms; null for an "until next" step (or a step that does not exist). */
export function stepDwellMs(agenda: Agenda, step: number): number | null {
  const seconds = agenda.steps[step]?.dwellSeconds;
  return seconds === undefined ? null : seconds * 1000;
}

/** `run` with `changes`, or `run` itself when they change nothing. */
function update(run: AgendaRun, changes: Partial<AgendaRun>): AgendaRun {
  const keys = Object.keys(changes) as (keyof AgendaRun)[];
  return keys.every((key) => run[key] === changes[key]) ? run : { ...run, ...changes };
}

/** Whether the run's clock counts down; `since` only matters then. */
function counting(run: AgendaRun): boolean {
  return run.state === 'running' && run.remainingMs !== null;
}

/** `run` without its `resumeTo`, for a run that is no longer paused. */
function withoutResume(run: AgendaRun): AgendaRun {
  if (run.resumeTo === undefined) return run;
  const { resumeTo: _resumeTo, ...rest } = run;
  return rest;
}

export function startAgenda(agenda: Agenda, at: number): AgendaRun {
  return { agendaId: agenda.id, step: 0, state: 'running', since: at, remainingMs: stepDwellMs(agenda, 0) };
}

/**
 * Time left on the step at `at`: counts down only while running, never below 0. A clock that went
 * back before `since` counts as no time passed, so the time left never grows.
 */
export function remainingAt(run: AgendaRun, at: number): number | null {
  if (run.remainingMs === null) return null;
  if (run.state !== 'running') return run.remainingMs;
  return Math.max(0, run.remainingMs - Math.max(0, at - run.since));
}

/**
 * Shows `step` with a fresh full dwell, keeping held or paused: an operator who steps through a
 * held agenda is still holding it. Below 0 clamps to 0; past the last step gives null (the agenda
 * is over).
 */
export function goToStep(run: AgendaRun, agenda: Agenda, step: number, at: number): AgendaRun | null {
  checkAgenda(run, agenda);
  const index = Number.isNaN(step) ? 0 : Math.max(0, Math.floor(step));
  if (index >= agenda.steps.length) return null;
  return update(run, { step: index, since: at, remainingMs: stepDwellMs(agenda, index) });
}

/** The next step, or null past the last step (the agenda is over). */
export function nextStep(run: AgendaRun, agenda: Agenda, at: number): AgendaRun | null {
  return goToStep(run, agenda, run.step + 1, at);
}

/**
 * The step before, or step 0's dwell restarted at step 0. From a step the agenda no longer has (a
 * stale saved run of an agenda shortened since), it goes to the last step there is.
 */
export function previousStep(run: AgendaRun, agenda: Agenda, at: number): AgendaRun {
  const last = agenda.steps.length - 1;
  // goToStep gives null only past the end, which the clamp to `last` rules out.
  return goToStep(run, agenda, Math.min(run.step - 1, last), at) ?? run;
}

/**
 * Operator hold: running ↔ held, keeping the time left. During a takeover pause the agenda stays
 * paused and the hold toggles what it resumes to, so a chair can hold it before the takeover ends.
 */
export function toggleHold(run: AgendaRun, at: number): AgendaRun {
  switch (run.state) {
    case 'running':
      return { ...run, state: 'held', since: at, remainingMs: remainingAt(run, at) };
    case 'held':
      return { ...run, state: 'running', since: at };
    case 'paused':
      return { ...run, resumeTo: run.resumeTo === 'held' ? 'running' : 'held' };
  }
}

/**
 * A rule takeover stops the agenda's clock. The state it interrupts is kept in `resumeTo`. Pauses
 * do not nest: pausing a paused run changes nothing, so the host resumes once no takeover remains.
 */
export function pauseForTakeover(run: AgendaRun, at: number): AgendaRun {
  if (run.state === 'paused') return run;
  return { ...run, state: 'paused', resumeTo: run.state, since: at, remainingMs: remainingAt(run, at) };
}

/** Back to what the takeover interrupted, with the time left it had. */
export function resumeAfterTakeover(run: AgendaRun, at: number): AgendaRun {
  if (run.state !== 'paused') return run;
  return { ...withoutResume(run), state: run.resumeTo ?? 'running', since: at };
}

/**
 * Brings a run in line with the agenda as configured now (a saved run, or the config was edited):
 * null when its step no longer exists, since the run had already gone past every step the agenda
 * has now; a step that lost its dwell becomes "until next"; a step that gained one gets it in full
 * from `at`; time left longer than a shortened dwell is cut to the dwell.
 */
export function reconcileRun(run: AgendaRun, agenda: Agenda, at: number): AgendaRun | null {
  checkAgenda(run, agenda);
  if (run.step >= agenda.steps.length || run.step < 0 || !Number.isInteger(run.step)) return null;
  const dwell = stepDwellMs(agenda, run.step);
  if (dwell === null) return update(run, { remainingMs: null });
  if (run.remainingMs === null) return update(run, { remainingMs: dwell, since: at });
  return run.remainingMs > dwell ? update(run, { remainingMs: dwell }) : run;
}

/**
 * Moves on when a running step's time is up: the next step, or null at the end of the last one.
 * The next step's dwell starts at `at`, not at the old deadline: after a long gap the agenda moves
 * on by one step and gives it its full time rather than racing through steps nobody saw. A clock
 * that went back before `since` restarts the count from the time left instead of adding the jump.
 * Otherwise returns the same object (after `reconcileRun`, whose null it passes on).
 */
export function tick(run: AgendaRun, agenda: Agenda, at: number): AgendaRun | null {
  const r = reconcileRun(run, agenda, at);
  if (!r || r.state !== 'running' || r.remainingMs === null) return r;
  if (at < r.since) return update(r, { since: at });
  return remainingAt(r, at) === 0 ? nextStep(r, agenda, at) : r;
}

/**
 * For a restart: the clock stops while the host is down, so a restart resumes the same step with the time it had left when it was last saved.
 * The host saves `freeze(run, now)` and, on start, carries on with `thaw(saved, now)`. A run whose
 * clock is stopped anyway (held, paused, until-next) is returned as is: its `since` is never read.
 */
export function freeze(run: AgendaRun, at: number): AgendaRun {
  if (!counting(run)) return run;
  return update(run, { since: at, remainingMs: remainingAt(run, at) });
}

/** The counterpart of `freeze` on start: the saved time left counts from `at`. */
export function thaw(run: AgendaRun, at: number): AgendaRun {
  return counting(run) ? update(run, { since: at }) : run;
}

/** When tick() would next change something, from `at` (0: now); null if never (held, paused, until-next). */
export function msUntilTick(run: AgendaRun, at: number): number | null {
  return counting(run) ? remainingAt(run, at) : null;
}

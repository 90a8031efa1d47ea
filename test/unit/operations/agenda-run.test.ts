import { describe, expect, it } from 'vitest';
import { agendaSchema, type Agenda, type AgendaStep } from '../../../src-shared/operations-config';
import {
  freeze,
  goToStep,
  msUntilTick,
  nextStep,
  pauseForTakeover,
  previousStep,
  reconcileRun,
  remainingAt,
  resumeAfterTakeover,
  startAgenda,
  thaw,
  tick,
  toggleHold,
  type AgendaRun,
} from '../../../src-main/operations/agenda-run';

const T0 = 1_772_409_600_000;
const MINUTE = 60_000;

/** Three steps: 60 s, "until next", 30 s. */
const agenda: Agenda = agendaSchema.parse({
  id: 'giao-ban',
  name: 'Giao ban sáng',
  steps: [
    { title: 'Tổng quan', presetId: 'tong-quan', dwellSeconds: 60 },
    { title: 'Giao thông', note: 'Chủ trì hỏi Sở GTVT' },
    { title: 'Môi trường', presetId: 'moi-truong', dwellSeconds: 30 },
  ],
});

function step(i: number): AgendaStep {
  const found = agenda.steps[i];
  if (!found) throw new Error(`no step ${i}`);
  return found;
}

/** The run of `agenda` on `step` with a fresh dwell from `at`. */
function onStep(step: number, at = T0): AgendaRun {
  const run = goToStep(startAgenda(agenda, at), agenda, step, at);
  if (!run) throw new Error(`no step ${step}`);
  return run;
}

describe('agenda run: the step clock', () => {
  it('starts on step 0, running, with its full dwell', () => {
    const run = startAgenda(agenda, T0);
    expect(run).toEqual({ agendaId: 'giao-ban', step: 0, state: 'running', since: T0, remainingMs: 60_000 });
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
  });

  it('counts down while running, never below 0', () => {
    const run = startAgenda(agenda, T0);
    expect(remainingAt(run, T0 + 15_000)).toBe(45_000);
    expect(msUntilTick(run, T0 + 15_000)).toBe(45_000);
    expect(remainingAt(run, T0 + 10 * MINUTE)).toBe(0);
    // A clock that went back does not add time.
    expect(remainingAt(run, T0 - MINUTE)).toBe(60_000);
  });

  it('advances exactly when the time left reaches 0, with a full dwell from then', () => {
    const run = startAgenda(agenda, T0);
    expect(tick(run, agenda, T0 + 59_999)).toBe(run);
    const moved = tick(run, agenda, T0 + 60_000);
    expect(moved).toEqual({ agendaId: 'giao-ban', step: 1, state: 'running', since: T0 + 60_000, remainingMs: null });
  });

  it('moves on by one step only after a long gap, giving it its full dwell', () => {
    const timed: Agenda = { ...agenda, steps: [step(0), step(2), step(0)] };
    const late = T0 + 60 * MINUTE;
    expect(tick(startAgenda(timed, T0), timed, late)).toEqual({ agendaId: 'giao-ban', step: 1, state: 'running', since: late, remainingMs: 30_000 });
  });

  it('never advances an "until next" step by itself', () => {
    const run = onStep(1);
    expect(run.remainingMs).toBeNull();
    expect(remainingAt(run, T0 + 24 * 60 * MINUTE)).toBeNull();
    expect(tick(run, agenda, T0 + 24 * 60 * MINUTE)).toBe(run);
    expect(msUntilTick(run, T0)).toBeNull();
  });

  it('ends (null) when the last step runs out', () => {
    const last = onStep(2);
    expect(msUntilTick(last, T0 + 10_000)).toBe(20_000);
    expect(tick(last, agenda, T0 + 29_999)).toBe(last);
    expect(tick(last, agenda, T0 + 30_000)).toBeNull();
  });

  it('restarts the count from the time left when the clock went back', () => {
    const run = startAgenda(agenda, T0);
    const back = tick(run, agenda, T0 - MINUTE);
    expect(back).toEqual({ ...run, since: T0 - MINUTE });
    expect(remainingAt(back as AgendaRun, T0 - MINUTE + 60_000)).toBe(0);
  });
});

describe('agenda run: operator', () => {
  it('steps forward and back with a fresh dwell', () => {
    const run = startAgenda(agenda, T0);
    const second = nextStep(run, agenda, T0 + 10_000);
    expect(second).toMatchObject({ step: 1, since: T0 + 10_000, remainingMs: null });
    const third = nextStep(second as AgendaRun, agenda, T0 + 20_000);
    expect(third).toMatchObject({ step: 2, since: T0 + 20_000, remainingMs: 30_000 });
    expect(previousStep(third as AgendaRun, agenda, T0 + 25_000)).toMatchObject({ step: 1, remainingMs: null });
  });

  it('previous at step 0 restarts step 0\'s dwell', () => {
    const run = startAgenda(agenda, T0);
    const again = previousStep(run, agenda, T0 + 40_000);
    expect(again).toEqual({ ...run, since: T0 + 40_000, remainingMs: 60_000 });
    expect(remainingAt(again, T0 + 40_000)).toBe(60_000);
    // At the same instant there is nothing to restart.
    expect(previousStep(run, agenda, T0)).toBe(run);
  });

  it('next past the last step gives null: the agenda is over', () => {
    expect(nextStep(onStep(2), agenda, T0 + 1_000)).toBeNull();
    expect(goToStep(startAgenda(agenda, T0), agenda, 3, T0)).toBeNull();
  });

  it('goes to a step by index, clamping below 0 to 0', () => {
    const run = onStep(2);
    expect(goToStep(run, agenda, -4, T0 + 1_000)).toMatchObject({ step: 0, since: T0 + 1_000, remainingMs: 60_000 });
    expect(goToStep(run, agenda, 1, T0 + 1_000)).toMatchObject({ step: 1, remainingMs: null });
  });

  it('refuses a run of another agenda', () => {
    const other = { ...agenda, id: 'khac' };
    expect(() => tick(startAgenda(agenda, T0), other, T0)).toThrow(/giao-ban/);
  });

  it('holds the time left and resumes it', () => {
    const run = startAgenda(agenda, T0);
    const held = toggleHold(run, T0 + 20_000);
    expect(held).toEqual({ ...run, state: 'held', since: T0 + 20_000, remainingMs: 40_000 });
    const later = T0 + 30 * MINUTE;
    expect(remainingAt(held, later)).toBe(40_000);
    expect(tick(held, agenda, later)).toBe(held);
    expect(msUntilTick(held, later)).toBeNull();

    const resumed = toggleHold(held, later);
    expect(resumed).toEqual({ ...run, state: 'running', since: later, remainingMs: 40_000 });
    expect(tick(resumed, agenda, later + 39_999)).toBe(resumed);
    expect(tick(resumed, agenda, later + 40_000)?.step).toBe(1);
  });

  it('keeps a held agenda held when stepping', () => {
    const held = toggleHold(startAgenda(agenda, T0), T0 + 5_000);
    const stepped = nextStep(held, agenda, T0 + 6_000);
    expect(stepped).toMatchObject({ step: 1, state: 'held' });
    const third = nextStep(stepped as AgendaRun, agenda, T0 + 7_000) as AgendaRun;
    expect(third).toMatchObject({ step: 2, state: 'held', remainingMs: 30_000 });
    expect(tick(third, agenda, T0 + 10 * MINUTE)).toBe(third);
    expect(previousStep(third, agenda, T0 + 8_000).state).toBe('held');
  });
});

describe('agenda run: rule takeovers', () => {
  it('pauses a running agenda and resumes it running with the time it had', () => {
    const run = startAgenda(agenda, T0);
    const paused = pauseForTakeover(run, T0 + 20_000);
    expect(paused).toEqual({ ...run, state: 'paused', resumeTo: 'running', since: T0 + 20_000, remainingMs: 40_000 });
    expect(tick(paused, agenda, T0 + 20 * MINUTE)).toBe(paused);
    expect(msUntilTick(paused, T0 + 20 * MINUTE)).toBeNull();

    const resumed = resumeAfterTakeover(paused, T0 + 10 * MINUTE);
    expect(resumed).toEqual({ ...run, state: 'running', since: T0 + 10 * MINUTE, remainingMs: 40_000 });
    expect('resumeTo' in resumed).toBe(false);
  });

  it('keeps a held agenda held after the takeover', () => {
    const held = toggleHold(startAgenda(agenda, T0), T0 + 20_000);
    const paused = pauseForTakeover(held, T0 + 30_000);
    expect(paused).toMatchObject({ state: 'paused', resumeTo: 'held', remainingMs: 40_000 });
    const after = resumeAfterTakeover(paused, T0 + 5 * MINUTE);
    expect(after).toMatchObject({ state: 'held', remainingMs: 40_000 });
    expect(tick(after, agenda, T0 + 60 * MINUTE)).toBe(after);
  });

  it('lets the chair hold or release during the takeover: it stays paused and resumes to that', () => {
    const paused = pauseForTakeover(startAgenda(agenda, T0), T0 + 10_000);
    const holdAfter = toggleHold(paused, T0 + 11_000);
    expect(holdAfter).toMatchObject({ state: 'paused', resumeTo: 'held', remainingMs: 50_000 });
    expect(resumeAfterTakeover(holdAfter, T0 + 12_000).state).toBe('held');
    expect(resumeAfterTakeover(toggleHold(holdAfter, T0 + 12_000), T0 + 13_000).state).toBe('running');
  });

  it('does not nest pauses, and resuming a run that is not paused changes nothing', () => {
    const run = startAgenda(agenda, T0);
    const paused = pauseForTakeover(run, T0 + 1_000);
    expect(pauseForTakeover(paused, T0 + 2_000)).toBe(paused);
    expect(resumeAfterTakeover(run, T0 + 2_000)).toBe(run);
  });

  it('steps through a paused agenda without resuming it', () => {
    const paused = pauseForTakeover(startAgenda(agenda, T0), T0 + 1_000);
    expect(nextStep(paused, agenda, T0 + 2_000)).toMatchObject({ step: 1, state: 'paused', resumeTo: 'running' });
  });

  it('resumes a saved paused run without resumeTo as running', () => {
    const saved: AgendaRun = { agendaId: 'giao-ban', step: 0, state: 'paused', since: T0, remainingMs: 20_000 };
    expect(resumeAfterTakeover(saved, T0 + 1_000)).toEqual({ ...saved, state: 'running', since: T0 + 1_000 });
  });
});

describe('agenda run: restarts and stale saved runs', () => {
  it('resumes the same step with the same time left after a restart 10 minutes later', () => {
    const run = startAgenda(agenda, T0);
    const saved = JSON.parse(JSON.stringify(freeze(run, T0 + 25_000))) as AgendaRun;
    expect(saved).toEqual({ ...run, since: T0 + 25_000, remainingMs: 35_000 });

    const restart = T0 + 25_000 + 10 * MINUTE;
    const back = thaw(saved, restart);
    expect(back).toMatchObject({ step: 0, state: 'running', since: restart, remainingMs: 35_000 });
    expect(tick(back, agenda, restart)).toBe(back);
    expect(msUntilTick(back, restart)).toBe(35_000);
    expect(tick(back, agenda, restart + 35_000)?.step).toBe(1);
  });

  it('saves a held or paused run as it is', () => {
    const held = toggleHold(startAgenda(agenda, T0), T0 + 5_000);
    expect(freeze(held, T0 + MINUTE)).toBe(held);
    expect(thaw(held, T0 + 20 * MINUTE)).toBe(held);
    const paused = pauseForTakeover(startAgenda(agenda, T0), T0 + 5_000);
    expect(freeze(paused, T0 + MINUTE)).toBe(paused);
    expect(resumeAfterTakeover(thaw(paused, T0 + 20 * MINUTE), T0 + 20 * MINUTE)).toMatchObject({ state: 'running', remainingMs: 55_000 });
  });

  it('ends a saved run whose step the shortened agenda no longer has', () => {
    const shortened: Agenda = { ...agenda, steps: agenda.steps.slice(0, 2) };
    const stale = onStep(2);
    expect(reconcileRun(stale, shortened, T0 + 1_000)).toBeNull();
    expect(tick(stale, shortened, T0 + 1_000)).toBeNull();
    expect(tick(toggleHold(stale, T0), shortened, T0 + 1_000)).toBeNull();
    expect(nextStep(stale, shortened, T0 + 1_000)).toBeNull();
    // Stepping back lands on the last step there is.
    expect(previousStep(stale, shortened, T0 + 1_000)).toMatchObject({ step: 1, remainingMs: null, since: T0 + 1_000 });
  });

  it('follows a step whose dwell was edited', () => {
    const run = freeze(startAgenda(agenda, T0), T0 + 10_000);
    const withSteps = (dwellSeconds: number | undefined): Agenda => ({ ...agenda, steps: [{ ...step(0), dwellSeconds }, step(1), step(2)] });
    expect(tick(run, withSteps(undefined), T0 + 11_000)).toMatchObject({ remainingMs: null });
    expect(tick(run, withSteps(20), T0 + 11_000)).toMatchObject({ remainingMs: 20_000, since: T0 + 10_000 });
    expect(tick(run, withSteps(600), T0 + 11_000)).toBe(run);
    const untilNext = onStep(1);
    expect(tick(untilNext, { ...agenda, steps: [step(0), { ...step(1), dwellSeconds: 45 }, step(2)] }, T0 + 5_000)).toMatchObject({
      step: 1,
      remainingMs: 45_000,
      since: T0 + 5_000,
    });
  });

  it('returns the same object whenever nothing changes', () => {
    const run = startAgenda(agenda, T0);
    expect(tick(run, agenda, T0 + 1_000)).toBe(run);
    expect(reconcileRun(run, agenda, T0 + 1_000)).toBe(run);
    expect(goToStep(run, agenda, 0, T0)).toBe(run);
    expect(freeze(run, T0)).toBe(run);
    expect(thaw(run, T0)).toBe(run);
    expect(resumeAfterTakeover(run, T0)).toBe(run);
    const untilNext = onStep(1);
    expect(freeze(untilNext, T0 + MINUTE)).toBe(untilNext);
  });
});

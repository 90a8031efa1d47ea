import type { Command } from '../../src-shared/commands';
import { scheduleKind, type Schedule } from '../../src-shared/operations-config';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { msUntilTick } from './agenda-run';
import { composeWall, tourHoldMaxMs } from './composition';
import type { Dispatcher } from './dispatch';
import type { HostState } from './host-state';
import type { HostServices } from './host-services';
import { layoutSchedules, missedPoint, nextPoint, pointsBetween, type SchedulePoint } from './schedule-points';
import { nextDeadline } from './takeover-book';
import { tickTakeovers, type SettleNote } from './takeovers';
import { nextTourDeadline } from './tours';

/**
 * The host's one clock for everything that changes by itself: schedule points, agenda steps whose
 * time is up, takeovers that revert or wait their turn, camera tours. It sleeps until the earliest
 * of their deadlines (at most a minute, so a wall-clock jump is noticed), then lets each act:
 * schedules and agendas through commands with their own identity, rules and tours as changes the
 * host makes itself.
 */

export interface WakeTimerOptions {
  services: HostServices;
  now(): number;
  dispatcher: Dispatcher;
  state(): HostState;
  /** Settles and, when anything changed, saves and announces `next`. */
  commitInternal(next: HostState, notes?: readonly SettleNote[]): void;
  log: Logger;
}

export interface WakeTimer {
  /** Sleeps until the earliest deadline of this state. */
  reschedule(state: HostState, at: number): void;
  /** At start: carries out the schedule point missed while the host was off, if it still applies. */
  catchUp(): Promise<void>;
  stop(): void;
}

/** The command a schedule's point dispatches, with the schedule as its caller. */
function commandOf(schedule: Schedule): Command {
  switch (scheduleKind(schedule)) {
    case 'preset':
      return { name: 'preset.apply', payload: { presetId: schedule.presetId! } };
    case 'agenda':
      return { name: 'agenda.start', payload: { agendaId: schedule.agendaId! } };
    case 'reload':
      return { name: 'walls.reload', payload: {} };
  }
}

/**
 * A reload point the clock woke up late for (a suspended PC, a clock set forward) is skipped: it
 * belongs to its quiet hour, and reloading later could cut into a briefing.
 */
const RELOAD_LATE_MS = 5 * 60_000;

/** Longest sleep: the wall clock may jump (NTP, a suspended PC), and schedules follow the wall clock. */
const MAX_SLEEP_MS = 60_000;
/** After this many wakes in a row that found a deadline due but changed nothing, back off. */
const IDLE_WAKES_BEFORE_BACKOFF = 5;

export function createWakeTimer(options: WakeTimerOptions): WakeTimer {
  const { services, dispatcher, log } = options;
  const { config } = services;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let busy = false;
  let idleWakes = 0;

  const runPoint = async (point: SchedulePoint): Promise<void> => {
    const schedule = config.schedules.find((s) => s.id === point.scheduleId);
    if (!schedule) return;
    await dispatcher.dispatch({ kind: 'schedule', scheduleId: schedule.id }, [commandOf(schedule)]);
  };

  const staleReload = (point: SchedulePoint, at: number): boolean => {
    const schedule = config.schedules.find((s) => s.id === point.scheduleId);
    if (!schedule || scheduleKind(schedule) !== 'reload' || at - point.at <= RELOAD_LATE_MS) return false;
    log.warn(`schedule ${schedule.id}: its reload at ${new Date(point.at).toISOString()} is ${Math.round((at - point.at) / 60_000)} min late; skipped until its next point`);
    return true;
  };

  const markChecked = (at: number): void => {
    const state = options.state();
    options.commitInternal({ ...state, schedule: { ...state.schedule, lastCheckedAt: at } });
  };

  const deadline = (state: HostState, at: number): number | null => {
    const candidates: Array<number | null> = [];
    for (const wall of config.walls) {
      const view = composeWall(state, services, wall.id, at);
      candidates.push(nextTourDeadline(state.tours[wall.id], view.layout, tourHoldMaxMs(services), at));
    }
    const waitAgenda = state.agenda ? msUntilTick(state.agenda, at) : null;
    candidates.push(waitAgenda === null ? null : at + waitAgenda);
    candidates.push(nextDeadline(state.takeovers.book, config.rules, at));
    candidates.push(nextPoint(config.schedules, state.schedule.lastCheckedAt ?? at)?.at ?? null);
    const due = candidates.filter((c): c is number => c !== null);
    return due.length === 0 ? null : Math.min(...due);
  };

  const wake = async (): Promise<void> => {
    timer = undefined;
    if (stopped || busy) return;
    busy = true;
    const before = options.state();
    try {
      const at = options.now();
      if (config.schedules.length > 0) {
        const due = pointsBetween(config.schedules, options.state().schedule.lastCheckedAt ?? at, at);
        for (const point of due) if (!staleReload(point, at)) await runPoint(point);
        if (due.length > 0) markChecked(at);
      }
      const takeovers = tickTakeovers(options.state(), services, at);
      options.commitInternal(takeovers.state, takeovers.notes);
      const run = options.state().agenda;
      if (run && msUntilTick(run, at) === 0) await dispatcher.dispatch({ kind: 'agenda', agendaId: run.agendaId, step: run.step }, [{ name: 'agenda.next', payload: {} }]);
      // Tours move with the clock: settling the state moves them.
      options.commitInternal(options.state());
    } catch (error) {
      log.error(`the host's clock failed to act: ${errorMessage(error)}`);
    } finally {
      busy = false;
    }
    idleWakes = options.state() === before ? idleWakes + 1 : 0;
    reschedule(options.state(), options.now());
  };

  const reschedule = (state: HostState, at: number): void => {
    if (stopped) return;
    clearTimeout(timer);
    const next = deadline(state, at);
    let sleep = next === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next - at));
    if (sleep === 0 && idleWakes >= IDLE_WAKES_BEFORE_BACKOFF) {
      if (idleWakes === IDLE_WAKES_BEFORE_BACKOFF) log.warn('a deadline is due but nothing changes when it is acted on; checking once a second');
      sleep = 1_000;
    }
    timer = setTimeout(() => void wake(), sleep);
  };

  return {
    reschedule,
    catchUp: async () => {
      if (config.schedules.length === 0) return;
      const at = options.now();
      const state = options.state();
      // A missed reload is not carried out: the walls' pages are fresh after the host's start.
      const missed = missedPoint(layoutSchedules(config.schedules), state.schedule.lastCheckedAt, at, state.schedule.manualAt);
      if (missed) {
        log.info(`schedule ${missed.scheduleId}: its point at ${new Date(missed.at).toISOString()} passed while the host was off; carrying it out now`);
        await runPoint(missed);
      }
      markChecked(at);
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

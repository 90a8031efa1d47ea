import { scheduleKind, WEEKDAYS, type Schedule } from '../../src-shared/operations-config';

/**
 * The points in time at which schedules fire, and which missed point a host should still carry
 * out after it was off. Pure: the caller passes the clock in.
 *
 * Schedules are written in Vietnam time, which is UTC+7 all year (Vietnam has no daylight saving),
 * so every computation uses that fixed offset and never the machine's time zone: a wall PC set to
 * UTC, or a developer's laptop elsewhere, gets the same points.
 */

export interface SchedulePoint {
  scheduleId: string;
  /** ms since epoch. */
  at: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEK_MS = 7 * DAY_MS;
const VIETNAM_OFFSET_MS = 7 * 60 * MINUTE_MS;

/**
 * The longest span `pointsBetween` lists: its newest week, (toMs - 7 days, toMs]. Each schedule
 * repeats every week, so that week already holds the latest point of every schedule; older points
 * could only be a replay of what the walls showed long ago. It keeps a span of years (a clock that
 * jumped, a corrupt saved time) from building a list of tens of thousands of points.
 */
export const MAX_SPAN_MS = WEEK_MS;

/** An agenda point missed by more than this is not started by default: that briefing is over. */
export const AGENDA_CATCH_UP_MS = 30 * MINUTE_MS;

/** Minutes after Vietnam midnight; the schema guarantees the format, so anything else means config skipped parsing. */
function minuteOfDay(schedule: Schedule): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(schedule.at);
  if (!match) throw new Error(`schedule "${schedule.id}" has an invalid time "${schedule.at}" (HH:MM expected)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Days since 1970-01-01 in Vietnam time, for an instant. */
function vietnamDay(ms: number): number {
  return Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** Index into WEEKDAYS (mon = 0) of a Vietnam day number; day 0, 1970-01-01, was a Thursday. */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The schedules whose points change what the walls show (presets, agendas): the ones an operator's
 * manual change holds against until the next, that a host carries out late, and that the console
 * names as "next". A reload changes nothing the walls show, and a host that starts has fresh pages.
 */
export function layoutSchedules(schedules: readonly Schedule[]): Schedule[] {
  return schedules.filter((schedule) => scheduleKind(schedule) !== 'reload');
}

/** A point with the schedule it belongs to, so two schedules sharing an id (unparsed config) stay apart. */
interface OwnedPoint {
  schedule: Schedule;
  at: number;
}

function ownedPointsBetween(schedules: readonly Schedule[], fromMs: number, toMs: number): OwnedPoint[] {
  if (!Number.isFinite(toMs) || Number.isNaN(fromMs)) return [];
  const from = Math.max(fromMs, toMs - MAX_SPAN_MS);
  if (from >= toMs) return [];
  const parsed = schedules.map((schedule) => ({ schedule, minute: minuteOfDay(schedule), days: new Set(schedule.days) }));
  const points: OwnedPoint[] = [];
  // Every Vietnam day the span touches; the (from, to] test keeps only the points inside it.
  for (let day = vietnamDay(from); day <= vietnamDay(toMs); day += 1) {
    const weekday = WEEKDAYS[weekdayIndex(day)];
    if (weekday === undefined) continue;
    const midnight = day * DAY_MS - VIETNAM_OFFSET_MS;
    for (const { schedule, minute, days } of parsed) {
      const at = midnight + minute * MINUTE_MS;
      if (days.has(weekday) && at > from && at <= toMs) points.push({ schedule, at });
    }
  }
  // Days are visited in order and each day's points pushed in config order; sort is stable, so
  // equal times keep the config order.
  return points.sort((a, b) => a.at - b.at);
}

/** Every point of the schedules in (fromMs, toMs], oldest first; ties keep the config order. Only the newest `MAX_SPAN_MS` of the span is listed. */
export function pointsBetween(schedules: readonly Schedule[], fromMs: number, toMs: number): SchedulePoint[] {
  return ownedPointsBetween(schedules, fromMs, toMs).map(({ schedule, at }) => ({ scheduleId: schedule.id, at }));
}

/** The first point strictly after `afterMs`, or null when there are no schedules. */
export function nextPoint(schedules: readonly Schedule[], afterMs: number): SchedulePoint | null {
  // Every schedule fires at least once in any week, so the week after `afterMs` holds the answer.
  return pointsBetween(schedules, afterMs, afterMs + WEEK_MS)[0] ?? null;
}

/** How old a missed point of this schedule may be and still be carried out; Infinity for no limit. */
export function catchUpWindowMs(schedule: Schedule): number {
  if (schedule.catchUpMinutes !== undefined) return schedule.catchUpMinutes * MINUTE_MS;
  return schedule.presetId !== undefined ? Number.POSITIVE_INFINITY : AGENDA_CATCH_UP_MS;
}

/**
 * What a host that just started (or whose clock jumped) should still carry out. Looks at the points
 * in (lastCheckedAt, now] — or the last 7 days when lastCheckedAt is null (first start) — newest first:
 * a point at or before `manualAt` (an operator changed the walls after it) ends the search with null
 * (the manual change wins until the next point); a point within its schedule's catch-up window is
 * returned; a point too old for its window is skipped and the search goes on to older points.
 * Catch-up window: `catchUpMinutes` when set; else unlimited for a preset schedule and 30 minutes for an agenda schedule.
 *
 * Looking back more than 7 days never changes the answer: a point older than that has a newer point
 * of the same schedule, exactly a week later, that is looked at first and is at least as eligible.
 * Points at the same instant are looked at in reverse config order, the reverse of the order a
 * running host would have carried them out, so the one whose effect would be showing wins.
 */
export function missedPoint(schedules: readonly Schedule[], lastCheckedAt: number | null, now: number, manualAt: number | null): SchedulePoint | null {
  const points = ownedPointsBetween(schedules, lastCheckedAt ?? now - WEEK_MS, now);
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const point = points[i];
    if (!point) continue;
    if (manualAt !== null && point.at <= manualAt) return null;
    if (now - point.at <= catchUpWindowMs(point.schedule)) return { scheduleId: point.schedule.id, at: point.at };
  }
  return null;
}

import { describe, expect, it } from 'vitest';
import { scheduleKind, scheduleSchema, type Schedule } from '../../../src-shared/operations-config';
import { MAX_SPAN_MS, catchUpWindowMs, layoutSchedules, missedPoint, nextPoint, pointsBetween } from '../../../src-main/operations/schedule-points';

// Every time below is written with its offset, so the tests read the same on a machine in any zone.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An instant on Monday 2 March 2026, Vietnam time ("07:30" → 2026-03-02T07:30+07:00). */
function mon(hhmm: string): number {
  return Date.parse(`2026-03-02T${hhmm}:00+07:00`);
}

function preset(id: string, at: string, over: Partial<Schedule> = {}): Schedule {
  return scheduleSchema.parse({ id, at, presetId: 'ca-sang', ...over });
}

function agenda(id: string, at: string, over: Partial<Schedule> = {}): Schedule {
  return scheduleSchema.parse({ id, at, agendaId: 'giao-ban', ...over });
}

describe('schedule points: Vietnam time', () => {
  it('uses a Monday for its fixtures', () => {
    expect(new Date(mon('12:00')).getUTCDay()).toBe(1);
  });

  it('puts Monday 07:30 Vietnam time at 00:30 UTC Monday', () => {
    const s = [preset('sang', '07:30', { days: ['mon'] })];
    const points = pointsBetween(s, Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-03-03T00:00:00Z'));
    expect(points).toEqual([{ scheduleId: 'sang', at: Date.parse('2026-03-02T00:30:00Z') }]);
  });

  it('fires a 22:00 schedule on "mon" at Monday 15:00 UTC', () => {
    const s = [preset('toi', '22:00', { days: ['mon'] })];
    const points = pointsBetween(s, Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-03-04T00:00:00Z'));
    expect(points).toEqual([{ scheduleId: 'toi', at: Date.parse('2026-03-02T15:00:00Z') }]);
    expect(new Date(points[0]?.at ?? 0).getUTCDay()).toBe(1);
  });

  it('filters days by the Vietnam date, across the UTC date boundary', () => {
    const week: [number, number] = [Date.parse('2026-02-28T00:00:00Z'), Date.parse('2026-03-04T00:00:00Z')];
    // 07:00 VN Monday is Monday 00:00 UTC: still Monday on both sides.
    const seven = pointsBetween([preset('bay-gio', '07:00', { days: ['mon'] })], ...week);
    expect(seven).toEqual([{ scheduleId: 'bay-gio', at: Date.parse('2026-03-02T00:00:00Z') }]);
    // 06:00 VN Monday is Sunday 23:00 UTC: a "mon" schedule fires on a UTC Sunday, and a "sun" one does not.
    const six = pointsBetween([preset('sau-gio', '06:00', { days: ['mon'] })], ...week);
    expect(six).toEqual([{ scheduleId: 'sau-gio', at: Date.parse('2026-03-01T23:00:00Z') }]);
    expect(new Date(six[0]?.at ?? 0).getUTCDay()).toBe(0);
    const sunday = pointsBetween([preset('cn', '06:00', { days: ['sun'] })], ...week);
    expect(sunday).toEqual([{ scheduleId: 'cn', at: Date.parse('2026-02-28T23:00:00Z') }]);
  });

  it('excludes the start of the span and includes its end', () => {
    const s = [preset('sang', '07:30')];
    expect(pointsBetween(s, mon('07:30'), mon('08:00'))).toEqual([]);
    expect(pointsBetween(s, mon('07:00'), mon('07:30'))).toEqual([{ scheduleId: 'sang', at: mon('07:30') }]);
    expect(pointsBetween(s, mon('08:00'), mon('07:00'))).toEqual([]);
  });

  it('lists oldest first, keeping the config order for equal times', () => {
    const s = [preset('b', '08:00', { days: ['mon'] }), agenda('a', '07:30', { days: ['mon'] }), preset('c', '08:00', { days: ['mon'] })];
    expect(pointsBetween(s, mon('00:00'), mon('23:59'))).toEqual([
      { scheduleId: 'a', at: mon('07:30') },
      { scheduleId: 'b', at: mon('08:00') },
      { scheduleId: 'c', at: mon('08:00') },
    ]);
  });

  it('lists each weekday once even if the config repeats it', () => {
    const s = [preset('sang', '07:30', { days: ['mon', 'mon', 'tue'] })];
    expect(pointsBetween(s, mon('00:00'), mon('00:00') + 2 * DAY)).toEqual([
      { scheduleId: 'sang', at: mon('07:30') },
      { scheduleId: 'sang', at: mon('07:30') + DAY },
    ]);
  });

  it('lists only the newest week of a huge span, and nothing for nonsense bounds', () => {
    const s = [preset('sang', '07:30'), agenda('chieu', '13:30')];
    const now = mon('09:00');
    const points = pointsBetween(s, 0, now);
    expect(points).toHaveLength(14);
    expect(points[0]?.at).toBeGreaterThan(now - MAX_SPAN_MS);
    expect(points.at(-1)).toEqual({ scheduleId: 'sang', at: mon('07:30') });
    expect(pointsBetween(s, Number.NEGATIVE_INFINITY, now)).toEqual(points);
    expect(pointsBetween(s, Number.NaN, now)).toEqual([]);
    expect(pointsBetween(s, 0, Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it('refuses a time the schema would have refused', () => {
    const bad = { ...preset('sang', '07:30'), at: '7:30' };
    expect(() => pointsBetween([bad], mon('00:00'), mon('12:00'))).toThrow(/invalid time/);
  });
});

describe('schedule points: the next point', () => {
  it('finds the next point strictly after the time given', () => {
    const s = [preset('sang', '07:30'), preset('chieu', '13:30')];
    expect(nextPoint(s, mon('07:00'))).toEqual({ scheduleId: 'sang', at: mon('07:30') });
    expect(nextPoint(s, mon('07:30'))).toEqual({ scheduleId: 'chieu', at: mon('13:30') });
    expect(nextPoint(s, mon('13:30'))).toEqual({ scheduleId: 'sang', at: mon('07:30') + DAY });
  });

  it('crosses the end of the week', () => {
    const s = [preset('thu-hai', '07:30', { days: ['mon'] })];
    const sundayEvening = Date.parse('2026-03-08T20:00:00+07:00');
    expect(nextPoint(s, sundayEvening)).toEqual({ scheduleId: 'thu-hai', at: Date.parse('2026-03-09T07:30:00+07:00') });
    // From the point itself, the next one is a full week later.
    expect(nextPoint(s, mon('07:30'))).toEqual({ scheduleId: 'thu-hai', at: mon('07:30') + 7 * DAY });
  });

  it('has no next point without schedules', () => {
    expect(nextPoint([], mon('07:00'))).toBeNull();
  });
});

describe('schedule points: what a starting host still carries out', () => {
  it('has default catch-up windows: unlimited for a preset, 30 minutes for an agenda, else as configured', () => {
    expect(catchUpWindowMs(preset('p', '07:00'))).toBe(Number.POSITIVE_INFINITY);
    expect(catchUpWindowMs(agenda('a', '07:00'))).toBe(30 * MINUTE);
    expect(catchUpWindowMs(preset('p', '07:00', { catchUpMinutes: 5 }))).toBe(5 * MINUTE);
    expect(catchUpWindowMs(agenda('a', '07:00', { catchUpMinutes: 0 }))).toBe(0);
  });

  it('returns the 07:30 agenda point to a host that was off over it and started at 07:45', () => {
    const s = [agenda('giao-ban', '07:30')];
    expect(missedPoint(s, mon('07:00'), mon('07:45'), null)).toEqual({ scheduleId: 'giao-ban', at: mon('07:30') });
    // Exactly at the edge of the window still counts; a minute past it does not.
    expect(missedPoint(s, mon('07:00'), mon('08:00'), null)).toEqual({ scheduleId: 'giao-ban', at: mon('07:30') });
    expect(missedPoint(s, mon('07:00'), mon('08:01'), null)).toBeNull();
  });

  it('at 11:00 skips the 07:30 agenda (over) and returns the 07:00 preset', () => {
    const s = [preset('ca-sang', '07:00'), agenda('giao-ban', '07:30')];
    expect(missedPoint(s, mon('06:00'), mon('11:00'), null)).toEqual({ scheduleId: 'ca-sang', at: mon('07:00') });
  });

  it('lets a manual change after a point win: null, without looking at older points', () => {
    const s = [preset('ca-sang', '07:00'), agenda('giao-ban', '07:30')];
    expect(missedPoint(s, mon('06:00'), mon('07:45'), mon('07:40'))).toBeNull();
    // Exactly at the point counts as after it.
    expect(missedPoint(s, mon('06:00'), mon('07:45'), mon('07:30'))).toBeNull();
    // A manual change before the newest point is overridden by it.
    expect(missedPoint(s, mon('06:00'), mon('07:45'), mon('07:20'))).toEqual({ scheduleId: 'giao-ban', at: mon('07:30') });
    // The search stops at the manual change even when the points after it were too old.
    expect(missedPoint(s, mon('06:00'), mon('11:00'), mon('07:10'))).toBeNull();
  });

  it('looks back a week on first start', () => {
    const s = [preset('ca-sang', '07:00', { days: ['fri'] })];
    expect(missedPoint(s, null, mon('12:00'), null)).toEqual({ scheduleId: 'ca-sang', at: Date.parse('2026-02-27T07:00:00+07:00') });
    expect(missedPoint([agenda('giao-ban', '07:30')], null, mon('07:40'), null)).toEqual({ scheduleId: 'giao-ban', at: mon('07:30') });
    expect(missedPoint([agenda('giao-ban', '07:30')], null, mon('12:00'), null)).toBeNull();
  });

  it('after several days off returns the latest eligible point', () => {
    const friday = Date.parse('2026-02-27T18:00:00+07:00');
    const s = [preset('cuoi-tuan', '08:00', { days: ['sat'] }), agenda('giao-ban', '07:30'), preset('ca-sang', '07:00', { days: ['mon', 'tue'] })];
    expect(missedPoint(s, friday, mon('07:50'), null)).toEqual({ scheduleId: 'giao-ban', at: mon('07:30') });
    expect(missedPoint(s, friday, mon('09:00'), null)).toEqual({ scheduleId: 'ca-sang', at: mon('07:00') });
    expect(missedPoint(s, friday, mon('06:00'), null)).toEqual({ scheduleId: 'cuoi-tuan', at: Date.parse('2026-02-28T08:00:00+07:00') });
  });

  it('gives the same answer for a month off as for a week off', () => {
    const s = [preset('cuoi-tuan', '08:00', { days: ['sat'] }), agenda('giao-ban', '07:30', { catchUpMinutes: 7 * 24 * 60 })];
    const now = mon('09:00');
    expect(missedPoint(s, now - 30 * DAY, now, null)).toEqual(missedPoint(s, now - 7 * DAY, now, null));
    expect(missedPoint(s, now - 30 * DAY, now, null)).toEqual({ scheduleId: 'giao-ban', at: mon('07:30') });
  });

  it('honours catchUpMinutes on both kinds', () => {
    expect(missedPoint([preset('ca-sang', '07:00', { catchUpMinutes: 60 })], mon('06:00'), mon('09:00'), null)).toBeNull();
    expect(missedPoint([agenda('giao-ban', '07:30', { catchUpMinutes: 240 })], mon('06:00'), mon('11:00'), null)).toEqual({ scheduleId: 'giao-ban', at: mon('07:30') });
  });

  it('gives points at the same instant to the one a running host would have carried out last', () => {
    const s = [preset('a', '07:00'), preset('b', '07:00'), agenda('c', '07:00')];
    // c (an agenda) is too old at 09:00, so b, applied after a, is what the walls would show.
    expect(missedPoint(s, mon('06:00'), mon('09:00'), null)).toEqual({ scheduleId: 'b', at: mon('07:00') });
    expect(missedPoint(s, mon('06:00'), mon('07:10'), null)).toEqual({ scheduleId: 'c', at: mon('07:00') });
  });

  it('returns null with no schedules, no points in the span, or a clock that went back', () => {
    expect(missedPoint([], null, mon('09:00'), null)).toBeNull();
    expect(missedPoint([preset('ca-sang', '07:00')], mon('07:10'), mon('09:00'), null)).toBeNull();
    expect(missedPoint([preset('ca-sang', '07:00')], mon('09:00'), mon('08:00'), null)).toBeNull();
  });
});

describe('schedule kinds', () => {
  it('takes exactly one of a preset, an agenda or a reload of the walls', () => {
    expect(scheduleSchema.parse({ id: 'tai-lai', at: '03:30', reloadWalls: true })).toMatchObject({ reloadWalls: true, days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
    const refused = (input: object): string[] => scheduleSchema.safeParse({ id: 'x', at: '03:30', ...input }).error?.issues.map((i) => i.message) ?? [];
    const message = 'a schedule needs exactly one of presetId, agendaId, reloadWalls';
    expect(refused({})).toEqual([message]);
    expect(refused({ reloadWalls: true, presetId: 'dem' })).toEqual([message]);
    expect(refused({ agendaId: 'giao-ban', presetId: 'dem' })).toEqual([message]);
    expect(refused({ reloadWalls: false })).not.toEqual([]);
    expect([preset('a', '07:00'), agenda('b', '07:30'), scheduleSchema.parse({ id: 'c', at: '03:30', reloadWalls: true })].map(scheduleKind)).toEqual(['preset', 'agenda', 'reload']);
  });

  it('leaves reloads out of the schedules that change what the walls show', () => {
    const reload = scheduleSchema.parse({ id: 'tai-lai', at: '03:30', reloadWalls: true });
    expect(layoutSchedules([preset('a', '07:00'), reload, agenda('b', '07:30')]).map((s) => s.id)).toEqual(['a', 'b']);
  });
});

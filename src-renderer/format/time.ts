import { DISPLAY_TIME_ZONE } from '../constants';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const id = `${locale}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, ...options });
    cache.set(id, f);
  }
  return f;
}

/** 24-hour "14:05:09" in Vietnam time, for the clock and alert rows. */
export function formatClockTime(time: Date | number, locale: string): string {
  return formatter(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }, 'hms').format(time);
}

/** "Thứ Hai, 23/11/2025": the date under the wall clock. */
export function formatLongDate(time: Date | number, locale: string): string {
  return formatter(locale, { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }, 'date').format(time);
}

/** "14:05" for an ISO time; empty when the time does not parse, so a bad row never shows "Invalid Date". */
export function formatShortTime(isoTime: string, locale: string): string {
  const at = Date.parse(isoTime);
  return Number.isNaN(at) ? '' : formatter(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'hm').format(at);
}

/** "Thứ Hai, 07/12": the day of a scheduled point, in Vietnam time. */
export function formatWeekdayDate(isoTime: string, locale: string): string {
  const at = Date.parse(isoTime);
  return Number.isNaN(at) ? '' : formatter(locale, { weekday: 'long', day: '2-digit', month: '2-digit' }, 'wdm').format(at);
}

/** Whether two times fall on the same day in Vietnam time (a schedule point "today" needs no date). */
export function sameVietnamDay(a: Date | number, b: Date | number): boolean {
  const f = formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, 'ymd');
  return f.format(a) === f.format(b);
}

/**
 * For log lines about something that may repeat thousands of times a second (a flooding wall, a
 * department over its rate): the first time for a subject is told at once, later ones at most once
 * per interval, with how many happened since the last line. The log says who, and stays readable.
 */
export function oncePerInterval(intervalMs: number, now: () => number = Date.now): (subject: string, tell: (times: number) => void) => void {
  const seen = new Map<string, { times: number; toldAt: number }>();
  return (subject, tell) => {
    const entry = seen.get(subject) ?? { times: 0, toldAt: -Infinity };
    entry.times += 1;
    if (now() - entry.toldAt >= intervalMs) {
      tell(entry.times);
      entry.times = 0;
      entry.toldAt = now();
    }
    seen.set(subject, entry);
    // Subjects quiet for a whole interval are forgotten, so the map stays as small as the trouble.
    if (seen.size > 1000) for (const [key, value] of seen) if (now() - value.toldAt >= intervalMs && value.times === 0) seen.delete(key);
  };
}

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Alert } from '../../../src-shared/domain';
import { ruleSchema, type Rule } from '../../../src-shared/operations-config';
import {
  EMPTY_BOOK,
  HANDLED_MAX,
  QUEUE_MAX_PER_WALL,
  dismiss,
  endByOperator,
  nextDeadline,
  onAlert,
  pin,
  tick,
  type TakeoverBook,
  type TakeoverEvent,
} from '../../../src-main/operations/takeover-book';
import { ruleMatches } from '../../../src-main/operations/rule-match';

const T0 = Date.parse('2026-03-02T08:00:00+07:00');
const SECOND = 1_000;
const MINUTE = 60_000;
const WALL = 'tuong-chinh';

/** A rule on the main wall with the schema's defaults: revert after 10 minutes, at most one start a minute. */
function rule(id: string, over: Partial<z.input<typeof ruleSchema>> = {}): Rule {
  return ruleSchema.parse({ id, name: id, match: {}, wallId: WALL, action: { kind: 'layout', layoutId: 'su-co' }, ...over });
}

/** An open warning from T0, in Vũng Tàu, with a camera. */
function alert(id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    time: new Date(T0).toISOString(),
    severity: 'warning',
    subsystem: 'camera',
    category: 'un-tac-giao-thong',
    text: 'Ùn tắc giao thông',
    location: { district: 'Vũng Tàu' },
    cameraId: 'cam-01',
    status: 'open',
    ...over,
  };
}

function at(ms: number): string {
  return new Date(ms).toISOString();
}

/** Feeds alerts in order, each at its own time, collecting the events. */
function feed(book: TakeoverBook, rules: readonly Rule[], items: readonly [Alert, number][]): { book: TakeoverBook; events: TakeoverEvent[] } {
  const events: TakeoverEvent[] = [];
  for (const [a, when] of items) {
    const r = onAlert(book, rules, a, when);
    book = r.book;
    events.push(...r.events);
  }
  return { book, events };
}

/** Event summaries that read like a log: "start r:a", "end r:a expired", "dropped r:a stale". */
function summary(events: readonly TakeoverEvent[]): string[] {
  return events.map((e) => (e.type === 'start' ? `start ${e.takeover.id}` : e.type === 'end' ? `end ${e.takeover.id} ${e.reason}` : `dropped ${e.candidate.id} ${e.reason}`));
}

describe('takeover rules: matching', () => {
  it('matches anything with an empty match and a layout action', () => {
    expect(ruleMatches(rule('r'), alert('a', { cameraId: undefined }))).toBe(true);
  });

  it('matches on categories, subsystems and the least severity', () => {
    expect(ruleMatches(rule('r', { match: { categories: ['ngap-nuoc', 'un-tac-giao-thong'] } }), alert('a'))).toBe(true);
    expect(ruleMatches(rule('r', { match: { categories: ['ngap-nuoc'] } }), alert('a'))).toBe(false);
    expect(ruleMatches(rule('r', { match: { subsystems: ['camera'] } }), alert('a'))).toBe(true);
    expect(ruleMatches(rule('r', { match: { subsystems: ['environment'] } }), alert('a'))).toBe(false);
    const warning = rule('r', { match: { minSeverity: 'warning' } });
    expect(ruleMatches(warning, alert('a', { severity: 'info' }))).toBe(false);
    expect(ruleMatches(warning, alert('a', { severity: 'warning' }))).toBe(true);
    expect(ruleMatches(warning, alert('a', { severity: 'critical' }))).toBe(true);
    expect(ruleMatches(rule('r', { match: { minSeverity: 'critical' } }), alert('a'))).toBe(false);
  });

  it('matches districts however their Vietnamese letters and case were typed', () => {
    const r = rule('r', { match: { districts: ['Bà Rịa', 'vũng tàu'] } });
    expect(ruleMatches(r, alert('a'))).toBe(true);
    expect(ruleMatches(r, alert('a', { location: { district: 'Vũng Tàu'.normalize('NFD') } }))).toBe(true);
    expect(ruleMatches(r, alert('a', { location: { district: 'Long Điền' } }))).toBe(false);
  });

  it('needs a camera or a map point when the rule says so', () => {
    const camera = rule('r', { match: { needs: ['camera'] } });
    expect(ruleMatches(camera, alert('a'))).toBe(true);
    expect(ruleMatches(camera, alert('a', { cameraId: undefined }))).toBe(false);
    const point = rule('r', { match: { needs: ['point'] } });
    expect(ruleMatches(point, alert('a'))).toBe(false);
    expect(ruleMatches(point, alert('a', { location: { district: 'Vũng Tàu', point: { lat: 10.35, lng: 107.08 } } }))).toBe(true);
  });

  it('needs a camera for a camera action', () => {
    const r = rule('r', { action: { kind: 'camera' } });
    expect(ruleMatches(r, alert('a'))).toBe(true);
    expect(ruleMatches(r, alert('a', { cameraId: undefined }))).toBe(false);
  });
});

describe('takeover book: triggering', () => {
  const rules = [rule('un-tac')];

  it('starts a matching open alert at once on a free wall', () => {
    const { book, events } = onAlert(EMPTY_BOOK, rules, alert('a1'), T0 + 5 * SECOND);
    const takeover = {
      id: 'un-tac:a1',
      ruleId: 'un-tac',
      wallId: WALL,
      alertId: 'a1',
      severity: 'warning',
      alertTime: T0,
      queuedAt: T0 + 5 * SECOND,
      cameraId: 'cam-01',
      startedAt: T0 + 5 * SECOND,
      revertAt: T0 + 5 * SECOND + 10 * MINUTE,
      pinned: false,
    };
    expect(events).toEqual([{ type: 'start', takeover }]);
    expect(book).toEqual({ active: { [WALL]: takeover }, queue: [], lastStartAt: { [WALL]: T0 + 5 * SECOND }, handled: ['un-tac:a1'] });
    expect(EMPTY_BOOK).toEqual({ active: {}, queue: [], lastStartAt: {}, handled: [] });
  });

  it('ignores alerts that do not match or are not open', () => {
    const picky = [rule('ngap', { match: { categories: ['ngap-nuoc'] } })];
    expect(onAlert(EMPTY_BOOK, picky, alert('a1'), T0)).toEqual({ book: EMPTY_BOOK, events: [] });
    expect(onAlert(EMPTY_BOOK, picky, alert('a1'), T0).book).toBe(EMPTY_BOOK);
    expect(onAlert(EMPTY_BOOK, rules, alert('a1', { status: 'acknowledged' }), T0).book).toBe(EMPTY_BOOK);
    expect(onAlert(EMPTY_BOOK, [], alert('a1'), T0).book).toBe(EMPTY_BOOK);
  });

  it('never re-triggers a rule for a re-sent or updated alert, even after its takeover ended', () => {
    const first = onAlert(EMPTY_BOOK, rules, alert('a1'), T0).book;
    expect(onAlert(first, rules, alert('a1'), T0 + SECOND).book).toBe(first);
    expect(onAlert(first, rules, alert('a1', { severity: 'critical', text: 'Ùn tắc kéo dài' }), T0 + SECOND).book).toBe(first);
    const ended = dismiss(first, WALL, T0 + 2 * SECOND).book;
    const later = T0 + 5 * MINUTE;
    expect(tick(ended, rules, later).events).toEqual([]);
    expect(onAlert(ended, rules, alert('a1'), later)).toEqual({ book: ended, events: [] });
    // Re-opened after an acknowledgement: still the same alert.
    const acked = onAlert(ended, rules, alert('a1', { status: 'acknowledged' }), later).book;
    expect(onAlert(acked, rules, alert('a1'), later + SECOND).events).toEqual([]);
  });

  it('does not trigger on an alert older than the takeover would last', () => {
    const now = T0 + 10 * MINUTE + 1;
    expect(onAlert(EMPTY_BOOK, rules, alert('a1'), now).book).toBe(EMPTY_BOOK);
    // Exactly as old as the takeover lasts still triggers.
    expect(summary(onAlert(EMPTY_BOOK, rules, alert('a1'), T0 + 10 * MINUTE).events)).toEqual(['start un-tac:a1']);
    // The limit is the rule's own.
    const long = [rule('un-tac', { revertAfterMinutes: 60 })];
    expect(summary(onAlert(EMPTY_BOOK, long, alert('a1'), now).events)).toEqual(['start un-tac:a1']);
  });

  it('gives one alert one candidate per matching rule, each on its rule\'s wall', () => {
    const several = [rule('chinh'), rule('phu', { wallId: 'tuong-phu' }), rule('chinh-2')];
    const { book, events } = onAlert(EMPTY_BOOK, several, alert('a1'), T0);
    expect(summary(events)).toEqual(['start chinh:a1', 'start phu:a1']);
    expect(book.queue.map((c) => c.id)).toEqual(['chinh-2:a1']);
    expect(book.handled).toEqual(['chinh:a1', 'phu:a1', 'chinh-2:a1']);
  });

  it('keeps wall ids that look like object members apart from them', () => {
    const odd = [rule('r', { wallId: 'constructor' })];
    const { book, events } = onAlert(EMPTY_BOOK, odd, alert('a1'), T0);
    expect(summary(events)).toEqual(['start r:a1']);
    expect(nextDeadline(book, odd, T0)).toBe(T0 + 10 * MINUTE);
    expect(dismiss(EMPTY_BOOK, 'toString', T0).book).toBe(EMPTY_BOOK);
  });

  it('remembers at most HANDLED_MAX candidate ids, newest last', () => {
    const items: [Alert, number][] = Array.from({ length: HANDLED_MAX + 30 }, (_, i) => [alert(`a${i}`), T0 + i]);
    const { book } = feed(EMPTY_BOOK, rules, items);
    expect(book.handled).toHaveLength(HANDLED_MAX);
    expect(book.handled.at(-1)).toBe(`un-tac:a${HANDLED_MAX + 29}`);
  });
});

describe('takeover book: alert storms and the queue', () => {
  const rules = [rule('un-tac')];
  /** 50 matching alerts for one wall within 10 s: alert i raised and received at T0 + i·200 ms. */
  const storm: [Alert, number][] = Array.from({ length: 50 }, (_, i) => [alert(`a${i}`, { time: at(T0 + i * 200) }), T0 + i * 200]);

  it('shows one, queues 20 and drops the rest as overflow', () => {
    const { book, events } = feed(EMPTY_BOOK, rules, storm);
    expect(Object.keys(book.active)).toEqual([WALL]);
    expect(book.active[WALL]?.alertId).toBe('a0');
    expect(book.queue).toHaveLength(QUEUE_MAX_PER_WALL);
    // Same severity: the older alerts keep their place.
    expect(book.queue.map((c) => c.alertId)).toEqual(Array.from({ length: 20 }, (_, i) => `a${i + 1}`));
    expect(events.filter((e) => e.type === 'start')).toHaveLength(1);
    const overflow = events.filter((e) => e.type === 'dropped' && e.reason === 'overflow');
    expect(overflow).toHaveLength(29);
    expect(book.handled).toHaveLength(50);
  });

  it('spaces starts at least minIntervalSeconds apart however fast the wall is freed', () => {
    let book = feed(EMPTY_BOOK, rules, storm).book;
    const starts: number[] = [T0];
    const dropped: string[] = [];
    let now = T0 + 10 * SECOND;
    for (let guard = 0; guard < 100 && (book.queue.length > 0 || Object.keys(book.active).length > 0); guard += 1) {
      book = dismiss(book, WALL, now).book;
      // Freed at once, but the wall waits for its interval.
      if (book.queue.length > 0 && now < (starts.at(-1) ?? 0) + MINUTE) expect(tick(book, rules, now).book).toBe(book);
      const deadline = nextDeadline(book, rules, now);
      if (deadline === null) break;
      now = deadline;
      const r = tick(book, rules, now);
      book = r.book;
      for (const e of r.events) {
        if (e.type === 'start') starts.push(e.takeover.startedAt);
        if (e.type === 'dropped') dropped.push(e.reason);
      }
    }
    const gaps = starts.slice(1).map((s, i) => s - (starts[i] ?? 0));
    expect(gaps.every((g) => g >= MINUTE)).toBe(true);
    expect(gaps[0]).toBe(MINUTE);
    // Ten minutes of one-a-minute starts; the candidates still waiting then are older than a takeover lasts.
    expect(starts.length).toBeGreaterThanOrEqual(10);
    expect(starts.length - 1 + dropped.length).toBe(QUEUE_MAX_PER_WALL);
    expect(dropped.every((d) => d === 'stale')).toBe(true);
    expect(nextDeadline(book, rules, now)).toBeNull();
  });

  it('starts the next one in the same tick when the active one expires', () => {
    const book = feed(EMPTY_BOOK, rules, storm.slice(0, 3)).book;
    expect(tick(book, rules, T0 + 10 * MINUTE - 1).book).toBe(book);
    const r = tick(book, rules, T0 + 10 * MINUTE);
    expect(summary(r.events)).toEqual(['end un-tac:a0 expired', 'start un-tac:a1']);
    expect(r.book.active[WALL]?.revertAt).toBe(T0 + 20 * MINUTE);
    expect(r.book.lastStartAt[WALL]).toBe(T0 + 10 * MINUTE);
  });

  it('starts the next one later when its interval has not passed at the revert', () => {
    const quick = [rule('un-tac', { revertAfterMinutes: 1, minIntervalSeconds: 90 })];
    const book = feed(EMPTY_BOOK, quick, [
      [alert('a1'), T0],
      [alert('a2', { time: at(T0 + 45 * SECOND) }), T0 + 45 * SECOND],
    ]).book;
    const ended = tick(book, quick, T0 + MINUTE);
    expect(summary(ended.events)).toEqual(['end un-tac:a1 expired']);
    expect(nextDeadline(ended.book, quick, T0 + MINUTE)).toBe(T0 + 90 * SECOND);
    expect(tick(ended.book, quick, T0 + 90 * SECOND - 1).book).toBe(ended.book);
    expect(summary(tick(ended.book, quick, T0 + 90 * SECOND).events)).toEqual(['start un-tac:a2']);
  });

  it('queues by severity, then the older alert, then who was queued first', () => {
    const { book } = feed(EMPTY_BOOK, rules, [
      [alert('dang-chieu'), T0],
      [alert('canh-bao-cu', { time: at(T0 + 1 * SECOND) }), T0 + 5 * SECOND],
      [alert('thong-tin', { severity: 'info', time: at(T0) }), T0 + 6 * SECOND],
      [alert('nghiem-trong', { severity: 'critical', time: at(T0 + 4 * SECOND) }), T0 + 7 * SECOND],
      [alert('canh-bao-moi', { time: at(T0 + 3 * SECOND) }), T0 + 8 * SECOND],
      [alert('canh-bao-cu-2', { time: at(T0 + 1 * SECOND) }), T0 + 9 * SECOND],
    ]);
    expect(book.queue.map((c) => c.alertId)).toEqual(['nghiem-trong', 'canh-bao-cu', 'canh-bao-cu-2', 'canh-bao-moi', 'thong-tin']);
    const freed = dismiss(book, WALL, T0 + 2 * MINUTE).book;
    expect(summary(tick(freed, rules, T0 + 2 * MINUTE).events)).toEqual(['start un-tac:nghiem-trong']);
  });

  it('drops the least urgent candidate on overflow, even one already queued', () => {
    const calm: [Alert, number][] = Array.from({ length: 21 }, (_, i) => [alert(`a${i}`, { severity: 'info' }), T0 + i]);
    const full = feed(EMPTY_BOOK, rules, calm).book;
    expect(full.queue).toHaveLength(20);
    const r = onAlert(full, rules, alert('khan', { severity: 'critical' }), T0 + SECOND);
    expect(summary(r.events)).toEqual(['dropped un-tac:a20 overflow']);
    expect(r.book.queue[0]?.alertId).toBe('khan');
    expect(r.book.queue).toHaveLength(20);
  });

  it('keeps two walls independent', () => {
    const two = [rule('chinh'), rule('phu', { wallId: 'tuong-phu', match: { minSeverity: 'critical' } })];
    const { book, events } = feed(EMPTY_BOOK, two, [
      [alert('a1'), T0],
      [alert('a2'), T0 + SECOND],
      [alert('a3', { severity: 'critical' }), T0 + 2 * SECOND],
    ]);
    // a3 matches both: it waits on the busy main wall and starts at once on the free side wall.
    expect(summary(events)).toEqual(['start chinh:a1', 'start phu:a3']);
    expect(book.lastStartAt).toEqual({ [WALL]: T0, 'tuong-phu': T0 + 2 * SECOND });
    const sideFreed = dismiss(book, 'tuong-phu', T0 + 3 * SECOND).book;
    expect(sideFreed.active[WALL]?.alertId).toBe('a1');
    expect(sideFreed.queue.map((c) => c.id)).toEqual(['chinh:a3', 'chinh:a2']);
    expect(nextDeadline(sideFreed, two, T0 + 3 * SECOND)).toBe(T0 + 10 * MINUTE);
  });
});

describe('takeover book: ending', () => {
  const rules = [rule('un-tac')];
  const started = onAlert(EMPTY_BOOK, rules, alert('a1'), T0).book;

  it('reverts on expiry', () => {
    expect(tick(started, rules, T0 + 10 * MINUTE - 1).book).toBe(started);
    const r = tick(started, rules, T0 + 10 * MINUTE);
    expect(summary(r.events)).toEqual(['end un-tac:a1 expired']);
    expect(r.book.active).toEqual({});
    expect(r.book.lastStartAt).toEqual({ [WALL]: T0 });
  });

  it('reverts when the alert is acknowledged or resolved, dropping its queued candidates', () => {
    const two = [rule('un-tac'), rule('un-tac-2')];
    const book = onAlert(EMPTY_BOOK, two, alert('a1'), T0).book;
    expect(book.queue.map((c) => c.id)).toEqual(['un-tac-2:a1']);
    const acked = onAlert(book, two, alert('a1', { status: 'acknowledged' }), T0 + MINUTE);
    expect(summary(acked.events)).toEqual(['end un-tac:a1 acknowledged', 'dropped un-tac-2:a1 closed']);
    expect(acked.book.queue).toEqual([]);
    const resolved = onAlert(book, two, alert('a1', { status: 'resolved' }), T0 + MINUTE);
    expect(summary(resolved.events)).toEqual(['end un-tac:a1 resolved', 'dropped un-tac-2:a1 closed']);
  });

  it('does not end or drop on what the rule does not revert on, but always drops queued ones on resolved', () => {
    const onlyResolved = [rule('un-tac', { revertOn: ['resolved'] }), rule('un-tac-2', { revertOn: ['resolved'] })];
    const book = onAlert(EMPTY_BOOK, onlyResolved, alert('a1'), T0).book;
    expect(onAlert(book, onlyResolved, alert('a1', { status: 'acknowledged' }), T0 + MINUTE).book).toBe(book);
    expect(summary(onAlert(book, onlyResolved, alert('a1', { status: 'resolved' }), T0 + MINUTE).events)).toEqual(['end un-tac:a1 resolved', 'dropped un-tac-2:a1 closed']);
    const never = [rule('un-tac', { revertOn: [] }), rule('un-tac-2', { revertOn: [] })];
    const kept = onAlert(EMPTY_BOOK, never, alert('a1'), T0).book;
    expect(summary(onAlert(kept, never, alert('a1', { status: 'resolved' }), T0 + MINUTE).events)).toEqual(['dropped un-tac-2:a1 closed']);
  });

  it('leaves other alerts\' takeovers alone', () => {
    expect(onAlert(started, rules, alert('khac', { status: 'resolved' }), T0 + MINUTE).book).toBe(started);
  });

  it('pins: no revert, and the alert closing no longer ends it; only a dismiss does', () => {
    const pinned = pin(started, WALL, T0 + MINUTE);
    expect(pinned.events).toEqual([]);
    expect(pinned.book.active[WALL]).toMatchObject({ pinned: true, revertAt: null });
    expect(pin(pinned.book, WALL, T0 + 2 * MINUTE).book).toBe(pinned.book);
    expect(pin(EMPTY_BOOK, WALL, T0).book).toBe(EMPTY_BOOK);
    expect(tick(pinned.book, rules, T0 + 24 * 60 * MINUTE).book).toBe(pinned.book);
    expect(onAlert(pinned.book, rules, alert('a1', { status: 'acknowledged' }), T0 + 3 * MINUTE).book).toBe(pinned.book);
    expect(onAlert(pinned.book, rules, alert('a1', { status: 'resolved' }), T0 + 3 * MINUTE).book).toBe(pinned.book);
    const gone = dismiss(pinned.book, WALL, T0 + 4 * MINUTE);
    expect(summary(gone.events)).toEqual(['end un-tac:a1 dismissed']);
    expect(gone.book.active).toEqual({});
  });

  it('dismisses and ends by operator without touching the queue; a free wall changes nothing', () => {
    const queued = onAlert(started, rules, alert('a2'), T0 + SECOND).book;
    const dismissed = dismiss(queued, WALL, T0 + 2 * SECOND);
    expect(summary(dismissed.events)).toEqual(['end un-tac:a1 dismissed']);
    expect(dismissed.book.queue).toBe(queued.queue);
    const manual = endByOperator(queued, WALL, T0 + 2 * SECOND);
    expect(summary(manual.events)).toEqual(['end un-tac:a1 operator']);
    expect(manual.book.queue).toBe(queued.queue);
    expect(manual.book.lastStartAt).toEqual({ [WALL]: T0 });
    expect(dismiss(dismissed.book, WALL, T0 + 3 * SECOND)).toEqual({ book: dismissed.book, events: [] });
    expect(endByOperator(EMPTY_BOOK, WALL, T0).book).toBe(EMPTY_BOOK);
  });
});

describe('takeover book: config edits', () => {
  const rules = [rule('un-tac'), rule('un-tac-2')];
  const book = onAlert(EMPTY_BOOK, rules, alert('a1'), T0).book;

  it('drops the queued candidates of a removed rule (as closed) and lets its takeover run to its revertAt', () => {
    const edited: Rule[] = [];
    expect(nextDeadline(book, edited, T0 + MINUTE)).toBe(T0 + MINUTE);
    const r = tick(book, edited, T0 + MINUTE);
    expect(summary(r.events)).toEqual(['dropped un-tac-2:a1 closed']);
    expect(r.book.active[WALL]?.revertAt).toBe(T0 + 10 * MINUTE);
    expect(tick(r.book, edited, T0 + 10 * MINUTE - 1).book).toBe(r.book);
    expect(nextDeadline(r.book, edited, T0 + MINUTE)).toBe(T0 + 10 * MINUTE);
    expect(summary(tick(r.book, edited, T0 + 10 * MINUTE).events)).toEqual(['end un-tac:a1 expired']);
    // Its alert closing still ends it, as the schema's default revertOn would.
    expect(summary(onAlert(r.book, edited, alert('a1', { status: 'resolved' }), T0 + 2 * MINUTE).events)).toEqual(['end un-tac:a1 resolved']);
  });

  it('treats a rule moved to another wall as removed for the candidates it had queued', () => {
    const moved = [rule('un-tac'), rule('un-tac-2', { wallId: 'tuong-phu' })];
    expect(summary(tick(book, moved, T0 + SECOND).events)).toEqual(['dropped un-tac-2:a1 closed']);
  });
});

describe('takeover book: deadlines', () => {
  const rules = [rule('un-tac')];

  it('is null when idle or pinned with nothing waiting', () => {
    expect(nextDeadline(EMPTY_BOOK, rules, T0)).toBeNull();
    const pinned = pin(onAlert(EMPTY_BOOK, rules, alert('a1'), T0).book, WALL, T0).book;
    expect(nextDeadline(pinned, rules, T0)).toBeNull();
  });

  it('gives the revert of an active takeover', () => {
    const book = onAlert(EMPTY_BOOK, rules, alert('a1'), T0 + 5 * SECOND).book;
    expect(nextDeadline(book, rules, T0 + MINUTE)).toBe(T0 + 5 * SECOND + 10 * MINUTE);
  });

  it('gives the end of the interval on a freed wall', () => {
    let book = feed(EMPTY_BOOK, rules, [
      [alert('a1'), T0],
      [alert('a2'), T0 + SECOND],
    ]).book;
    book = dismiss(book, WALL, T0 + 2 * SECOND).book;
    expect(nextDeadline(book, rules, T0 + 2 * SECOND)).toBe(T0 + MINUTE);
    // Already due: now.
    expect(nextDeadline(book, rules, T0 + 2 * MINUTE)).toBe(T0 + 2 * MINUTE);
  });

  it('gives the moment a queued candidate goes stale, and tick drops it then', () => {
    const old = alert('cu', { time: at(T0 - 9 * MINUTE) });
    const book = feed(EMPTY_BOOK, rules, [
      [alert('a1'), T0],
      [old, T0],
    ]).book;
    const staleAt = T0 + MINUTE + 1;
    expect(nextDeadline(book, rules, T0 + SECOND)).toBe(staleAt);
    expect(tick(book, rules, staleAt - 1).book).toBe(book);
    const r = tick(book, rules, staleAt);
    expect(summary(r.events)).toEqual(['dropped un-tac:cu stale']);
    expect(nextDeadline(r.book, rules, staleAt)).toBe(T0 + 10 * MINUTE);
  });
});

describe('takeover book: persistence', () => {
  it('survives a JSON round trip and carries on the same', () => {
    const rules = [rule('un-tac'), rule('phu', { wallId: 'tuong-phu', action: { kind: 'camera' } })];
    let book = feed(EMPTY_BOOK, rules, [
      [alert('a1'), T0],
      [alert('a2', { severity: 'critical', cameraId: undefined }), T0 + SECOND],
      [alert('a3'), T0 + 2 * SECOND],
    ]).book;
    book = pin(book, 'tuong-phu', T0 + 3 * SECOND).book;
    const read = JSON.parse(JSON.stringify(book)) as TakeoverBook;
    expect(read).toEqual(book);
    expect(read.queue.find((c) => c.alertId === 'a2')).not.toHaveProperty('cameraId');
    const later = T0 + 10 * MINUTE;
    expect(tick(read, rules, later)).toEqual(tick(book, rules, later));
    expect(nextDeadline(read, rules, T0 + 5 * SECOND)).toBe(nextDeadline(book, rules, T0 + 5 * SECOND));
  });
});

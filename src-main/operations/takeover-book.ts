import { SEVERITY_RANK, type Alert, type Severity } from '../../src-shared/domain';
import type { Rule } from '../../src-shared/operations-config';
import { ruleMatches } from './rule-match';

/**
 * Alert-triggered takeovers as a pure ledger: which rule holds which wall, what waits for each
 * wall, and which alerts have already had their turn. The host feeds it alerts and the clock, acts
 * on the events it returns (show, revert, log) and persists the book as JSON.
 *
 * One takeover per wall at a time; the rest wait, most severe first. A wall changes at most once
 * per its rule's `minIntervalSeconds`, so an alert storm cannot make it flicker, and a queued alert
 * that waited longer than its takeover would have lasted is dropped rather than shown late.
 * Every function returns the same book when nothing changes, and lists what happened in order.
 */

/** Candidates kept per wall; a storm beyond that loses its least urgent ones. */
export const QUEUE_MAX_PER_WALL = 20;
/** Candidate ids remembered so a re-sent alert does not trigger twice; far more than a shift's alerts that match rules. */
export const HANDLED_MAX = 500;

const MINUTE_MS = 60_000;
/** What a rule reverts on when its own setting is not at hand (the schema's default). */
const DEFAULT_REVERT_ON: readonly Rule['revertOn'][number][] = ['acknowledged', 'resolved'];

export interface TakeoverCandidate {
  /** `${ruleId}:${alertId}`; ids cannot contain ':', so it is unambiguous. */
  id: string;
  ruleId: string;
  wallId: string;
  alertId: string;
  severity: Severity;
  /** The alert's own time (ms since epoch), for ordering and staleness. */
  alertTime: number;
  queuedAt: number;
  cameraId?: string;
}

export interface ActiveTakeover extends TakeoverCandidate {
  startedAt: number;
  /** When it ends by itself; null once pinned. */
  revertAt: number | null;
  pinned: boolean;
}

export interface TakeoverBook {
  /** By wallId. */
  active: Record<string, ActiveTakeover>;
  /** All walls' candidates, kept in start order: higher severity, then older alert, then queued first. */
  queue: TakeoverCandidate[];
  /** By wallId. */
  lastStartAt: Record<string, number>;
  /** Candidate ids already seen, newest last, at most HANDLED_MAX. */
  handled: string[];
}

export type TakeoverEvent =
  | { type: 'start'; takeover: ActiveTakeover }
  | { type: 'end'; takeover: ActiveTakeover; reason: 'expired' | 'acknowledged' | 'resolved' | 'dismissed' | 'operator' }
  | { type: 'dropped'; candidate: TakeoverCandidate; reason: 'closed' | 'stale' | 'overflow' };

export interface TakeoverResult {
  book: TakeoverBook;
  events: TakeoverEvent[];
}

export const EMPTY_BOOK: TakeoverBook = Object.freeze({ active: {}, queue: [], lastStartAt: {}, handled: [] });

/** `record[key]` only when it is the record's own: wall ids such as "constructor" are valid ids. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Negative when `a` should start before `b`. */
function compareCandidates(a: TakeoverCandidate, b: TakeoverCandidate): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.alertTime - b.alertTime || a.queuedAt - b.queuedAt;
}

function revertMs(rule: Rule): number {
  return rule.revertAfterMinutes * MINUTE_MS;
}

/** A working copy; `finish` hands back the original book when nothing touched it. */
interface Draft {
  active: Record<string, ActiveTakeover>;
  queue: TakeoverCandidate[];
  lastStartAt: Record<string, number>;
  handled: string[];
  rules: Map<string, Rule>;
  changed: boolean;
  events: TakeoverEvent[];
}

function draft(book: TakeoverBook, rules: readonly Rule[]): Draft {
  const byId = new Map<string, Rule>();
  for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return {
    active: { ...book.active },
    queue: [...book.queue],
    lastStartAt: { ...book.lastStartAt },
    handled: [...book.handled],
    rules: byId,
    changed: false,
    events: [],
  };
}

function finish(book: TakeoverBook, d: Draft): TakeoverResult {
  if (!d.changed) return { book, events: d.events };
  return { book: { active: d.active, queue: d.queue, lastStartAt: d.lastStartAt, handled: d.handled }, events: d.events };
}

/**
 * The rule a queued candidate still belongs to. A rule removed from the config, or moved to another
 * wall, no longer has it: its candidates are dropped.
 */
function candidateRule(d: Draft, candidate: TakeoverCandidate): Rule | undefined {
  const rule = d.rules.get(candidate.ruleId);
  return rule?.wallId === candidate.wallId ? rule : undefined;
}

/** What ends a takeover of this rule; a rule removed from the config reverts on the default. */
function revertOn(d: Draft, ruleId: string): readonly string[] {
  return d.rules.get(ruleId)?.revertOn ?? DEFAULT_REVERT_ON;
}

function endActive(d: Draft, wallId: string, reason: Extract<TakeoverEvent, { type: 'end' }>['reason']): void {
  const takeover = own(d.active, wallId);
  if (!takeover) return;
  delete d.active[wallId];
  d.changed = true;
  d.events.push({ type: 'end', takeover, reason });
}

function dropWhere(d: Draft, reason: Extract<TakeoverEvent, { type: 'dropped' }>['reason'], drop: (c: TakeoverCandidate) => boolean): void {
  const kept: TakeoverCandidate[] = [];
  for (const candidate of d.queue) {
    if (drop(candidate)) d.events.push({ type: 'dropped', candidate, reason });
    else kept.push(candidate);
  }
  if (kept.length === d.queue.length) return;
  d.queue = kept;
  d.changed = true;
}

function enqueue(d: Draft, candidate: TakeoverCandidate): void {
  const i = d.queue.findIndex((c) => compareCandidates(candidate, c) < 0);
  if (i < 0) d.queue.push(candidate);
  else d.queue.splice(i, 0, candidate);
  d.changed = true;
}

/**
 * What is due at `at` before anything new happens: queued candidates whose rule is gone are
 * dropped (reason 'closed': the rule that queued them was closed by a config edit), takeovers past
 * their revertAt end, and candidates that waited longer than their takeover would have lasted are
 * dropped as stale. An active takeover whose rule is gone runs on to the revertAt it already has.
 */
function settle(d: Draft, at: number): void {
  dropWhere(d, 'closed', (c) => candidateRule(d, c) === undefined);
  for (const [wallId, takeover] of Object.entries(d.active)) {
    if (takeover.revertAt !== null && takeover.revertAt <= at) endActive(d, wallId, 'expired');
  }
  dropWhere(d, 'stale', (c) => {
    const rule = candidateRule(d, c);
    return rule !== undefined && c.alertTime < at - revertMs(rule);
  });
}

/** From when a candidate of `rule` may start on its free wall: `minIntervalSeconds` after the wall's last start. */
function startFrom(d: Draft, rule: Rule, wallId: string, at: number): number {
  const last = own(d.lastStartAt, wallId);
  return last === undefined ? at : last + rule.minIntervalSeconds * 1000;
}

/**
 * Starts the first queued candidate of each free wall whose interval has passed. Only a wall's
 * first candidate is considered: a less urgent one with a shorter interval does not jump ahead.
 */
function startReady(d: Draft, at: number): void {
  const seen = new Set<string>();
  for (const candidate of [...d.queue]) {
    if (seen.has(candidate.wallId)) continue;
    seen.add(candidate.wallId);
    if (own(d.active, candidate.wallId)) continue;
    const rule = candidateRule(d, candidate);
    if (rule === undefined || at < startFrom(d, rule, candidate.wallId, at)) continue;
    const takeover: ActiveTakeover = { ...candidate, startedAt: at, revertAt: at + revertMs(rule), pinned: false };
    d.queue = d.queue.filter((c) => c !== candidate);
    d.active[candidate.wallId] = takeover;
    d.lastStartAt[candidate.wallId] = at;
    d.changed = true;
    d.events.push({ type: 'start', takeover });
  }
}

/** Keeps at most QUEUE_MAX_PER_WALL candidates per wall, dropping the least urgent. */
function capQueues(d: Draft): void {
  const perWall = new Map<string, number>();
  dropWhere(d, 'overflow', (c) => {
    const n = (perWall.get(c.wallId) ?? 0) + 1;
    perWall.set(c.wallId, n);
    return n > QUEUE_MAX_PER_WALL;
  });
}

/** The candidates a new version of an open alert brings: one per matching rule that has not had it yet. */
function queueOpenAlert(d: Draft, rules: readonly Rule[], alert: Alert, at: number): void {
  const alertTime = Date.parse(alert.time);
  // The schema checks the time; one that does not parse cannot be judged stale, so it does not trigger.
  if (!Number.isFinite(alertTime)) return;
  for (const rule of rules) {
    const id = `${rule.id}:${alert.id}`;
    if (d.rules.get(rule.id) !== rule || !ruleMatches(rule, alert)) continue;
    // Also checked against the queue and walls, in case its id aged out of `handled`.
    if (d.handled.includes(id) || d.queue.some((c) => c.id === id) || Object.values(d.active).some((t) => t.id === id)) continue;
    // An open alert older than the takeover would last (found after an outage) would have reverted already.
    if (alertTime < at - revertMs(rule)) continue;
    const candidate: TakeoverCandidate = { id, ruleId: rule.id, wallId: rule.wallId, alertId: alert.id, severity: alert.severity, alertTime, queuedAt: at };
    if (alert.cameraId !== undefined) candidate.cameraId = alert.cameraId;
    d.handled.push(id);
    enqueue(d, candidate);
  }
  if (d.handled.length > HANDLED_MAX) d.handled = d.handled.slice(-HANDLED_MAX);
}

/**
 * An acknowledged or resolved version ends the alert's takeovers whose rule reverts on it, unless
 * pinned, and drops its queued candidates whose rule reverts on it; resolved drops them always,
 * since a closed incident has nothing left to show.
 */
function closeAlert(d: Draft, alert: Alert, status: 'acknowledged' | 'resolved'): void {
  for (const [wallId, takeover] of Object.entries(d.active)) {
    if (takeover.alertId === alert.id && !takeover.pinned && revertOn(d, takeover.ruleId).includes(status)) endActive(d, wallId, status);
  }
  dropWhere(d, 'closed', (c) => c.alertId === alert.id && (status === 'resolved' || revertOn(d, c.ruleId).includes(status)));
}

/**
 * A new version of an alert: an open one queues a candidate per matching rule (and starts it when
 * its wall is free), a closed one ends and drops what it had. What was due at `at` is settled first,
 * so a wall whose takeover just expired is free for it.
 */
export function onAlert(book: TakeoverBook, rules: readonly Rule[], alert: Alert, at: number): TakeoverResult {
  const d = draft(book, rules);
  settle(d, at);
  if (alert.status === 'open') queueOpenAlert(d, rules, alert, at);
  else closeAlert(d, alert, alert.status);
  startReady(d, at);
  // After starting, so a free wall's first candidate is not counted against its queue.
  capQueues(d);
  return finish(book, d);
}

/** Ends what expired, drops what went stale or lost its rule, and starts what may start now. */
export function tick(book: TakeoverBook, rules: readonly Rule[], at: number): TakeoverResult {
  const d = draft(book, rules);
  settle(d, at);
  startReady(d, at);
  return finish(book, d);
}

function endNow(book: TakeoverBook, wallId: string, reason: 'dismissed' | 'operator'): TakeoverResult {
  const takeover = own(book.active, wallId);
  if (!takeover) return { book, events: [] };
  const active = { ...book.active };
  delete active[wallId];
  return { book: { ...book, active }, events: [{ type: 'end', takeover, reason }] };
}

/**
 * Ends the wall's takeover now, pinned or not. The queue waits for the next `tick`, which starts
 * its first candidate once the interval allows (`nextDeadline` says when).
 */
export function dismiss(book: TakeoverBook, wallId: string, _at: number): TakeoverResult {
  return endNow(book, wallId, 'dismissed');
}

/** Keeps the wall's takeover until dismissed: no revert, and its alert's acknowledgement or resolution no longer ends it. */
export function pin(book: TakeoverBook, wallId: string, _at: number): TakeoverResult {
  const takeover = own(book.active, wallId);
  if (!takeover || takeover.pinned) return { book, events: [] };
  return { book: { ...book, active: { ...book.active, [wallId]: { ...takeover, revertAt: null, pinned: true } } }, events: [] };
}

/** An operator changed that wall by hand: its takeover ends (reason 'operator'); the queue is untouched and starts as after `dismiss`. */
export function endByOperator(book: TakeoverBook, wallId: string, _at: number): TakeoverResult {
  return endNow(book, wallId, 'operator');
}

/**
 * The earliest time tick() would change something: a revert, a queued start once its wall is free
 * and its interval has passed, a queued entry going stale (the first ms past its limit), or `at`
 * for something already due. Never before `at`; null when nothing is pending.
 */
export function nextDeadline(book: TakeoverBook, rules: readonly Rule[], at: number): number | null {
  const d = draft(book, rules);
  let next = Number.POSITIVE_INFINITY;
  for (const takeover of Object.values(book.active)) {
    if (takeover.revertAt !== null) next = Math.min(next, takeover.revertAt);
  }
  const seen = new Set<string>();
  for (const candidate of book.queue) {
    const rule = candidateRule(d, candidate);
    if (!rule) return at;
    next = Math.min(next, candidate.alertTime + revertMs(rule) + 1);
    if (seen.has(candidate.wallId)) continue;
    seen.add(candidate.wallId);
    // A busy wall's next start follows its revert, already counted above, or a dismiss.
    if (!own(book.active, candidate.wallId)) next = Math.min(next, startFrom(d, rule, candidate.wallId, at));
  }
  return next === Number.POSITIVE_INFINITY ? null : Math.max(at, next);
}

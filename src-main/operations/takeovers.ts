import { both, localized, type Bilingual } from '../../src-shared/bilingual';
import type { Caller } from '../../src-shared/caller';
import type { Alert } from '../../src-shared/domain';
import type { HostState } from './host-state';
import { nameOf, type HostServices } from './host-services';
import { onAlert, tick, type TakeoverBook, type TakeoverEvent } from './takeover-book';
import type { AlertSummary } from './wall-base';

/**
 * Glue between the pure takeover book and the host state: feeds it alerts and the clock, keeps
 * what each alert said for the banner, and turns what happened into lines for the console's log.
 */

/** A change the host made by itself, logged with who made it (the rule) like an operator's command. */
export interface SettleNote {
  caller: Caller;
  name: string;
  label: Bilingual;
}

const summary = (alert: Alert): AlertSummary => ({
  text: alert.text,
  ...(alert.textEn ? { textEn: alert.textEn } : {}),
  severity: alert.severity,
  district: alert.location.district,
  ...(alert.cameraId ? { cameraId: alert.cameraId } : {}),
});

function withBook(state: HostState, book: TakeoverBook, alerts: Readonly<Record<string, AlertSummary>>): HostState {
  if (book === state.takeovers.book && alerts === state.takeovers.alerts) return state;
  // Keep only what the book still refers to: the alerts of active and queued takeovers.
  const used = new Set([...Object.values(book.active).map((t) => t.alertId), ...book.queue.map((c) => c.alertId)]);
  const kept = Object.fromEntries(Object.entries(alerts).filter(([id]) => used.has(id)));
  return { ...state, takeovers: { book, alerts: kept } };
}

export function takeoverNotes(events: readonly TakeoverEvent[], state: HostState, services: HostServices): SettleNote[] {
  return events.flatMap((event): SettleNote[] => {
    if (event.type === 'dropped') {
      services.log.warn(`takeover of wall ${event.candidate.wallId} for alert ${event.candidate.alertId} (rule ${event.candidate.ruleId}) dropped: ${event.reason}`);
      return [];
    }
    const t = event.takeover;
    const caller: Caller = { kind: 'rule', ruleId: t.ruleId, alertId: t.alertId };
    const wall = nameOf(services, 'wall', t.wallId);
    const alert = state.takeovers.alerts[t.alertId];
    const text = both(alert?.text ?? t.alertId, localized(alert?.text ?? t.alertId, alert?.textEn, 'en'));
    if (event.type === 'start') return [{ caller, name: 'takeover.start', label: both(`${wall.vi} hiển thị theo cảnh báo: ${text.vi}`, `${wall.en} taken over by alert: ${text.en}`) }];
    // Ended by an operator's command: that command is in the log already.
    if (event.reason === 'dismissed') return [];
    const why = {
      expired: both('hết thời gian', 'time is up'),
      acknowledged: both('cảnh báo đã được tiếp nhận', 'the alert was acknowledged'),
      resolved: both('cảnh báo đã được xử lý', 'the alert was resolved'),
      operator: both('cán bộ vận hành đã thay đổi màn hình', 'an operator changed the wall'),
    }[event.reason];
    return [{ caller, name: 'takeover.end', label: both(`${wall.vi} trở lại như trước (${why.vi})`, `${wall.en} back to what it showed (${why.en})`) }];
  });
}

/** New versions of alerts, in order: each may queue, start, end or drop takeovers. */
export function applyAlerts(state: HostState, alerts: readonly Alert[], services: HostServices, at: number): { state: HostState; notes: SettleNote[] } {
  let book = state.takeovers.book;
  let summaries = state.takeovers.alerts;
  const events: TakeoverEvent[] = [];
  for (const alert of alerts) {
    const result = onAlert(book, services.config.rules, alert, at);
    if (result.book === book) continue;
    book = result.book;
    events.push(...result.events);
    if (book.queue.some((c) => c.alertId === alert.id) || Object.values(book.active).some((t) => t.alertId === alert.id)) summaries = { ...summaries, [alert.id]: summary(alert) };
  }
  // Notes read the summaries before they are pruned, so an ended takeover still names its alert.
  const notes = takeoverNotes(events, { ...state, takeovers: { book, alerts: summaries } }, services);
  return { state: withBook(state, book, summaries), notes };
}

/** The clock: reverts what expired, drops what went stale, starts what may start. */
export function tickTakeovers(state: HostState, services: HostServices, at: number): { state: HostState; notes: SettleNote[] } {
  const result = tick(state.takeovers.book, services.config.rules, at);
  if (result.book === state.takeovers.book) return { state, notes: [] };
  // Notes read the summaries before they are pruned, so an ended takeover still names its alert.
  const notes = takeoverNotes(result.events, state, services);
  return { state: withBook(state, result.book, state.takeovers.alerts), notes };
}

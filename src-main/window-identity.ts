import type { Operator } from '../src-shared/access';
import type { Caller } from '../src-shared/caller';
import type { EventChannel, EventPayload } from '../src-shared/ipc';

/**
 * Which window a request came from, as the host established it: a wall's window, or a console
 * "seat" — one console page or Electron console window — that a signed-in session may occupy
 * (session-seats.ts). Set by the transport when the window connected, after checking its
 * credential; requests cannot change it.
 */
export type WindowIdentity = { role: 'console'; seat: string } | { role: 'wall'; wallId: string };

/** The caller commands from this window run as; a console needs the operator signed in on its seat. */
export function callerOf(window: WindowIdentity, station: string, operator: Operator | undefined): Caller | undefined {
  if (window.role === 'wall') return { kind: 'wall-window', wallId: window.wallId };
  return operator ? { kind: 'console', station, operator } : undefined;
}

export function describeWindow(window: WindowIdentity): string {
  return window.role === 'wall' ? `wall window ${window.wallId}` : `console ${window.seat}`;
}

/**
 * Whether a host event is for this window: hub data for everyone, a wall's view, tours and
 * reload for that wall's windows, the console's picture and the audit log for consoles only, a
 * session's end for its own seat.
 */
export function eventIsFor<C extends EventChannel>(window: WindowIdentity, channel: C, payload: EventPayload<C>): boolean {
  switch (channel) {
    case 'operator:state':
    case 'audit:appended':
      return window.role === 'console';
    case 'session:ended':
      return window.role === 'console' && window.seat === (payload as EventPayload<'session:ended'>).seat;
    case 'wall:view':
    case 'wall:tours':
      return window.role === 'wall' && window.wallId === (payload as EventPayload<'wall:view'>).wallId;
    case 'wall:reload': {
      const wallId = (payload as EventPayload<'wall:reload'>).wallId;
      return window.role === 'wall' && (wallId === null || wallId === window.wallId);
    }
    default:
      return true;
  }
}

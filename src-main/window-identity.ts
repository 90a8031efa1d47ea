import { z } from 'zod';
import type { Caller } from '../src-shared/caller';
import { idSchema } from '../src-shared/domain';
import type { EventChannel, EventPayload } from '../src-shared/ipc';

/**
 * Which window a request came from, as its transport knows it: the Electron window the host made
 * for a wall or the console, or the role a browser-mode page declared when its socket connected.
 * It is fixed for the life of the connection; requests cannot change it.
 */
export const windowIdentitySchema = z.discriminatedUnion('role', [z.object({ role: z.literal('console') }), z.object({ role: z.literal('wall'), wallId: idSchema })]);
export type WindowIdentity = z.infer<typeof windowIdentitySchema>;

/** The caller commands from this window run as. */
export function callerOf(window: WindowIdentity, station: string): Caller {
  return window.role === 'wall' ? { kind: 'wall-window', wallId: window.wallId } : { kind: 'console', station };
}

/**
 * Whether a host event is for this window: hub data for everyone, a wall's view, tours and
 * reload for that wall's windows, the console's picture for consoles only.
 */
export function eventIsFor<C extends EventChannel>(window: WindowIdentity, channel: C, payload: EventPayload<C>): boolean {
  switch (channel) {
    case 'operator:state':
      return window.role === 'console';
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

import { z } from 'zod';
import { roleAllows, type Operator, type Role } from '../src-shared/access';
import { invokeChannels, isInvokeChannel, type InvokeChannel, type InvokeResponse, type InvokeResult } from '../src-shared/ipc';
import { errorMessage, type Logger } from '../src-shared/node/log';
import { describeWindow, type WindowIdentity } from './window-identity';

type RequestOf<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: RequestOf<C>, window: WindowIdentity) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

export type Invoke = (window: WindowIdentity, channel: unknown, request: unknown) => Promise<InvokeResult<unknown>>;

/**
 * Who may use each channel: whether a wall window may, and the least a console needs — nothing
 * (before signing in) or a signed-in operator of a role. Commands check their own role on top
 * (src-shared/commands.ts); a viewer may send one only to be told why not.
 */
const CHANNEL_ACCESS: Record<InvokeChannel, { wall: boolean; console: 'anyone' | Role }> = {
  'app:info': { wall: true, console: 'anyone' },
  'wall:get': { wall: true, console: 'viewer' },
  'wall:boot': { wall: true, console: 'viewer' },
  'operator:state': { wall: false, console: 'viewer' },
  'hub:state': { wall: true, console: 'viewer' },
  'command:run': { wall: true, console: 'viewer' },
  'key:press': { wall: true, console: 'viewer' },
  'session:get': { wall: false, console: 'anyone' },
  'session:sign-in': { wall: false, console: 'anyone' },
  'session:sign-out': { wall: false, console: 'anyone' },
  'audit:list': { wall: false, console: 'operator' },
  'audit:export': { wall: false, console: 'operator' },
  'wall:heartbeat': { wall: true, console: 'anyone' },
  'log:report': { wall: true, console: 'anyone' },
};

function refusal(window: WindowIdentity, channel: InvokeChannel, operator: Operator | null): string | null {
  const rule = CHANNEL_ACCESS[channel];
  if (window.role === 'wall') return rule.wall ? null : `${channel} is for the console only`;
  if (rule.console === 'anyone') return null;
  if (!operator) return 'sign in first';
  return roleAllows(operator.role, rule.console) ? null : `${operator.username} (${operator.role}) may not use ${channel}: it needs the ${rule.console} role`;
}

/**
 * The one gate every renderer request passes, whichever transport carried it (Electron IPC or the
 * browser-mode socket) and whichever window sent it: unknown channels, malformed requests and
 * channels the window (or its operator) may not use are refused with a reason, handler failures
 * come back as errors-as-data, and nothing a renderer sends can throw in the host.
 */
export function createInvokeRouter(handlers: InvokeHandlers, log: Logger, operatorOf: (window: WindowIdentity) => Operator | null = () => null): Invoke {
  return async (window, channel, request) => {
    const who = describeWindow(window);
    if (!isInvokeChannel(channel)) {
      log.warn(`refused request from ${who} on unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
      return { ok: false, error: `unknown channel` };
    }
    const why = refusal(window, channel, operatorOf(window));
    if (why) {
      log.warn(`refused ${channel} from ${who}: ${why}`);
      return { ok: false, error: why };
    }
    const parsed = invokeChannels[channel].request.safeParse(request);
    if (!parsed.success) {
      const reason = z.prettifyError(parsed.error).replace(/\n/g, '; ');
      log.warn(`refused ${channel} from ${who}: ${reason}`);
      return { ok: false, error: `invalid request: ${reason}` };
    }
    try {
      const handler = handlers[channel] as (req: unknown, window: WindowIdentity) => unknown;
      return { ok: true, value: await handler(parsed.data, window) };
    } catch (error) {
      log.warn(`${channel} from ${who} failed: ${errorMessage(error)}`);
      return { ok: false, error: errorMessage(error) };
    }
  };
}

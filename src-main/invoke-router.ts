import { z } from 'zod';
import { invokeChannels, isInvokeChannel, type InvokeChannel, type InvokeResponse, type InvokeResult } from '../src-shared/ipc';
import { errorMessage, type Logger } from '../src-shared/node/log';
import type { WindowIdentity } from './window-identity';

type RequestOf<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: RequestOf<C>, window: WindowIdentity) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

export type Invoke = (window: WindowIdentity, channel: unknown, request: unknown) => Promise<InvokeResult<unknown>>;

/** Channels a wall window may not use: the console's whole picture is the console's. */
const CONSOLE_ONLY: ReadonlySet<InvokeChannel> = new Set(['operator:state']);

/**
 * The one gate every renderer request passes, whichever transport carried it (Electron IPC or the
 * browser-mode socket) and whichever window sent it: unknown channels, malformed requests and
 * channels the window may not use are refused with a reason, handler failures come back as
 * errors-as-data, and nothing a renderer sends can throw in the host.
 */
export function createInvokeRouter(handlers: InvokeHandlers, log: Logger): Invoke {
  return async (window, channel, request) => {
    const who = window.role === 'wall' ? `wall window ${window.wallId}` : 'console';
    if (!isInvokeChannel(channel)) {
      log.warn(`refused request from ${who} on unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
      return { ok: false, error: `unknown channel` };
    }
    if (window.role === 'wall' && CONSOLE_ONLY.has(channel)) {
      log.warn(`refused ${channel} from ${who}: for the console only`);
      return { ok: false, error: `${channel} is for the console only` };
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

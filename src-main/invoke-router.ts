import type { z } from 'zod';
import { invokeChannels, isInvokeChannel, type InvokeChannel, type InvokeResponse, type InvokeResult } from '../src-shared/ipc';
import { errorMessage, type Logger } from '../src-shared/node/log';

type RequestOf<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: RequestOf<C>) => InvokeResponse<C> | Promise<InvokeResponse<C>>;
};

export type Dispatch = (channel: unknown, request: unknown) => Promise<InvokeResult<unknown>>;

/**
 * The one gate every renderer request passes, whichever transport carried it (Electron IPC or the
 * browser-mode socket): unknown channels and malformed requests are refused with a reason, handler
 * failures come back as errors-as-data, and nothing a renderer sends can throw in the host.
 */
export function createInvokeRouter(handlers: InvokeHandlers, log: Logger): Dispatch {
  return async (channel, request) => {
    if (!isInvokeChannel(channel)) {
      log.warn(`refused request on unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
      return { ok: false, error: `unknown channel` };
    }
    const parsed = invokeChannels[channel].request.safeParse(request);
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      log.warn(`refused ${channel}: ${reason}`);
      return { ok: false, error: `invalid request: ${reason}` };
    }
    try {
      const handler = handlers[channel] as (req: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      log.warn(`${channel} failed: ${errorMessage(error)}`);
      return { ok: false, error: errorMessage(error) };
    }
  };
}

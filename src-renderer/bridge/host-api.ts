import { z } from 'zod';
import {
  eventChannels,
  invokeChannels,
  type EventChannel,
  type EventPayload,
  type HostApi,
  type InvokeChannel,
  type InvokeResponse,
} from '../../src-shared/ipc';
import { errorText, HostError } from './host-error';
import type { HostTransport } from './transport';

/** Called for every payload that fails its schema; the app counts it, nothing throws. */
export type InvalidPayloadHandler = (channel: string, detail: string) => void;

const invokeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The typed HostApi over either transport. This is the one place results are unwrapped and every
 * response and event is parsed with the contract's schema, so stores only ever see valid data.
 */
export function createHostApi(transport: HostTransport, onInvalid: InvalidPayloadHandler): HostApi {
  return {
    async invoke<C extends InvokeChannel>(channel: C, request: z.input<(typeof invokeChannels)[C]['request']>): Promise<InvokeResponse<C>> {
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, request);
      } catch (error) {
        throw new HostError('transport', `${channel}: ${errorText(error)}`);
      }
      const result = invokeResultSchema.safeParse(raw);
      if (!result.success) {
        onInvalid(channel, `malformed result: ${describe(result.error)}`);
        throw new HostError('invalid', `${channel}: malformed result`);
      }
      if (!result.data.ok) throw new HostError('host', result.data.error);
      const parsed = invokeChannels[channel].response.safeParse(result.data.value);
      if (!parsed.success) {
        onInvalid(channel, describe(parsed.error));
        throw new HostError('invalid', `${channel}: response does not match the contract`);
      }
      return parsed.data as InvokeResponse<C>;
    },
    on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void {
      return transport.on(channel, (payload) => {
        const parsed = eventChannels[channel].safeParse(payload);
        if (!parsed.success) {
          onInvalid(channel, describe(parsed.error));
          return;
        }
        try {
          listener(parsed.data as EventPayload<C>);
        } catch (error) {
          // A failing store update must not stop later events from arriving.
          console.error(`[bridge] ${channel} handler failed:`, error);
        }
      });
    },
  };
}

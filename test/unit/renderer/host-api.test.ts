import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_KEY_TABLE } from '../../../src-shared/keys/key-table';
import type { InvokeResult } from '../../../src-shared/ipc';
import { createHostApi } from '../../../src-renderer/bridge/host-api';
import { HostError } from '../../../src-renderer/bridge/host-error';
import type { HostTransport } from '../../../src-renderer/bridge/transport';
import { HUB_TOPIC_NAMES, HUB_TOPICS } from '../../../src-shared/hub-protocol';
import { kpiPoint } from '../../helpers/hub-messages';

/** A transport whose answers and events the test controls. */
function fakeTransport(answer: (channel: string) => Promise<InvokeResult<unknown>> | Promise<never>) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: HostTransport = {
    kind: 'browser',
    invoke: (channel) => answer(channel),
    on: (channel, listener) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    },
  };
  return { transport, emit: (channel: string, payload: unknown) => listeners.get(channel)?.(payload) };
}

const staleAfterSeconds = Object.fromEntries(HUB_TOPIC_NAMES.map((topic) => [topic, HUB_TOPICS[topic].staleAfterSeconds]));
const appInfo = { name: 'IOC Wall', version: '0.1.0', language: 'vi', mode: 'browser', hub: 'embedded', configErrors: [], staleAfterSeconds, cameraDecodeBudget: null, layoutsKeptReady: 3, keys: [...DEFAULT_KEY_TABLE] };

describe('createHostApi', () => {
  it('unwraps ok results and parses them with the contract schema', async () => {
    const { transport } = fakeTransport(async () => ({ ok: true, value: appInfo }));
    await expect(createHostApi(transport, vi.fn()).invoke('app:info', undefined)).resolves.toEqual(appInfo);
  });

  it('turns a host error into HostError("host")', async () => {
    const { transport } = fakeTransport(async () => ({ ok: false, error: 'no wall with id "x"' }));
    const failure = await createHostApi(transport, vi.fn())
      .invoke('wall:get', { wallId: 'x' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect(failure).toMatchObject({ kind: 'host', message: 'no wall with id "x"' });
  });

  it('turns an unreachable host into HostError("transport")', async () => {
    const { transport } = fakeTransport(() => Promise.reject(new Error('timeout')));
    await expect(createHostApi(transport, vi.fn()).invoke('app:info', undefined)).rejects.toMatchObject({ kind: 'transport' });
  });

  it('counts an off-contract response instead of passing it on', async () => {
    const onInvalid = vi.fn();
    const { transport } = fakeTransport(async () => ({ ok: true, value: { ...appInfo, language: 'fr' } }));
    await expect(createHostApi(transport, onInvalid).invoke('app:info', undefined)).rejects.toMatchObject({ kind: 'invalid' });
    expect(onInvalid).toHaveBeenCalledWith('app:info', expect.stringContaining('language'));
  });

  it('counts a malformed result envelope', async () => {
    const onInvalid = vi.fn();
    const { transport } = fakeTransport(async () => 'nonsense' as unknown as InvokeResult<unknown>);
    await expect(createHostApi(transport, onInvalid).invoke('app:info', undefined)).rejects.toMatchObject({ kind: 'invalid' });
    expect(onInvalid).toHaveBeenCalledOnce();
  });

  it('delivers valid message batches and drops invalid ones without throwing', () => {
    const onInvalid = vi.fn();
    const listener = vi.fn();
    const { transport, emit } = fakeTransport(async () => ({ ok: true, value: null }));
    const unsubscribe = createHostApi(transport, onInvalid).on('hub:messages', listener);
    const message = { topic: 'kpi', seq: 1, time: new Date().toISOString(), payload: kpiPoint(97) };
    const batch = [message, { ...message, seq: 2 }];
    emit('hub:messages', batch);
    emit('hub:messages', [message, { ...message, seq: -1 }]);
    emit('hub:messages', message);
    emit('hub:messages', []);
    emit('hub:messages', 'garbage');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(batch);
    expect(onInvalid).toHaveBeenCalledTimes(4);
    unsubscribe();
    emit('hub:messages', batch);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering events after a listener throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const listener = vi.fn(() => {
      throw new Error('store bug');
    });
    const { transport, emit } = fakeTransport(async () => ({ ok: true, value: null }));
    createHostApi(transport, vi.fn()).on('hub:status', listener);
    const status = { status: 'live', since: new Date().toISOString(), hubUrl: 'http://hub', rejected: 0, seq: 0, cache: { status: 'ok' } };
    expect(() => emit('hub:status', status)).not.toThrow();
    emit('hub:status', status);
    expect(listener).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});

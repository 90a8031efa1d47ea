import { io, type Socket } from 'socket.io-client';
import { BROWSER_BRIDGE_PATH, invokeChannels, type InvokeChannel, type InvokeRequest, type InvokeResponse, type InvokeResult } from '../../src-shared/ipc';

/**
 * A test's own connection to a browser-mode host's socket.io bridge, as an operator console would
 * use it: typed invokes that throw on a refusal, answers parsed with the contract's schemas.
 */
export interface BridgeClient {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  close(): void;
}

export async function connectBridge(hostUrl: string, timeoutMs = 10_000): Promise<BridgeClient> {
  const socket: Socket = io(hostUrl, { path: BROWSER_BRIDGE_PATH, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bridge at ${hostUrl} did not connect in ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return {
    invoke: async (channel, request) => {
      const result = (await socket.timeout(timeoutMs).emitWithAck('invoke', channel, request)) as InvokeResult<unknown>;
      if (!result.ok) throw new Error(`${channel} refused: ${result.error}`);
      return invokeChannels[channel].response.parse(result.value) as InvokeResponse<typeof channel>;
    },
    close: () => {
      socket.close();
    },
  };
}

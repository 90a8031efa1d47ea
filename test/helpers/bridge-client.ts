import { io, type Socket } from 'socket.io-client';
import type { Role } from '../../src-shared/access';
import { COMMANDS, type CommandName, type CommandPayloadInput, type CommandResult } from '../../src-shared/commands';
import { BROWSER_BRIDGE_PATH, invokeChannels, type InvokeChannel, type InvokeRequest, type InvokeResponse, type InvokeResult } from '../../src-shared/ipc';

/** Which window the test's connection is, with its credential (the host runs its requests as that window). */
export type BridgeRole = { role: 'console'; session: string } | { role: 'wall'; wallId: string; key: string };

/**
 * A test's own connection to a browser-mode host's socket.io bridge, as an operator console (or a
 * wall window) would use it: typed invokes and commands that throw on a refusal, answers parsed
 * with the contract's schemas.
 */
export interface BridgeClient {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  command<N extends CommandName>(name: N, payload: CommandPayloadInput<N>): Promise<CommandResult<N>>;
  readonly socket: Socket;
  close(): void;
}

/** A console bridge for a test host, signed in as its test operator (or another role). */
export async function consoleBridge(host: { url: string; signIn(role?: Role): Promise<string> }, role: Role = 'operator'): Promise<BridgeClient> {
  return connectBridge(host.url, { role: 'console', session: await host.signIn(role) });
}

export async function connectBridge(hostUrl: string, role: BridgeRole, timeoutMs = 10_000): Promise<BridgeClient> {
  const socket: Socket = io(hostUrl, { path: BROWSER_BRIDGE_PATH, transports: ['websocket'], reconnection: false, auth: role });
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
  const invoke = async <C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>> => {
    const result = (await socket.timeout(timeoutMs).emitWithAck('invoke', channel, request)) as InvokeResult<unknown>;
    if (!result.ok) throw new Error(`${channel} refused: ${result.error}`);
    return invokeChannels[channel].response.parse(result.value) as InvokeResponse<C>;
  };
  return {
    invoke,
    command: async (name, payload) => COMMANDS[name].result.parse(await invoke('command:run', { name, payload })) as CommandResult<typeof name>,
    socket,
    close: () => {
      socket.close();
    },
  };
}

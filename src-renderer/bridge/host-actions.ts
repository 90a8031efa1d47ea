import { COMMANDS, type CommandName, type CommandPayloadInput, type CommandResult } from '../../src-shared/commands';
import type { SnapshotRequest, SnapshotSaved } from '../../src-shared/snapshot';
import { useOperatorStore } from '../stores/operator-store';
import { host } from './connect';
import { errorText, HostError } from './host-error';

/**
 * What a window asks of its host on an operator's action (not data loading, see loaders.ts).
 * Components call these instead of touching the host API themselves. The host decides whether
 * this window may do it; the answer is parsed with the command's own result schema.
 */
export async function runCommand<N extends CommandName>(name: N, payload: CommandPayloadInput<N>): Promise<CommandResult<N>> {
  const { api } = await host();
  const value = await api.invoke('command:run', { name, payload });
  const parsed = COMMANDS[name].result.safeParse(value);
  if (!parsed.success) throw new HostError('invalid', `${name}: the host's answer does not match the contract`);
  return parsed.data as CommandResult<N>;
}

/**
 * Runs a command from the console, tracking it in the operator store under `key` (so its button
 * shows it is busy) and keeping the refusal for the console to show. Never throws.
 */
export async function operatorCommand<N extends CommandName>(key: string, name: N, payload: CommandPayloadInput<N>): Promise<CommandResult<N> | null> {
  useOperatorStore.getState().commandStarted(key);
  try {
    const result = await runCommand(name, payload);
    useOperatorStore.getState().commandFinished(key, null);
    return result;
  } catch (error) {
    useOperatorStore.getState().commandFinished(key, errorText(error));
    return null;
  }
}

/** A key of the key table pressed in this window: the host looks it up and runs its command as the key. */
export async function pressKey(accelerator: string): Promise<CommandName | null> {
  const { api } = await host();
  return (await api.invoke('key:press', { accelerator })).command;
}

export async function saveCameraSnapshot(request: SnapshotRequest): Promise<SnapshotSaved> {
  return runCommand('camera.save-snapshot', request);
}

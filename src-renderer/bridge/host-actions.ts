import type { SnapshotRequest, SnapshotSaved } from '../../src-shared/ipc';
import { usePresetStore } from '../stores/preset-store';
import { host } from './connect';
import { errorText } from './host-error';

/**
 * Requests a renderer makes of its host on an operator's action (not data loading, see
 * loaders.ts). Components call these instead of touching the host API themselves.
 */
export async function saveCameraSnapshot(request: SnapshotRequest): Promise<SnapshotSaved> {
  const { api } = await host();
  return api.invoke('camera:save-snapshot', request);
}

/** Puts every wall the preset names on its layout; the walls follow through `wall:view`. */
export async function applyPreset(presetId: string): Promise<void> {
  const store = usePresetStore.getState();
  store.applyStarted(presetId);
  try {
    const { api } = await host();
    usePresetStore.getState().presetsLoaded(await api.invoke('preset:apply', { presetId }));
  } catch (error) {
    usePresetStore.getState().presetsFailed(errorText(error));
  }
}

import type { SnapshotRequest, SnapshotSaved } from '../../src-shared/ipc';
import { host } from './connect';

/**
 * Requests a renderer makes of its host on an operator's action (not data loading, see
 * loaders.ts). Components call these instead of touching the host API themselves.
 */
export async function saveCameraSnapshot(request: SnapshotRequest): Promise<SnapshotSaved> {
  const { api } = await host();
  return api.invoke('camera:save-snapshot', request);
}

import type { IocWallTransport } from '../../src-shared/preload-api';
import type { HostTransport } from './transport';

/** Checked structurally as well as typed: the global crosses a context bridge and may be absent or partial. */
function isPreloadTransport(value: unknown): value is IocWallTransport {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.invoke === 'function' && typeof candidate.on === 'function';
}

/** The Electron transport when this page runs under the app's preload, otherwise null (browser mode). */
export function electronTransport(): HostTransport | null {
  const preload: unknown = window.iocWall;
  if (!isPreloadTransport(preload)) return null;
  return {
    kind: 'electron',
    invoke: (channel, request) => preload.invoke(channel, request),
    on: (channel, listener) => preload.on(channel, listener),
  };
}

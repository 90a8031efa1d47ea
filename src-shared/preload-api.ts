import type { InvokeResult } from './ipc';

/**
 * What the Electron preload exposes as `window.iocWall`: an untyped transport the renderer's bridge
 * wraps in the typed HostApi. Untyped on purpose: the preload checks channel names, the host
 * validates payloads, and the renderer parses answers, so no layer trusts the shape blindly.
 */
export interface IocWallTransport {
  invoke(channel: string, request: unknown): Promise<InvokeResult<unknown>>;
  /** Subscribes to a host event; returns the unsubscribe function. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only in the desktop app; browser mode talks to the host over socket.io instead. */
    iocWall?: IocWallTransport;
  }
}

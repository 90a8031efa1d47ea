import type { InvokeResult } from '../../src-shared/ipc';

/**
 * The raw, untyped pipe to the host: Electron's preload global or the browser-mode socket.
 * Everything on it is `unknown` until host-api.ts has parsed it.
 */
export interface HostTransport {
  readonly kind: 'electron' | 'browser';
  /** Rejects only when the host cannot be reached; the host's own errors come back as `{ ok: false }`. */
  invoke(channel: string, request: unknown): Promise<InvokeResult<unknown>>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
  /**
   * Reports the renderer's own link to the host. Only browser mode can lose it; `reconnected` is
   * true when it comes back after a drop, the moment to re-fetch state the host may have moved past.
   */
  onLinkChange?(listener: (up: boolean, reconnected: boolean) => void): () => void;
  /** Browser mode: the host refused this page's credential (a session that ended, a wrong wall key); it will not retry. */
  onRefused?(listener: (message: string) => void): () => void;
}

/**
 * Which window this page is, and its credential, as it tells the browser-mode host when it
 * connects: a console's session token, a wall's key (src-renderer/access/credentials.ts).
 */
export type WindowIdentity = { role: 'console'; session: string } | { role: 'wall'; wallId: string; key: string };

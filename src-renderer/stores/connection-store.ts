import { create } from 'zustand';
import type { ConnectionState, ConnectionStatus } from '../../src-shared/ipc';

/** What one batch of hub messages did to the sequence: the new last seq and what was skipped. */
export interface BatchCount {
  lastSeq: number;
  duplicates: number;
  gaps: number;
}

/**
 * The wall's link to its data: the host's hub connection, the renderer's own link to the host
 * (browser mode can lose it), and where the wall stands in the hub's message sequence.
 */
export interface ConnectionStore {
  /** The host's connection to the hub, as last reported; null before `hub:state` answers. */
  connection: ConnectionState | null;
  /** Whether the renderer can reach its host at all (always true in Electron). */
  bridgeUp: boolean;
  /** When this page lost its host (ms, this page's clock); null while the link is up. */
  bridgeDownSince: number | null;
  /** Set once the first `hub:state` is applied: the wall has real data from then on. */
  hubLoaded: boolean;
  /** The hub the renderer's data came from, from the last snapshot. */
  hubId: string | null;
  /** Sequence number of the last hub message applied; later duplicates are ignored. */
  lastSeq: number;
  duplicates: number;
  gaps: number;
  /** Host payloads that failed their schema; shown on the console, never thrown. */
  invalidPayloads: number;
  /** Why the host refused this page's credential (browser mode), once it has; the link will not come back by itself. */
  refused: string | null;

  statusChanged(connection: ConnectionState): void;
  /** The page's link to its host went up or down; `at` is when (defaults to now). */
  bridgeChanged(up: boolean, at?: number): void;
  /** A full state or snapshot replaced everything: the sequence restarts from its seq. */
  snapshotApplied(hubId: string, seq: number, fromHubState: boolean): void;
  batchCounted(count: BatchCount): void;
  payloadRejected(): void;
  bridgeRefused(message: string): void;
}

export const useConnectionStore = create<ConnectionStore>()((set) => ({
  connection: null,
  bridgeUp: true,
  bridgeDownSince: null,
  hubLoaded: false,
  hubId: null,
  lastSeq: 0,
  duplicates: 0,
  gaps: 0,
  invalidPayloads: 0,
  refused: null,
  statusChanged: (connection) => set({ connection }),
  // A second "down" (socket.io's reconnect_failed after its disconnect) keeps the first loss's time.
  bridgeChanged: (bridgeUp, at = Date.now()) => set((s) => ({ bridgeUp, bridgeDownSince: bridgeUp ? null : (s.bridgeDownSince ?? at) })),
  snapshotApplied: (hubId, seq, fromHubState) => set((s) => ({ hubId, lastSeq: seq, hubLoaded: s.hubLoaded || fromHubState })),
  batchCounted: ({ lastSeq, duplicates, gaps }) => set((s) => ({ lastSeq, duplicates: s.duplicates + duplicates, gaps: s.gaps + gaps })),
  payloadRejected: () => set((s) => ({ invalidPayloads: s.invalidPayloads + 1 })),
  bridgeRefused: (refused) => set((s) => ({ refused, bridgeUp: false, bridgeDownSince: s.bridgeDownSince ?? Date.now() })),
}));

/** What the status pill shows: a lost host link means offline whatever the host last said. */
export function displayStatus(state: Pick<ConnectionStore, 'connection' | 'bridgeUp'>): ConnectionStatus {
  if (!state.bridgeUp) return 'offline';
  return state.connection?.status ?? 'connecting';
}

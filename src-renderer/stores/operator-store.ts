import { create } from 'zustand';
import type { OperatorState } from '../../src-shared/operator-state';

/** The console's picture of the walls (src-shared/operator-state.ts), and the last command it failed to run. */
export interface OperatorStore {
  state: OperatorState | null;
  loadError: string | null;
  /** Why the operator's last command was refused, until the next one. */
  commandError: string | null;
  /** Commands sent and not answered yet, by a key the sender chose (e.g. "preset:giao-ban"). */
  pending: ReadonlySet<string>;
  stateLoaded(state: OperatorState): void;
  loadFailed(error: string): void;
  commandStarted(key: string): void;
  commandFinished(key: string, error: string | null): void;
}

export const useOperatorStore = create<OperatorStore>()((set) => ({
  state: null,
  loadError: null,
  commandError: null,
  pending: new Set(),
  stateLoaded: (state) => set({ state, loadError: null }),
  loadFailed: (loadError) => set({ loadError }),
  commandStarted: (key) => set((s) => ({ pending: new Set([...s.pending, key]), commandError: null })),
  commandFinished: (key, error) =>
    set((s) => {
      const pending = new Set(s.pending);
      pending.delete(key);
      return { pending, commandError: error };
    }),
}));

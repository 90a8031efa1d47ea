import { create } from 'zustand';
import type { OperatorState } from '../../src-shared/operator-state';

/** The console's picture of the walls (src-shared/operator-state.ts), and the last command it failed to run. */
export interface OperatorStore {
  state: OperatorState | null;
  /**
   * When `state` arrived (ms): the host's countdowns (an agenda step's time left) are measured at
   * sending, so the console counts them down from here.
   */
  receivedAt: number;
  loadError: string | null;
  /** Why the operator's last command was refused, until the next one. */
  commandError: string | null;
  /** The key of that refused command, so the console shows the refusal where the operator acted. */
  commandErrorKey: string | null;
  /**
   * Refusals by command key, kept until that command is tried again: a row (an alert that could
   * not be acknowledged) keeps saying so even after other commands ran.
   */
  failures: ReadonlyMap<string, string>;
  /** Commands sent and not answered yet, by a key the sender chose (e.g. "preset:giao-ban"). */
  pending: ReadonlySet<string>;
  stateLoaded(state: OperatorState): void;
  loadFailed(error: string): void;
  commandStarted(key: string): void;
  commandFinished(key: string, error: string | null): void;
}

export const useOperatorStore = create<OperatorStore>()((set) => ({
  state: null,
  receivedAt: 0,
  loadError: null,
  commandError: null,
  commandErrorKey: null,
  failures: new Map(),
  pending: new Set(),
  stateLoaded: (state) => set({ state, receivedAt: Date.now(), loadError: null }),
  loadFailed: (loadError) => set({ loadError }),
  commandStarted: (key) =>
    set((s) => {
      const failures = new Map(s.failures);
      failures.delete(key);
      return { pending: new Set([...s.pending, key]), commandError: null, commandErrorKey: null, failures };
    }),
  commandFinished: (key, error) =>
    set((s) => {
      const pending = new Set(s.pending);
      pending.delete(key);
      const failures = new Map(s.failures);
      failures.delete(key);
      if (error !== null) return { pending, failures: failures.set(key, error), commandError: error, commandErrorKey: key };
      // A success says nothing about another command's refusal that came in meanwhile.
      return s.commandErrorKey === key ? { pending, failures, commandError: null, commandErrorKey: null } : { pending, failures };
    }),
}));

import { useOperatorStore } from '../../stores/operator-store';

/** Whether the console's command under `key` is on its way (its button shows it is busy). */
export function usePending(key: string): boolean {
  return useOperatorStore((s) => s.pending.has(key));
}

/** Why the command under `key` was refused, until it is tried again; null when it was not. */
export function useFailure(key: string): string | null {
  return useOperatorStore((s) => s.failures.get(key) ?? null);
}

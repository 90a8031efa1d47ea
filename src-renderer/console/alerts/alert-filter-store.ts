import { create } from 'zustand';
import { DEFAULT_ALERT_FILTER, type AlertFilter } from '../../alerts/alert-filter';

/**
 * The console's alert filter, outside the panel: it stays as the operator left it while alerts
 * arrive and change, and across anything that redraws the panel.
 */
interface AlertFilterStore {
  filter: AlertFilter;
  change(patch: Partial<AlertFilter>): void;
  reset(): void;
}

export const useAlertFilterStore = create<AlertFilterStore>()((set) => ({
  filter: DEFAULT_ALERT_FILTER,
  change: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  reset: () => set({ filter: DEFAULT_ALERT_FILTER }),
}));

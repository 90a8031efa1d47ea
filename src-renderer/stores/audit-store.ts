import { create } from 'zustand';

/**
 * The newest audit row id the host announced. An open audit panel re-reads its page when it moves;
 * nothing is fetched while the panel is closed (a busy room writes a row per key press).
 */
export interface AuditStore {
  lastId: number;
  appended(id: number): void;
}

export const useAuditStore = create<AuditStore>()((set) => ({
  lastId: 0,
  appended: (id) => set((s) => (id > s.lastId ? { lastId: id } : s)),
}));

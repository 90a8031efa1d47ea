import { create } from 'zustand';
import type { AppInfo } from '../../src-shared/ipc';

/** Who is hosting the renderer and how: language, mode, version and config problems. */
export interface AppInfoStore {
  info: AppInfo | null;
  error: string | null;
  infoLoaded(info: AppInfo): void;
  infoFailed(error: string): void;
}

export const useAppInfoStore = create<AppInfoStore>()((set) => ({
  info: null,
  error: null,
  infoLoaded: (info) => set({ info, error: null }),
  infoFailed: (error) => set({ error }),
}));

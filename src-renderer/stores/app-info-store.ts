import { create } from 'zustand';
import type { Language } from '../../src-shared/domain';
import type { AppInfo } from '../../src-shared/ipc';

/** Who is hosting the renderer and how: language, mode, version and config problems. */
export interface AppInfoStore {
  info: AppInfo | null;
  error: string | null;
  /**
   * The UI language in force: from `app:info`, then from each `app:language` event (an operator
   * switched it); null until either arrives. Both travel on the one link in order, so the later
   * one is the current one.
   */
  language: Language | null;
  infoLoaded(info: AppInfo): void;
  infoFailed(error: string): void;
  languageChanged(language: Language): void;
}

export const useAppInfoStore = create<AppInfoStore>()((set) => ({
  info: null,
  error: null,
  language: null,
  infoLoaded: (info) => set({ info, error: null, language: info.language }),
  infoFailed: (error) => set({ error }),
  languageChanged: (language) => set((s) => ({ language, info: s.info ? { ...s.info, language } : s.info })),
}));

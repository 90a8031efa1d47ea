import { create } from 'zustand';
import type { PresetState } from '../../src-shared/ipc';

/** The briefing presets and which one the walls show, for the console. */
export interface PresetStore {
  state: PresetState | null;
  error: string | null;
  /** The preset being applied, while the host has not answered. */
  applying: string | null;
  presetsLoaded(state: PresetState): void;
  presetsFailed(error: string): void;
  applyStarted(presetId: string): void;
}

export const usePresetStore = create<PresetStore>()((set) => ({
  state: null,
  error: null,
  applying: null,
  presetsLoaded: (state) => set({ state, error: null, applying: null }),
  presetsFailed: (error) => set({ error, applying: null }),
  applyStarted: (presetId) => set({ applying: presetId, error: null }),
}));

import { create } from 'zustand';

/** The keys' own UI in a window: the help overlay, and the last key press the host refused (shown briefly). */
export interface KeyFeedbackStore {
  helpOpen: boolean;
  /** The help overlay (F1, ?). */
  toggleHelp(): void;
  closeHelp(): void;
  refusal: { key: string; text: string; at: number } | null;
  refused(key: string, text: string): void;
  clearRefusal(): void;
}

export const useKeyFeedbackStore = create<KeyFeedbackStore>()((set) => ({
  helpOpen: false,
  toggleHelp: () => set((s) => ({ helpOpen: !s.helpOpen })),
  closeHelp: () => set({ helpOpen: false }),
  refusal: null,
  refused: (key, text) => set({ refusal: { key, text, at: Date.now() } }),
  clearRefusal: () => set({ refusal: null }),
}));

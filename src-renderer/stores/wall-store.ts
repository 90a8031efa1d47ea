import { create } from 'zustand';
import type { TourView, WallView } from '../../src-shared/wall-view';

export type WallLoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A tour as the host last sent it, with when it arrived (its time left counts from then). */
export interface ReceivedTour extends TourView {
  receivedAt: number;
}

/**
 * The wall this window shows, as the host decides it: the layout with what operators pushed onto
 * it, the enlarged tile, a rule's takeover, and where each camera tour stands.
 */
export interface WallStore {
  wallId: string | null;
  status: WallLoadStatus;
  view: WallView | null;
  tours: Readonly<Record<string, ReceivedTour>>;
  error: string | null;
  loadStarted(wallId: string): void;
  loaded(view: WallView): void;
  toursChanged(tours: Readonly<Record<string, TourView>>): void;
  failed(error: string): void;
}

const received = (tours: Readonly<Record<string, TourView>>): Record<string, ReceivedTour> => {
  const at = Date.now();
  return Object.fromEntries(Object.entries(tours).map(([id, tour]) => [id, { ...tour, receivedAt: at }]));
};

export const useWallStore = create<WallStore>()((set) => ({
  wallId: null,
  status: 'idle',
  view: null,
  tours: {},
  error: null,
  loadStarted: (wallId) => set({ wallId, status: 'loading', error: null }),
  loaded: (view) => set({ view, tours: received(view.tours), status: 'ready', error: null }),
  toursChanged: (tours) => set({ tours: received(tours) }),
  failed: (error) => set({ status: 'error', error }),
}));

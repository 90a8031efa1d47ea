import { create } from 'zustand';
import type { CameraState } from '../tiles/camera/camera-health';

/**
 * What this wall's players see of each camera right now (live, stalled, offline…), so a map can
 * colour a camera marker by the same health its tile shows. Only cameras on a tile are here; the
 * map falls back to the hub's registry status for the rest.
 */
export interface CameraStateStore {
  states: ReadonlyMap<string, CameraState>;
  report(cameraId: string, state: CameraState | null): void;
}

export const useCameraStateStore = create<CameraStateStore>()((set) => ({
  states: new Map(),
  report: (cameraId, state) =>
    set((s) => {
      if ((s.states.get(cameraId) ?? null) === state) return s;
      const states = new Map(s.states);
      if (state === null) states.delete(cameraId);
      else states.set(cameraId, state);
      return { states };
    }),
}));

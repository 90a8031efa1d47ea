import { create } from 'zustand';
import type { Camera } from '../../src-shared/domain';

/** The hub's camera registry: where each camera streams from and whether the hub sees it online. */
export interface CameraStore {
  cameras: Readonly<Record<string, Camera>>;
  replaceAll(cameras: readonly Camera[]): void;
  cameraReceived(camera: Camera): void;
}

export const useCameraStore = create<CameraStore>()((set) => ({
  cameras: {},
  replaceAll: (cameras) => set({ cameras: Object.fromEntries(cameras.map((c) => [c.id, c])) }),
  cameraReceived: (camera) => set((s) => ({ cameras: { ...s.cameras, [camera.id]: camera } })),
}));

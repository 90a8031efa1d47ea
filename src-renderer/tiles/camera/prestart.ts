import { bootCamerasOf, type BootCamera } from '../../../src-shared/wall-boot';
import { useAppInfoStore } from '../../stores/app-info-store';
import { useCameraStore } from '../../stores/camera-store';
import { latestOf } from '../../stores/topic-table';
import { useWallStore } from '../../stores/wall-store';
import { defaultDecodeBudget } from './decode-budget';
import { playerPool } from './player-pool';

/** The wall's camera tiles with their sources, once the layout, the registry and the budget are known. */
function earlyLeases(): BootCamera[] | null {
  const info = useAppInfoStore.getState().info;
  const view = useWallStore.getState().view;
  const table = useCameraStore.getState().table;
  if (!info || !view || table.size === 0) return null;
  // The configured budget before any stream starts, so none is started only to be suspended.
  playerPool.setBudget(info.cameraDecodeBudget ?? defaultDecodeBudget(navigator.hardwareConcurrency));
  return bootCamerasOf(view, (cameraId) => latestOf(table, cameraId));
}

/**
 * The second way a wall's streams start early, when the boot answer (wall/boot-cameras.ts) did not
 * come: as soon as the layout, the camera registry and the app info are in from the bridge, while
 * the wall's own chunk and React tree are still on their way. Tiles the boot already started are
 * skipped (the pool keeps one early lease per tile). If any of them never arrives, nothing starts
 * early and the tiles start their players as before.
 */
export function prestartCameras(): void {
  const leases = earlyLeases();
  if (leases) {
    playerPool.prestart(leases);
    return;
  }
  const check = (): void => {
    const ready = earlyLeases();
    if (!ready) return;
    unsubscribe.forEach((stop) => stop());
    playerPool.prestart(ready);
  };
  const unsubscribe = [useAppInfoStore.subscribe(check), useWallStore.subscribe(check), useCameraStore.subscribe(check)];
}

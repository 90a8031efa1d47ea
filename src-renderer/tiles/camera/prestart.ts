import { useAppInfoStore } from '../../stores/app-info-store';
import { useCameraStore } from '../../stores/camera-store';
import { latestOf } from '../../stores/topic-table';
import { useWallStore } from '../../stores/wall-store';
import { cameraSource } from './camera-source';
import { defaultDecodeBudget } from './decode-budget';
import { playerPool, type EarlyLease } from './player-pool';

/** The wall's camera tiles with their sources, once the layout, the registry and the budget are known. */
function earlyLeases(): EarlyLease[] | null {
  const info = useAppInfoStore.getState().info;
  const view = useWallStore.getState().view;
  const table = useCameraStore.getState().table;
  if (!info || !view || table.size === 0) return null;
  // The configured budget before any stream starts, so none is started only to be suspended.
  playerPool.setBudget(info.cameraDecodeBudget ?? defaultDecodeBudget(navigator.hardwareConcurrency));
  // Camera tiles, tours on the camera the host says they show, and a camera put over the whole wall.
  const tiles = view.focus ? [...view.layout.tiles, view.focus] : view.layout.tiles;
  return tiles.flatMap((tile, order) => {
    const cameraId = tile.kind === 'camera' ? tile.cameraId : tile.kind === 'camera-tour' ? (view.tours[tile.id]?.cameraId ?? tile.cameraIds[0]) : undefined;
    const camera = cameraId === undefined ? undefined : latestOf(table, cameraId);
    const enlarged = view.enlargedTileId === tile.id;
    const visible = view.enlargedTileId === null || enlarged;
    return camera ? [{ tileKey: tile.id, source: cameraSource(camera), terms: { order: enlarged ? -1 : order, visible } }] : [];
  });
}

/**
 * Starts the wall's camera streams as soon as its layout, the camera registry and the app info are
 * in, while the wall's own chunk and React tree are still on their way: each camera tile's player
 * is leased now, and the tile takes that same player, already loading, when it mounts. If any of
 * them never arrives, nothing starts early and the tiles start their players as before.
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

import type { MapController } from './map-controller';

/**
 * The map controllers of this wall by tile id, so the wall keys can ask a map which camera an
 * arrow moves to, without importing maplibre where no map is shown. Also on `window.__iocMaps`:
 * the end-to-end tests read `map.project` from it, as an operator's eye reads the marker.
 */
const controllers = new Map<string, MapController>();

declare global {
  interface Window {
    __iocMaps?: Map<string, MapController>;
  }
}

export function registerMapController(tileId: string, controller: MapController): () => void {
  controllers.set(tileId, controller);
  window.__iocMaps = controllers;
  return () => {
    if (controllers.get(tileId) === controller) controllers.delete(tileId);
  };
}

export function mapControllerOf(tileId: string): MapController | undefined {
  return controllers.get(tileId);
}

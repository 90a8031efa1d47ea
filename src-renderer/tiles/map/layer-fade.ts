import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapLayer } from '../../../src-shared/map';

/**
 * A live layer past its stale threshold fades, as a stale tile dims: its style layers (those whose
 * id starts with the layer's name) drop to a third of their opacity, so old positions never pass
 * for live ones. The legend carries the "DỮ LIỆU CŨ" mark beside it.
 */
const OPACITY: Readonly<Record<string, readonly string[]>> = {
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity'],
  fill: ['fill-opacity'],
  line: ['line-opacity'],
};
const FADED = 0.3;

/** Each map's own opacities, recorded on the first fade so un-fading restores them exactly. */
const ownOpacity = new WeakMap<MapLibreMap, Map<string, unknown>>();

export function fadeLayers(map: MapLibreMap, layer: MapLayer, faded: boolean): void {
  let own = ownOpacity.get(map);
  if (!own) ownOpacity.set(map, (own = new Map()));
  for (const style of map.getStyle().layers) {
    if (!style.id.startsWith(`${layer}-`)) continue;
    for (const property of OPACITY[style.type] ?? []) {
      const key = `${style.id}/${property}`;
      if (!own.has(key)) own.set(key, map.getPaintProperty(style.id, property as never) ?? 1);
      const base = own.get(key);
      const value = faded ? (typeof base === 'number' ? base * FADED : ['*', FADED, base]) : base;
      map.setPaintProperty(style.id, property as never, value as never);
    }
  }
}

import { useEffect, useState } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { MAP_TILEJSON_PATH, MAP_UNITS_PATH, type MapInfo } from '../../../src-shared/map-info';
import { useAppInfoStore } from '../../stores/app-info-store';
import type { OverlayInfo } from './map-style';

/**
 * The deployment's own map data, served by the host at same-origin URLs (src-main/map): the
 * MBTiles overlay's TileJSON and the administrative units file. Either may be absent (404), and
 * a map without them still shows the basemap and its live layers. Fetched once per page.
 */
export interface DeploymentMap {
  loaded: boolean;
  overlay: (OverlayInfo & { attribution?: string }) | null;
  units: FeatureCollection<Geometry, { name: string }> | null;
}

let loading: Promise<Omit<DeploymentMap, 'loaded'>> | null = null;

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path, { credentials: 'omit' });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as unknown;
}

async function load(info: MapInfo | undefined): Promise<Omit<DeploymentMap, 'loaded'>> {
  // Only what the host says it serves: a wall asks for nothing that would answer 404.
  const [tileJson, units] = await Promise.all([
    info?.tiles ? fetchJson(MAP_TILEJSON_PATH).catch(() => null) : null,
    info?.units.source === 'file' ? fetchJson(MAP_UNITS_PATH).catch(() => null) : null,
  ]);
  let overlay: DeploymentMap['overlay'] = null;
  if (tileJson && typeof tileJson === 'object') {
    const spec = tileJson as { format?: unknown; attribution?: unknown; vector_layers?: { id?: unknown }[] };
    overlay = {
      format: typeof spec.format === 'string' ? spec.format : 'pbf',
      tileJsonUrl: new URL(MAP_TILEJSON_PATH, window.location.href).href,
      vectorLayers: (spec.vector_layers ?? []).flatMap((layer) => (typeof layer.id === 'string' ? [layer.id] : [])),
      // Shown as text: an MBTiles attribution often carries HTML links, and the wall follows no link.
      ...(typeof spec.attribution === 'string' ? { attribution: spec.attribution.replace(/<[^>]*>/g, '').trim() } : {}),
    };
  }
  return { overlay, units: units as DeploymentMap['units'] };
}

export function useDeploymentMap(): DeploymentMap {
  const [state, setState] = useState<DeploymentMap>({ loaded: false, overlay: null, units: null });
  const info = useAppInfoStore((s) => s.info);
  useEffect(() => {
    if (!info) return;
    let live = true;
    loading ??= load(info.map);
    loading.then((found) => live && setState({ loaded: true, ...found })).catch(() => live && setState({ loaded: true, overlay: null, units: null }));
    return () => {
      live = false;
    };
  }, [info]);
  return state;
}

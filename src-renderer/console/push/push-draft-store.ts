import { create } from 'zustand';
import type { MapLayer, MapViewRef } from '../../../src-shared/map';
import type { PushedContent } from '../../../src-shared/wall-view';

const MAP_LAYERS_PUSHED: readonly MapLayer[] = ['cameras', 'alerts', 'reports', 'stations'];

/** Kinds of content the console can put on a wall, one picker each. */
export const PUSH_SOURCES = ['camera', 'kpi', 'map'] as const;
export type PushSource = (typeof PUSH_SOURCES)[number];

/**
 * What the operator is about to put on a wall: chosen in the push panel (or from an alert's
 * camera), then dropped on a tile of any wall's miniature. While something is chosen, the walls'
 * miniatures take clicks on their tiles.
 */
export interface PushDraftStore {
  source: PushSource;
  cameraId: string | null;
  kpiId: string | null;
  chart: 'line' | 'gauge';
  /** A district's series of the KPI; null: province-wide. */
  district: string | null;
  /** The wall the push panel aims at; null: the console's selected wall. */
  wallId: string | null;
  cameraQuery: string;
  kpiQuery: string;
  /** The map view to put on a tile (the map picker); null: none chosen. */
  mapView: MapViewRef | null;
  mapLayers: readonly MapLayer[];
  chooseMapView(view: MapViewRef | null): void;
  toggleMapLayer(layer: MapLayer): void;
  showSource(source: PushSource): void;
  chooseCamera(cameraId: string | null): void;
  chooseKpi(kpiId: string | null): void;
  setChart(chart: 'line' | 'gauge'): void;
  setDistrict(district: string | null): void;
  aimAt(wallId: string): void;
  searchCameras(query: string): void;
  searchKpis(query: string): void;
  /** Nothing chosen any more (after a push, or the operator let go). */
  release(): void;
}

export const usePushDraftStore = create<PushDraftStore>()((set) => ({
  source: 'camera',
  cameraId: null,
  kpiId: null,
  chart: 'line',
  district: null,
  wallId: null,
  cameraQuery: '',
  kpiQuery: '',
  mapView: null,
  mapLayers: MAP_LAYERS_PUSHED,
  chooseMapView: (mapView) => set({ mapView, source: 'map' }),
  toggleMapLayer: (layer) => set((s) => ({ mapLayers: s.mapLayers.includes(layer) ? s.mapLayers.filter((l) => l !== layer) : [...s.mapLayers, layer] })),
  showSource: (source) => set({ source }),
  chooseCamera: (cameraId) => set({ cameraId, source: 'camera' }),
  chooseKpi: (kpiId) => set((s) => ({ kpiId, source: 'kpi', district: kpiId === s.kpiId ? s.district : null })),
  setChart: (chart) => set({ chart }),
  setDistrict: (district) => set({ district }),
  aimAt: (wallId) => set({ wallId }),
  searchCameras: (cameraQuery) => set({ cameraQuery }),
  searchKpis: (kpiQuery) => set({ kpiQuery }),
  release: () => set({ cameraId: null, kpiId: null, district: null, mapView: null }),
}));

/** The content the draft would put on a tile, or null when the shown picker has nothing chosen. */
export function draftContent(draft: Pick<PushDraftStore, 'source' | 'cameraId' | 'kpiId' | 'chart' | 'district'> & Partial<Pick<PushDraftStore, 'mapView' | 'mapLayers'>>): PushedContent | null {
  if (draft.source === 'camera') return draft.cameraId ? { kind: 'camera', cameraId: draft.cameraId } : null;
  if (draft.source === 'map') return draft.mapView && draft.mapLayers && draft.mapLayers.length > 0 ? { kind: 'map', view: draft.mapView, layers: [...draft.mapLayers] } : null;
  if (!draft.kpiId) return null;
  return { kind: 'kpi', kpiId: draft.kpiId, chart: draft.chart, ...(draft.district ? { district: draft.district } : {}) };
}

/** Whether something is chosen, so the walls' miniatures take clicks (a boolean: a stable selector). */
export const selectArmed = (draft: PushDraftStore): boolean => draftContent(draft) !== null;

import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Bbox, MapLayer } from '../../../src-shared/map';
import { VN_AQI_BANDS } from '../../../src-shared/map';

/**
 * The map's style: the basemap that ships with the app (land, sea, the former province outlines,
 * place names) with the deployment's MBTiles overlay when it has one, and the live layers over it.
 * No `glyphs`: labels are drawn from the page's own Be Vietnam Pro (maplibre ≥ 5.11 draws text
 * from loaded web fonts), so nothing is fetched from a glyph server and Vietnamese reads right.
 * Every URL is the app's own origin.
 */

export const MAP_FONT = ['Be Vietnam Pro'];

/** The wall's palette (styles/base.css), so the map sits in the wall like every other tile. */
export const MAP_COLORS = {
  sea: '#071a2e',
  /** Beyond what the basemap covers: neither land nor sea, so it passes for neither. */
  beyond: '#05080f',
  land: '#1c2a3a',
  landOutline: '#34485f',
  province: '#3b82f6',
  neighbour: '#3a4a60',
  label: '#c9d4e6',
  labelHalo: '#060a13',
  critical: '#ef4444',
  warning: '#fbbf24',
  info: '#60a5fa',
  cameraLive: '#34d399',
  cameraTrouble: '#fbbf24',
  cameraOffline: '#f87171',
  cameraIdle: '#93a4bf',
  reportReceived: '#f472b6',
  reportProcessing: '#fbbf24',
  reportResolved: '#34d399',
  unitLow: '#1e3a5f',
  unitHigh: '#f59e0b',
} as const;

export interface BasemapUrls {
  land: string;
  provinces: string;
  places: string;
  /** The boxes the basemap covers: sea inside them, "no map here" outside. */
  covered: readonly Bbox[];
}

/** The overlay a deployment's MBTiles gives: vector layers drawn as lines and fills, or a raster. */
export interface OverlayInfo {
  format: string;
  tileJsonUrl: string;
  vectorLayers: readonly string[];
}

export const LIVE_SOURCES = ['cameras', 'alerts', 'reports', 'stations', 'units'] as const satisfies readonly MapLayer[];

const emptyData = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

function overlayLayers(overlay: OverlayInfo): LayerSpecification[] {
  if (overlay.format !== 'pbf') return [{ id: 'overlay-raster', type: 'raster', source: 'overlay', paint: { 'raster-opacity': 0.85 } }];
  return overlay.vectorLayers.flatMap((layer): LayerSpecification[] => [
    { id: `overlay-${layer}-fill`, type: 'fill', source: 'overlay', 'source-layer': layer, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#22324a', 'fill-opacity': 0.6 } },
    { id: `overlay-${layer}-line`, type: 'line', source: 'overlay', 'source-layer': layer, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#4b5d78', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 14, 2.5] } },
  ]);
}

const severityColor: ExpressionSpecification = ['match', ['get', 'rank'], 2, MAP_COLORS.critical, 1, MAP_COLORS.warning, MAP_COLORS.info];
const cameraColor: ExpressionSpecification = ['match', ['get', 'state'], 'live', MAP_COLORS.cameraLive, 'trouble', MAP_COLORS.cameraTrouble, 'offline', MAP_COLORS.cameraOffline, MAP_COLORS.cameraIdle];
const reportColor: ExpressionSpecification = ['match', ['get', 'status'], 'received', MAP_COLORS.reportReceived, 'processing', MAP_COLORS.reportProcessing, MAP_COLORS.reportResolved];

/** The live layers, in drawing order (units under everything, alerts on top). `scale` grows markers with the tile. */
export function liveLayers(shown: readonly MapLayer[], scale: number): LayerSpecification[] {
  const s = (px: number): number => Math.round(px * scale * 10) / 10;
  const on = (layer: MapLayer): boolean => shown.includes(layer);
  const layers: LayerSpecification[] = [];
  if (on('units')) {
    layers.push(
      { id: 'units-fill', type: 'fill', source: 'units', filter: ['all', ['==', ['geometry-type'], 'Polygon'], ['has', 'share']], paint: { 'fill-color': ['interpolate', ['linear'], ['get', 'share'], 0, MAP_COLORS.unitLow, 1, MAP_COLORS.unitHigh], 'fill-opacity': 0.55 } },
      { id: 'units-outline', type: 'line', source: 'units', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'line-color': '#5b6f8f', 'line-width': 0.8 } },
      { id: 'units-circle', type: 'circle', source: 'units', filter: ['all', ['==', ['geometry-type'], 'Point'], ['has', 'share']], paint: { 'circle-color': ['interpolate', ['linear'], ['get', 'share'], 0, MAP_COLORS.unitLow, 1, MAP_COLORS.unitHigh], 'circle-opacity': 0.55, 'circle-radius': ['interpolate', ['linear'], ['get', 'share'], 0, s(8), 1, s(26)], 'circle-stroke-color': MAP_COLORS.unitHigh, 'circle-stroke-width': 1 } },
      { id: 'units-label', type: 'symbol', source: 'units', filter: ['has', 'value'], layout: { 'text-field': ['to-string', ['get', 'value']], 'text-font': MAP_FONT, 'text-size': s(12), 'text-allow-overlap': false }, paint: { 'text-color': '#ffffff', 'text-halo-color': MAP_COLORS.labelHalo, 'text-halo-width': 1.5 } },
    );
  }
  if (on('reports')) {
    layers.push(
      { id: 'reports-cluster', type: 'circle', source: 'reports', filter: ['has', 'point_count'], paint: { 'circle-color': MAP_COLORS.reportReceived, 'circle-opacity': 0.35, 'circle-stroke-color': MAP_COLORS.reportReceived, 'circle-stroke-width': 1.5, 'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, s(10), 100, s(22), 1000, s(32)] } },
      { id: 'reports-cluster-count', type: 'symbol', source: 'reports', filter: ['has', 'point_count'], layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': MAP_FONT, 'text-size': s(12), 'text-allow-overlap': true }, paint: { 'text-color': '#ffffff' } },
      { id: 'reports-point', type: 'circle', source: 'reports', filter: ['!', ['has', 'point_count']], paint: { 'circle-color': reportColor, 'circle-radius': s(4.5), 'circle-stroke-color': MAP_COLORS.labelHalo, 'circle-stroke-width': 1 } },
    );
  }
  if (on('stations')) {
    layers.push(
      { id: 'stations-point', type: 'circle', source: 'stations', paint: { 'circle-color': ['get', 'color'], 'circle-radius': s(9), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
      { id: 'stations-label', type: 'symbol', source: 'stations', layout: { 'text-field': ['get', 'label'], 'text-font': MAP_FONT, 'text-size': s(11), 'text-offset': [0, 1.5], 'text-anchor': 'top', 'text-allow-overlap': true }, paint: { 'text-color': '#ffffff', 'text-halo-color': MAP_COLORS.labelHalo, 'text-halo-width': 1.5 } },
    );
  }
  if (on('cameras')) {
    layers.push(
      { id: 'cameras-selected', type: 'circle', source: 'cameras', filter: ['==', ['get', 'id'], ''], paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': s(13), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': s(3) } },
      { id: 'cameras-point', type: 'circle', source: 'cameras', paint: { 'circle-color': cameraColor, 'circle-radius': s(6.5), 'circle-stroke-color': MAP_COLORS.labelHalo, 'circle-stroke-width': 1.5 } },
    );
  }
  if (on('alerts')) {
    layers.push(
      { id: 'alerts-cluster', type: 'circle', source: 'alerts', filter: ['has', 'point_count'], paint: { 'circle-color': ['step', ['get', 'maxRank'], MAP_COLORS.info, 1, MAP_COLORS.warning, 2, MAP_COLORS.critical], 'circle-opacity': 0.85, 'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, s(12), 50, s(24)], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } },
      { id: 'alerts-cluster-count', type: 'symbol', source: 'alerts', filter: ['has', 'point_count'], layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': MAP_FONT, 'text-size': s(13), 'text-allow-overlap': true }, paint: { 'text-color': '#ffffff' } },
      { id: 'alerts-point', type: 'circle', source: 'alerts', filter: ['!', ['has', 'point_count']], layout: { 'circle-sort-key': ['get', 'rank'] }, paint: { 'circle-color': severityColor, 'circle-radius': ['match', ['get', 'rank'], 2, s(9), 1, s(7.5), s(6)], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': ['case', ['get', 'open'], 2.5, 1] } },
    );
  }
  return layers;
}

/** The live sources, empty until the first data; alerts and reports cluster where they crowd. */
export function liveSources(): Record<string, SourceSpecification> {
  return {
    cameras: { type: 'geojson', data: emptyData(), promoteId: 'id' },
    alerts: { type: 'geojson', data: emptyData(), cluster: true, clusterRadius: 40, clusterMaxZoom: 12, clusterProperties: { maxRank: ['max', ['get', 'rank']] } },
    reports: { type: 'geojson', data: emptyData(), cluster: true, clusterRadius: 45, clusterMaxZoom: 13 },
    stations: { type: 'geojson', data: emptyData(), promoteId: 'id' },
    units: { type: 'geojson', data: emptyData() },
  };
}

export function mapStyle(basemap: BasemapUrls, overlay: OverlayInfo | null, shown: readonly MapLayer[], scale: number): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {
    covered: { type: 'geojson', data: { type: 'FeatureCollection', features: basemap.covered.map(([w, s, e, n]) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } })) } },
    land: { type: 'geojson', data: basemap.land },
    provinces: { type: 'geojson', data: basemap.provinces },
    places: { type: 'geojson', data: basemap.places },
    ...liveSources(),
  };
  if (overlay) sources.overlay = overlay.format === 'pbf' ? { type: 'vector', url: overlay.tileJsonUrl } : { type: 'raster', url: overlay.tileJsonUrl, tileSize: 256 };
  const s = (px: number): number => Math.round(px * scale * 10) / 10;
  const layers: LayerSpecification[] = [
    { id: 'beyond', type: 'background', paint: { 'background-color': MAP_COLORS.beyond } },
    { id: 'sea', type: 'fill', source: 'covered', paint: { 'fill-color': MAP_COLORS.sea } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': MAP_COLORS.land } },
    { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': MAP_COLORS.landOutline, 'line-width': 1 } },
    ...(overlay ? overlayLayers(overlay) : []),
    { id: 'neighbours', type: 'line', source: 'provinces', filter: ['!=', ['get', 'focus'], true], paint: { 'line-color': MAP_COLORS.neighbour, 'line-width': 1, 'line-dasharray': [3, 2] } },
    { id: 'province', type: 'line', source: 'provinces', filter: ['==', ['get', 'focus'], true], paint: { 'line-color': MAP_COLORS.province, 'line-width': s(2), 'line-opacity': 0.8 } },
    {
      id: 'places',
      type: 'symbol',
      source: 'places',
      filter: ['!=', ['get', 'rank'], 1],
      // Towns and communes where there is room; the cities are drawn over everything below.
      layout: { 'text-field': ['get', 'name'], 'text-font': MAP_FONT, 'text-size': ['match', ['get', 'rank'], 2, s(13), s(11)], 'symbol-sort-key': ['coalesce', ['get', 'rank'], 9], 'text-padding': 4 },
      paint: { 'text-color': MAP_COLORS.label, 'text-halo-color': MAP_COLORS.labelHalo, 'text-halo-width': 1.5, 'text-opacity': 0.85 },
    },
    ...liveLayers(shown, scale),
    // The cities (rank 1) on top and always drawn: an operator finds Vũng Tàu and Bà Rịa before anything else.
    {
      id: 'places-cities',
      type: 'symbol',
      source: 'places',
      filter: ['==', ['get', 'rank'], 1],
      layout: { 'text-field': ['get', 'name'], 'text-font': MAP_FONT, 'text-size': s(16), 'text-allow-overlap': true, 'text-ignore-placement': true, 'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 0.9 },
      paint: { 'text-color': '#ffffff', 'text-halo-color': MAP_COLORS.labelHalo, 'text-halo-width': 2 },
    },
  ];
  return { version: 8, sources, layers };
}

/** The legend's AQI bands (Vietnam's), in order. */
export const AQI_LEGEND = VN_AQI_BANDS;

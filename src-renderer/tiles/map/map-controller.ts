import { LngLatBounds, Map as MapLibreMap, Marker, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Bbox, MapLayer } from '../../../src-shared/map';
import { fadeLayers } from './layer-fade';
import { pickInDirection, type ScreenPoint } from './camera-pick';

/**
 * The maplibre side of a map tile, kept outside React: the main map and, for the province view,
 * the Côn Đảo inset (a second small map, so what happens 180 km offshore is never off-screen).
 * Live data is coalesced per source to at most one `setData` every COALESCE_MS, however fast the
 * hub sends, so a storm of reports costs one re-tiling per source per tick, not one per message.
 */

const COALESCE_MS = 100;
/**
 * Most pulsing rings at once, warnings and critical ones only. Each is a DOM marker with a CSS
 * animation: cheap on a GPU, but with software compositing (a wall PC without one) 40 rings cost
 * the page more than a second of main thread in every five (bench map-wall).
 */
const MAX_PULSES = 12;

export interface MapHome {
  bbox: Bbox;
  /** The inset's box (Côn Đảo) when the view is the whole province. */
  inset: Bbox | null;
}

export interface ControllerOptions {
  container: HTMLElement;
  insetContainer: HTMLElement | null;
  style: StyleSpecification;
  home: MapHome;
  onCameraClick(cameraId: string, open: boolean): void;
  onError(message: string): void;
  onFirstRender(): void;
  /** Room the tile's overlays take at each edge (the legend on the right), so the home view fits beside them. */
  padding(): { top: number; right: number; bottom: number; left: number };
}

export class MapController {
  readonly main: MapLibreMap;
  private inset: MapLibreMap | null = null;
  private home: MapHome;
  private readonly pending = new Map<string, FeatureCollection>();
  private readonly lastData = new Map<string, FeatureCollection>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pulses = new Map<string, Marker>();
  private focus: { lng: number; lat: number } | null = null;
  private focusMarker: Marker | null = null;
  private selectedCamera: string | null = null;
  private destroyed = false;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly options: ControllerOptions) {
    this.home = options.home;
    const common = { style: options.style, attributionControl: false as const, doubleClickZoom: false, fadeDuration: 0, maxPitch: 0, dragRotate: false, pitchWithRotate: false, touchPitch: false, renderWorldCopies: false, cancelPendingTileRequestsWhileZooming: true };
    this.main = new MapLibreMap({ ...common, container: options.container, bounds: toBounds(this.home.bbox), fitBoundsOptions: { padding: options.padding() } });
    // Ready once the basemap is drawn. Not 'load' or 'idle': with live data arriving every few
    // hundred milliseconds, a large wall's map may not be idle (or "fully loaded") for a long time.
    let rendered = false;
    const firstRender = (force: boolean): void => {
      if (rendered || (!force && (!this.main.isStyleLoaded() || !this.main.isSourceLoaded('land')))) return;
      rendered = true;
      this.main.off('render', onRender);
      options.onFirstRender();
    };
    const onRender = (): void => firstRender(false);
    this.main.on('render', onRender);
    // maplibre's own "first complete frame": a map that starts flying to an alert at once re-tiles its
    // sources on every frame of the flight, so the check above may not pass until the flight ends.
    this.main.once('load', () => {
      // Data that came before the style had built its sources (a wall painting from its cache at
      // once) found no source to take it: hand the latest of each now.
      for (const [source, data] of this.lastData) (this.main.getSource(source) as GeoJSONSource | undefined)?.setData(data);
      firstRender(true);
    });
    this.main.on('error', (event) => options.onError(event.error?.message ?? 'map error'));
    for (const layer of ['cameras-point', 'cameras-selected']) {
      this.main.on('click', layer, (event) => {
        const id = event.features?.[0]?.properties?.id;
        if (typeof id === 'string') options.onCameraClick(id, false);
      });
      this.main.on('dblclick', layer, (event) => {
        event.preventDefault();
        const id = event.features?.[0]?.properties?.id;
        if (typeof id === 'string') options.onCameraClick(id, true);
      });
    }
    this.setInset(options.insetContainer, this.home.inset);
    this.resizeObserver = new ResizeObserver(() => this.resized());
    this.resizeObserver.observe(options.container);
  }

  private setInset(container: HTMLElement | null, bbox: Bbox | null): void {
    this.inset?.remove();
    this.inset = null;
    if (!container || !bbox) return;
    this.inset = new MapLibreMap({ container, style: this.options.style, attributionControl: false, interactive: false, fadeDuration: 0, renderWorldCopies: false, bounds: toBounds(bbox), fitBoundsOptions: { padding: 6 } });
    this.insetSent.clear();
    this.inset.once('load', () => {
      for (const [source, data] of this.lastData) this.setInsetData(source, data);
    });
  }

  private maps(): MapLibreMap[] {
    return this.inset ? [this.main, this.inset] : [this.main];
  }

  private resized(): void {
    if (this.destroyed) return;
    for (const map of this.maps()) map.resize();
    if (this.focus === null) this.fitHome(false);
  }

  /** The view the map rests on; the inset comes and goes with the province view. */
  setHome(home: MapHome, insetContainer: HTMLElement | null): void {
    const insetChanged = JSON.stringify(home.inset) !== JSON.stringify(this.home.inset);
    this.home = home;
    if (insetChanged) this.setInset(insetContainer, home.inset);
    if (this.focus === null) this.fitHome(true);
  }

  private fitHome(animate: boolean): void {
    this.main.fitBounds(toBounds(this.home.bbox), { padding: this.options.padding(), animate, duration: animate ? 1200 : 0 });
    if (this.inset && this.home.inset) this.inset.fitBounds(toBounds(this.home.inset), { padding: 6, animate: false });
  }

  /** Flies to an alert (follow mode), or home with null. The camera ring marks the place. */
  setFocus(point: { lng: number; lat: number } | null): void {
    if (JSON.stringify(point) === JSON.stringify(this.focus)) return;
    this.focus = point;
    this.focusMarker?.remove();
    this.focusMarker = null;
    if (point === null) {
      this.fitHome(true);
      return;
    }
    const ring = document.createElement('div');
    ring.className = 'map-focus-ring';
    this.focusMarker = new Marker({ element: ring }).setLngLat([point.lng, point.lat]).addTo(this.main);
    // Close enough to see which crossroads, far enough to keep the towns around it for bearings.
    this.main.flyTo({ center: [point.lng, point.lat], zoom: Math.max(this.main.getZoom(), 11.5), duration: 2500, essential: true });
  }

  /** New data for a live source; drawn on the next coalescing tick. */
  setData(source: MapLayer, data: FeatureCollection): void {
    if (this.destroyed) return;
    this.pending.set(source, data);
    this.flushTimer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.destroyed) return;
    for (const [source, data] of this.pending) {
      this.lastData.set(source, data);
      (this.main.getSource(source) as GeoJSONSource | undefined)?.setData(data);
      this.setInsetData(source, data);
      if (source === 'alerts') this.syncPulses(data as FeatureCollection<Point, { id: string; open: boolean; rank: number }>);
    }
    this.pending.clear();
  }

  /**
   * The inset gets only what lies in its box, and only when that changed: Côn Đảo's data changes
   * rarely, and every `setData` re-tiles and redraws a second map (bench map-wall).
   */
  private readonly insetSent = new Map<string, string>();
  private setInsetData(source: string, data: FeatureCollection): void {
    const box = this.home.inset;
    if (!this.inset || !box) return;
    const inBox = { type: 'FeatureCollection' as const, features: data.features.filter((f) => featureIn(f, box)) };
    const key = JSON.stringify(inBox);
    if (this.insetSent.get(source) === key) return;
    this.insetSent.set(source, key);
    (this.inset.getSource(source) as GeoJSONSource | undefined)?.setData(inBox);
  }

  /** Rings that pulse (CSS, on the compositor) over alerts nobody has taken yet, the most severe first. */
  private syncPulses(alerts: FeatureCollection<Point, { id: string; open: boolean; rank: number }>): void {
    const open = alerts.features
      .filter((f) => f.properties.open && f.properties.rank >= 1)
      .sort((a, b) => b.properties.rank - a.properties.rank)
      .slice(0, MAX_PULSES);
    const keep = new Set(open.map((f) => f.properties.id));
    for (const [id, marker] of this.pulses) {
      if (!keep.has(id)) {
        marker.remove();
        this.pulses.delete(id);
      }
    }
    for (const feature of open) {
      const [lng, lat] = feature.geometry.coordinates as [number, number];
      const existing = this.pulses.get(feature.properties.id);
      if (existing) {
        existing.setLngLat([lng, lat]);
        continue;
      }
      // maplibre positions the marker element with its own transform; the ring animates inside it.
      const element = document.createElement('div');
      element.className = 'map-pulse-anchor';
      const ring = element.appendChild(document.createElement('div'));
      ring.className = 'map-pulse';
      ring.dataset.rank = String(feature.properties.rank);
      element.dataset.alertId = feature.properties.id;
      this.pulses.set(feature.properties.id, new Marker({ element }).setLngLat([lng, lat]).addTo(this.main));
    }
  }

  setFaded(layer: MapLayer, faded: boolean): void {
    for (const map of this.maps()) {
      if (map.isStyleLoaded()) fadeLayers(map, layer, faded);
      else map.once('load', () => fadeLayers(map, layer, faded));
    }
  }

  selectCamera(cameraId: string | null): void {
    this.selectedCamera = cameraId;
    for (const map of this.maps()) {
      const apply = (): void => {
        map.setFilter('cameras-selected', ['==', ['get', 'id'], cameraId ?? '']);
      };
      if (map.getLayer('cameras-selected')) apply();
      else map.once('load', () => map.getLayer('cameras-selected') && apply());
    }
  }

  /** The camera an arrow key moves to from the selected one (or from the map's centre). */
  pickCamera(dx: number, dy: number): string | null {
    const cameras = this.lastData.get('cameras') as FeatureCollection<Point, { id: string }> | undefined;
    if (!cameras) return null;
    const points: ScreenPoint[] = cameras.features.flatMap((f) => {
      const at = this.screenPoint(f.geometry.coordinates as [number, number]);
      return at ? [{ id: f.properties.id, ...at }] : [];
    });
    const canvas = this.main.getCanvas();
    const from = points.find((p) => p.id === this.selectedCamera) ?? { id: '', x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
    return pickInDirection(points, from, dx, dy);
  }

  /** Where a point is on the tile, in the inset when it lies in the inset's box; null when off-screen. */
  screenPoint([lng, lat]: [number, number]): { x: number; y: number } | null {
    const box = this.home.inset;
    if (this.inset && box && lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3]) {
      const p = this.inset.project([lng, lat]);
      const outer = this.options.container.getBoundingClientRect();
      const inner = this.inset.getContainer().getBoundingClientRect();
      return { x: p.x + inner.left - outer.left, y: p.y + inner.top - outer.top };
    }
    const p = this.main.project([lng, lat]);
    const canvas = this.main.getCanvas();
    if (p.x < 0 || p.y < 0 || p.x > canvas.clientWidth || p.y > canvas.clientHeight) return null;
    return { x: p.x, y: p.y };
  }

  destroy(): void {
    this.destroyed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.resizeObserver.disconnect();
    for (const marker of this.pulses.values()) marker.remove();
    this.focusMarker?.remove();
    this.inset?.remove();
    this.main.remove();
  }
}

/** Whether a feature has a point in the box (units' polygons: their first ring's first point). */
function featureIn(feature: FeatureCollection['features'][number], [west, south, east, north]: Bbox): boolean {
  const g = feature.geometry;
  const at = g.type === 'Point' ? g.coordinates : g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.type === 'MultiPolygon' ? g.coordinates[0]?.[0]?.[0] : undefined;
  if (!at) return false;
  const [lng = NaN, lat = NaN] = at;
  return lng >= west && lng <= east && lat >= south && lat <= north;
}

function toBounds([west, south, east, north]: Bbox): LngLatBounds {
  return new LngLatBounds([west, south], [east, north]);
}

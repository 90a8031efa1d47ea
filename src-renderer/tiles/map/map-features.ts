import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Alert, Camera, CitizenReport, EnvironmentReading } from '../../../src-shared/domain';
import { SEVERITY_RANK } from '../../../src-shared/domain';
import { aqiBand, type UnitSeat } from '../../../src-shared/map';
import type { CameraState } from '../camera/camera-health';

/**
 * The map's live layers as GeoJSON, from the same records every other tile reads. Pure, so what a
 * marker means (its colour, whether it pulses, where a report without a point goes) is tested
 * without a map. Feature ids are the records' ids, so a selection survives a data update.
 */

export type MapCameraState = 'live' | 'trouble' | 'offline' | 'idle';

/** A camera marker's colour class: what its tile on this wall sees, else the hub's registry status. */
export function cameraMapState(camera: Camera, seen: CameraState | undefined): MapCameraState {
  if (seen === 'live') return 'live';
  if (seen === 'stalled' || seen === 'error') return 'trouble';
  if (seen === 'offline' || camera.status === 'offline') return 'offline';
  return 'idle';
}

const point = (lng: number, lat: number): Point => ({ type: 'Point', coordinates: [lng, lat] });

export interface CameraProperties {
  id: string;
  name: string;
  state: MapCameraState;
}

export function cameraFeatures(cameras: Iterable<Camera>, seen: ReadonlyMap<string, CameraState>): FeatureCollection<Point, CameraProperties> {
  const features: Feature<Point, CameraProperties>[] = [];
  for (const camera of cameras) {
    if (!camera.location) continue;
    features.push({ type: 'Feature', id: camera.id, geometry: point(camera.location.lng, camera.location.lat), properties: { id: camera.id, name: camera.name, state: cameraMapState(camera, seen.get(camera.id)) } });
  }
  features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return { type: 'FeatureCollection', features };
}

export interface AlertProperties {
  id: string;
  /** 0 info, 1 warning, 2 critical: drawn by colour and size, the most severe on top. */
  rank: number;
  status: Alert['status'];
  /** Not yet taken by an operator: the marker pulses. */
  open: boolean;
  text: string;
}

/** Alerts still being dealt with (open or acknowledged) that carry a map point; resolved ones leave the map. */
export function alertFeatures(alerts: Iterable<Alert>): FeatureCollection<Point, AlertProperties> {
  const features: Feature<Point, AlertProperties>[] = [];
  for (const alert of alerts) {
    const at = alert.location.point;
    if (!at || alert.status === 'resolved') continue;
    features.push({ type: 'Feature', id: alert.id, geometry: point(at.lng, at.lat), properties: { id: alert.id, rank: SEVERITY_RANK[alert.severity], status: alert.status, open: alert.status === 'open', text: alert.text } });
  }
  return { type: 'FeatureCollection', features };
}

export interface ReportProperties {
  id: string;
  status: 'received' | 'processing' | 'resolved';
  /** Placed at its unit's seat because the report came without a point. */
  atSeat: boolean;
}

/** How long a resolved report stays on the map, so the day's work shows without burying what is open. */
export const RESOLVED_REPORT_SHOWN_MS = 24 * 3600_000;

/**
 * Citizen reports by status. A report without a point is drawn at its unit's seat (clustered with
 * the unit's others) rather than dropped; rejected ones and those resolved over a day ago are left out.
 */
export function reportFeatures(reports: Iterable<CitizenReport>, seats: ReadonlyMap<string, UnitSeat>, now: number): FeatureCollection<Point, ReportProperties> {
  const features: Feature<Point, ReportProperties>[] = [];
  for (const report of reports) {
    if (report.status === 'rejected') continue;
    if (report.status === 'resolved' && report.resolvedAt && now - Date.parse(report.resolvedAt) > RESOLVED_REPORT_SHOWN_MS) continue;
    const at = report.location.point;
    const seat = at ? undefined : seats.get(report.location.district.normalize('NFC'));
    const where = at ?? seat;
    if (!where) continue;
    features.push({ type: 'Feature', id: report.id, geometry: point(where.lng, where.lat), properties: { id: report.id, status: report.status, atSeat: !at } });
  }
  return { type: 'FeatureCollection', features };
}

export interface StationProperties {
  id: string;
  name: string;
  /** The latest AQI, or -1 for a station that measures no AQI (a water-level station). */
  aqi: number;
  color: string;
  label: string;
}

/** Each station at its latest reading, coloured by Vietnam's AQI band. */
export function stationFeatures(readings: Iterable<EnvironmentReading>): FeatureCollection<Point, StationProperties> {
  const features: Feature<Point, StationProperties>[] = [];
  for (const reading of readings) {
    if (!reading.point) continue;
    const aqi = reading.aqi ?? -1;
    const color = aqi >= 0 ? aqiBand(aqi).color : '#4a90c2';
    const label = aqi >= 0 ? String(aqi) : reading.waterLevelCm !== undefined ? `${Math.round(reading.waterLevelCm)} cm` : '';
    features.push({ type: 'Feature', id: reading.stationId, geometry: point(reading.point.lng, reading.point.lat), properties: { id: reading.stationId, name: reading.stationName, aqi, color, label } });
  }
  features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return { type: 'FeatureCollection', features };
}

export interface UnitProperties {
  name: string;
  /** The unit's latest value of the tile's KPI; absent: no value yet (drawn hatched grey). */
  value?: number;
  /** 0…1 within the values shown, for the colour ramp and the circle size. */
  share?: number;
}

/**
 * One KPI per unit: the units' own shapes from the deployment's file where it has them (a
 * choropleth), else circles at the seats. Values are scaled between the smallest and largest shown.
 */
export function unitFeatures(units: FeatureCollection<Geometry, { name: string }> | null, seats: readonly UnitSeat[], values: ReadonlyMap<string, number>): FeatureCollection<Geometry, UnitProperties> {
  const shapes: Feature<Geometry, { name: string }>[] = units
    ? units.features
    : seats.map((seat) => ({ type: 'Feature', geometry: point(seat.lng, seat.lat), properties: { name: seat.name } }));
  const shown = shapes.flatMap((f) => {
    const value = values.get(f.properties.name);
    return value === undefined ? [] : [value];
  });
  const min = Math.min(...shown);
  const max = Math.max(...shown);
  const features = shapes.map((f): Feature<Geometry, UnitProperties> => {
    const value = values.get(f.properties.name);
    if (value === undefined) return { type: 'Feature', geometry: f.geometry, properties: { name: f.properties.name } };
    const share = max > min ? (value - min) / (max - min) : 0.5;
    return { type: 'Feature', geometry: f.geometry, properties: { name: f.properties.name, value, share } };
  });
  return { type: 'FeatureCollection', features };
}

/** Names that data uses but the map does not know: each is logged once and counted on the console. */
export function unknownUnits(used: Iterable<string>, known: ReadonlySet<string>): string[] {
  const unknown = new Set<string>();
  for (const name of used) {
    const key = name.normalize('NFC');
    if (!known.has(key)) unknown.add(key);
  }
  return [...unknown].sort((a, b) => a.localeCompare(b, 'vi'));
}

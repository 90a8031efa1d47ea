// The map-wall bench's walls: one with a map tile (every point layer, following critical alerts),
// eight camera tiles and three KPI tiles, and one where four KPI tiles stand in the map's place, the
// cameras where they were, so the two differ by the map alone. Plus the hub's config file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout, Tile, Wall } from '../../src-shared/domain';

export const MAP_TILE_ID = 'map';
/** Seconds follow mode shows an alert before flying home: the schema's least, so flights come soon after each other. */
export const FOLLOW_RETURN_SECONDS = 5;
export const WALL_TOKEN = 'bench-map-token';
export const DEPT_KEY = 'bench-map-department';

const area = (col: number, row: number, colSpan = 1, rowSpan = 1): Tile['area'] => ({ col, row, colSpan, rowSpan });

/** Where the eight cameras sit on both walls: right of the map's 2×2 square and the row under it. */
const CAMERA_AREAS: ReadonlyArray<Tile['area']> = [area(3, 1), area(4, 1), area(3, 2), area(4, 2), area(1, 3), area(2, 3), area(3, 3), area(4, 3)];

function sharedTiles(cameraIds: readonly string[]): Tile[] {
  if (cameraIds.length !== CAMERA_AREAS.length) throw new Error(`the walls have ${CAMERA_AREAS.length} camera tiles, not ${cameraIds.length}`);
  return [
    ...cameraIds.map((cameraId, i): Tile => ({ id: `cam-${i}`, kind: 'camera', cameraId, area: CAMERA_AREAS[i]! })),
    { id: 'kpi-a', kind: 'kpi', kpiId: 'kpi-0', chart: 'line', area: area(1, 4, 2, 1) },
    { id: 'kpi-b', kind: 'kpi', kpiId: 'kpi-1', chart: 'gauge', area: area(3, 4) },
    { id: 'kpi-c', kind: 'kpi', kpiId: 'kpi-2', chart: 'line', area: area(4, 4) },
  ];
}

/** The two walls' layouts, each 4×4 on a 1920×1080 page. */
export function mapWallLayouts(cameraIds: readonly string[]): { withMap: Layout; withoutMap: Layout } {
  const withMap: Layout = {
    id: 'bench-map',
    name: 'Bản đồ điều hành (đo)',
    cols: 4,
    rows: 4,
    tiles: [
      {
        id: MAP_TILE_ID,
        kind: 'map',
        view: 'province',
        layers: ['cameras', 'alerts', 'reports', 'stations'],
        follow: { minSeverity: 'critical', returnAfterSeconds: FOLLOW_RETURN_SECONDS },
        area: area(1, 1, 2, 2),
      },
      ...sharedTiles(cameraIds),
    ],
  };
  const withoutMap: Layout = {
    id: 'bench-no-map',
    name: 'Camera và chỉ số (đo, không bản đồ)',
    cols: 4,
    rows: 4,
    tiles: [...[area(1, 1), area(2, 1), area(1, 2), area(2, 2)].map((a, i): Tile => ({ id: `kpi-m${i}`, kind: 'kpi', kpiId: `kpi-${i + 3}`, chart: 'line', area: a })), ...sharedTiles(cameraIds)],
  };
  return { withMap, withoutMap };
}

export type MapWallSetUp = 'withMap' | 'withoutMap';

/** The browser host's config: both walls, cameras from the clip server, no demo presets or rules. */
export function mapWallHostConfig(hubUrl: string, mediaOrigin: string, cameraIds: readonly string[]): { config: object; wallIds: Record<MapWallSetUp, string> } {
  const layouts = mapWallLayouts(cameraIds);
  const walls: Wall[] = [
    { id: 'with-map', name: 'Màn hình có bản đồ', layoutId: layouts.withMap.id },
    { id: 'without-map', name: 'Màn hình không bản đồ', layoutId: layouts.withoutMap.id },
  ];
  return {
    config: { language: 'vi', hub: { url: hubUrl, token: WALL_TOKEN }, mediaOrigins: [mediaOrigin], layouts: [layouts.withMap, layouts.withoutMap], walls, presets: [], agendas: [], schedules: [], rules: [] },
    wallIds: { withMap: 'with-map', withoutMap: 'without-map' },
  };
}

/**
 * The hub's config file: one department posting every topic the walls show. Its in-flight limit
 * is raised from 4 so that 50 single-record posts a second are not answered 429 whenever the hub
 * takes longer than 80 ms over one (under load it does): the bench measures the wall, not the gate.
 */
export function writeMapHubConfig(work: string): string {
  const path = join(work, 'hub.json');
  const department = { id: 'bench-map', name: 'Bench map', apiKey: DEPT_KEY, topics: ['alert', 'citizen-report', 'camera', 'environment', 'kpi', 'kpi-definition'] };
  writeFileSync(path, JSON.stringify({ host: '127.0.0.1', port: 0, dbPath: join(work, 'hub.db'), wallTokens: [WALL_TOKEN], departments: [department], ingestLimits: { departmentInFlight: 32 } }));
  return path;
}

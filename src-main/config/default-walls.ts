import type { Layout, Preset, Tile, Wall } from '../../src-shared/domain';

/**
 * The walls a fresh install shows on the embedded demo hub: an overview of the ten subsystems, a
 * camera wall and the operations map. Ids match the demo hub's KPI catalogue and camera registry (src-hub/demo).
 */

const cell = (col: number, row: number, colSpan = 1, rowSpan = 1) => ({ col, row, colSpan, rowSpan });

const kpi = (id: string, kpiId: string, col: number, row: number, chart: 'line' | 'gauge' = 'line'): Tile => ({
  id,
  kind: 'kpi',
  kpiId,
  chart,
  area: cell(col, row),
});

const camera = (id: string, cameraId: string, col: number, row: number, colSpan = 1, rowSpan = 1): Tile => ({
  id,
  kind: 'camera',
  cameraId,
  area: cell(col, row, colSpan, rowSpan),
});

/** Five columns by three rows fits a 1920×1080 monitor with tiles legible from the back of the room. */
export const OVERVIEW_LAYOUT: Layout = {
  id: 'tong-quan',
  name: 'Tổng quan 10 lĩnh vực',
  nameEn: 'Ten subsystems at a glance',
  cols: 5,
  rows: 3,
  tiles: [
    camera('cam-1', 'bai-sau-thuy-van', 1, 1),
    camera('cam-2', 'nga-tu-gieng-nuoc', 2, 1),
    kpi('tthc', 'tthc-on-time-rate', 3, 1, 'gauge'),
    kpi('grdp', 'grdp-growth', 4, 1),
    kpi('aqi', 'env-aqi-vung-tau', 5, 1),
    camera('cam-3', 'cang-cai-mep', 1, 2),
    kpi('health', 'health-er-visits', 2, 2),
    kpi('edu', 'edu-attendance-rate', 3, 2),
    kpi('tourism', 'tourism-visitors-today', 4, 2),
    kpi('feedback', 'feedback-open', 5, 2),
    { id: 'alerts', kind: 'ticker', area: cell(1, 3, 3, 1) },
    kpi('infosec', 'infosec-attacks-blocked', 4, 3),
    kpi('social', 'social-negative-share', 5, 3),
  ],
};

export const CAMERA_LAYOUT: Layout = {
  id: 'camera-giam-sat',
  name: 'Camera giám sát',
  nameEn: 'Surveillance cameras',
  cols: 3,
  rows: 3,
  tiles: [
    camera('c1', 'bai-sau-thuy-van', 1, 1),
    camera('c2', 'tuong-chua-kito-nui-nho', 2, 1),
    camera('c3', 'nga-tu-gieng-nuoc', 3, 1),
    camera('c4', 'cau-co-may', 1, 2),
    camera('c5', 'cho-ba-ria', 2, 2),
    camera('c6', 'ql51-phu-my', 3, 2),
    camera('c7', 'cang-cai-mep', 1, 3),
    camera('c8', 'con-dao-cau-tau-914', 2, 3),
    { id: 'alerts', kind: 'ticker', area: cell(3, 3) },
  ],
};

const ALL_DEMO_CAMERAS = CAMERA_LAYOUT.tiles.flatMap((tile) => (tile.kind === 'camera' ? [tile.cameraId] : []));

/** Traffic control: the busiest crossroads large, the port road beside it, a tour over every camera. */
export const TRAFFIC_LAYOUT: Layout = {
  id: 'giao-thong',
  name: 'Điều hành giao thông',
  nameEn: 'Traffic control',
  cols: 4,
  rows: 3,
  tiles: [
    camera('gt-main', 'nga-tu-gieng-nuoc', 1, 1, 2, 2),
    camera('gt-cau', 'cau-co-may', 3, 1),
    camera('gt-ql51', 'ql51-phu-my', 4, 1),
    { id: 'gt-tour', kind: 'camera-tour', title: 'Tuần tra camera', titleEn: 'Camera tour', cameraIds: ALL_DEMO_CAMERAS, dwellSeconds: 15, pauseOnAlert: true, area: cell(3, 2, 2, 1) },
    { id: 'alerts', kind: 'ticker', area: cell(1, 3, 2, 1) },
    kpi('gt-aqi', 'env-aqi-vung-tau', 3, 3),
    kpi('gt-feedback', 'feedback-open', 4, 3),
  ],
};

/**
 * The operations map: the province large with every live layer (reports open per unit under them),
 * following critical incidents; two crossroads cameras and the alert feed beside it.
 */
export const MAP_LAYOUT: Layout = {
  id: 'ban-do-dieu-hanh',
  name: 'Bản đồ điều hành',
  nameEn: 'Operations map',
  cols: 4,
  rows: 3,
  tiles: [
    {
      id: 'ban-do',
      kind: 'map',
      title: 'Bản đồ điều hành',
      titleEn: 'Operations map',
      view: 'province',
      layers: ['units', 'reports', 'stations', 'cameras', 'alerts'],
      units: { kpiId: 'feedback-open-by-unit' },
      follow: { minSeverity: 'critical', returnAfterSeconds: 20 },
      area: cell(1, 1, 3, 3),
    },
    camera('bd-cam-1', 'nga-tu-gieng-nuoc', 4, 1),
    camera('bd-cam-2', 'ql51-phu-my', 4, 2),
    { id: 'alerts', kind: 'ticker', area: cell(4, 3) },
  ],
};

export const DEFAULT_LAYOUTS: Layout[] = [OVERVIEW_LAYOUT, CAMERA_LAYOUT, TRAFFIC_LAYOUT, MAP_LAYOUT];

export const DEFAULT_WALLS: Wall[] = [
  { id: '1', name: 'Màn hình tổng quan', nameEn: 'Overview wall', layoutId: OVERVIEW_LAYOUT.id },
  { id: '2', name: 'Màn hình camera', nameEn: 'Camera wall', layoutId: CAMERA_LAYOUT.id },
  { id: '3', name: 'Bản đồ điều hành', nameEn: 'Operations map wall', layoutId: MAP_LAYOUT.id },
];

/** Briefing presets of the demo: one click puts both walls on the meeting's layouts. */
export const DEFAULT_PRESETS: Preset[] = [
  { id: 'giao-ban-thu-hai', name: 'Giao ban sáng thứ Hai', nameEn: 'Monday morning briefing', layouts: { '1': OVERVIEW_LAYOUT.id, '2': CAMERA_LAYOUT.id } },
  { id: 'dieu-hanh-giao-thong', name: 'Điều hành giao thông', nameEn: 'Traffic control', layouts: { '1': TRAFFIC_LAYOUT.id, '2': CAMERA_LAYOUT.id } },
  { id: 'dieu-hanh-ban-do', name: 'Điều hành theo bản đồ', nameEn: 'Map-led operations', layouts: { '1': OVERVIEW_LAYOUT.id, '2': TRAFFIC_LAYOUT.id, '3': MAP_LAYOUT.id } },
];

// The operator-keys bench's wall: three walls, four layouts of KPI charts, gauges, tickers and text
// (no cameras, so the figures are about the command path and the grid, not video start), two
// presets that put every wall on another layout (warm: the walls keep both ready), four more that
// cycle every wall through layouts it has not kept (cold), and the hub data that fills the tiles.
import type { Alert, KpiDefinition, KpiPoint, Layout, Preset, Tile, Wall } from '../../src-shared/domain';
import type { SubsystemId } from '../../src-shared/subsystems';
import { LAYOUTS_KEPT_READY_DEFAULT } from '../../src-shared/ipc';

export const WALL_IDS = ['1', '2', '3'] as const;
const KPI_COUNT = 24;
const ALERT_COUNT = 40;
const SUBSYSTEMS: SubsystemId[] = ['public-admin', 'infosec', 'social-media', 'health', 'education', 'tourism', 'environment', 'socio-economic'];
// Wards, communes and the special zone since 1 July 2025 (the alert schema still calls the field district).
const DISTRICTS = ['Phường Vũng Tàu', 'Phường Tam Thắng', 'Phường Bà Rịa', 'Phường Phú Mỹ', 'Xã Long Hải', 'Xã Đất Đỏ', 'Xã Xuyên Mộc', 'Đặc khu Côn Đảo'];

const kpiId = (i: number): string => `kpi-${i % KPI_COUNT}`;
const area = (col: number, row: number, colSpan = 1, rowSpan = 1): Tile['area'] => ({ col, row, colSpan, rowSpan });

/** Twelve line charts, 4×3: the heaviest tile mix a briefing wall shows without video. */
const kpiWall: Layout = {
  id: 'ops-kpi',
  name: 'Chỉ số tổng hợp',
  cols: 4,
  rows: 3,
  tiles: Array.from({ length: 12 }, (_, i): Tile => ({ id: `k${i}`, kind: 'kpi', kpiId: kpiId(i), chart: 'line', area: area((i % 4) + 1, Math.floor(i / 4) + 1) })),
};

/** A ticker over half the wall beside six gauges. */
const mixedWall: Layout = {
  id: 'ops-mixed',
  name: 'Cảnh báo và chỉ số',
  cols: 4,
  rows: 3,
  tiles: [
    { id: 'ticker', kind: 'ticker', title: 'Cảnh báo', area: area(1, 1, 2, 3) },
    ...Array.from({ length: 6 }, (_, i): Tile => ({ id: `g${i}`, kind: 'kpi', kpiId: kpiId(i + 6), chart: 'gauge', area: area((i % 2) + 3, Math.floor(i / 2) + 1) })),
  ],
};

/** A briefing: the agenda as text, a ticker, four line charts and a note. */
const briefWall: Layout = {
  id: 'ops-brief',
  name: 'Giao ban',
  cols: 3,
  rows: 3,
  tiles: [
    { id: 'agenda', kind: 'text', title: 'Nội dung giao ban', text: Array.from({ length: 8 }, (_, i) => `${i + 1}. Báo cáo tình hình ${SUBSYSTEMS[i % SUBSYSTEMS.length]} trong tuần, các việc tồn đọng và hướng xử lý.`).join('\n'), area: area(1, 1, 2, 1) },
    { id: 'ticker', kind: 'ticker', title: 'Sự kiện mới', area: area(3, 1, 1, 2) },
    ...Array.from({ length: 4 }, (_, i): Tile => ({ id: `k${i}`, kind: 'kpi', kpiId: kpiId(i + 12), chart: 'line', area: area((i % 2) + 1, Math.floor(i / 2) + 2) })),
    { id: 'note', kind: 'text', title: 'Ghi chú', text: 'Các đơn vị cập nhật số liệu trước 8 giờ sáng thứ Hai.', area: area(3, 3) },
  ],
};

/** Eight gauges, 4×2. */
const gaugeWall: Layout = {
  id: 'ops-gauges',
  name: 'Đồng hồ chỉ số',
  cols: 4,
  rows: 2,
  tiles: Array.from({ length: 8 }, (_, i): Tile => ({ id: `g${i}`, kind: 'kpi', kpiId: kpiId(i + 16), chart: 'gauge', area: area((i % 4) + 1, Math.floor(i / 4) + 1) })),
};

const BASE_LAYOUTS: Layout[] = [kpiWall, mixedWall, briefWall, gaugeWall];

/**
 * The same layouts under other ids, one more than a wall keeps ready besides the one it shows
 * (standby-layouts.ts): cycling through them, every cold press shows a layout the wall has dropped.
 */
const COLD_LAYOUTS: Layout[] = Array.from({ length: LAYOUTS_KEPT_READY_DEFAULT + 2 }, (_, i) => {
  const layout = BASE_LAYOUTS[i % BASE_LAYOUTS.length]!;
  return { ...layout, id: `${layout.id}-cold-${i + 1}`, name: `${layout.name} (${i + 2})` };
});

export const LAYOUTS: Layout[] = [...BASE_LAYOUTS, ...COLD_LAYOUTS];

/** Preset 1 and 2 (Ctrl+Alt+1 and 2): each wall's layout differs between them, and between walls. */
export const PRESETS: Preset[] = [
  { id: 'morning', name: 'Giao ban sáng', layouts: { '1': kpiWall.id, '2': mixedWall.id, '3': briefWall.id } },
  { id: 'incident', name: 'Ứng phó sự cố', layouts: { '1': mixedWall.id, '2': gaugeWall.id, '3': kpiWall.id } },
  // Presets 3 and on: every wall on another cold layout at each, in turn.
  ...COLD_LAYOUTS.map(
    (_, k): Preset => ({
      id: `cold-${k + 1}`,
      name: `Luân phiên ${k + 1}`,
      layouts: Object.fromEntries(WALL_IDS.map((id, w) => [id, COLD_LAYOUTS[(w + k) % COLD_LAYOUTS.length]!.id])),
    }),
  ),
];

/** Preset numbers (Ctrl+Alt+n) of the warm presses, which alternate, and of the cold ones, in turn. */
export const WARM_PRESETS = [1, 2];
export const COLD_PRESETS = COLD_LAYOUTS.map((_, k) => k + 3);

/** The walls start on preset 2, so the first press (Ctrl+Alt+1) changes every wall. */
export const WALLS: Wall[] = WALL_IDS.map((id) => ({ id, name: `Màn hình ${id}`, layoutId: PRESETS[1]!.layouts[id]! }));

export function hostConfig(hubUrl: string, token: string, layoutsKeptReady: number): object {
  return { language: 'vi', hub: { url: hubUrl, token }, layoutsKeptReady, layouts: LAYOUTS, walls: WALLS, presets: PRESETS, agendas: [], schedules: [], rules: [] };
}

export const kpiDefinitions = (): KpiDefinition[] =>
  Array.from({ length: KPI_COUNT }, (_, i) => ({
    id: kpiId(i),
    subsystem: SUBSYSTEMS[i % SUBSYSTEMS.length]!,
    vi: `Chỉ số ${i + 1}`,
    en: `Indicator ${i + 1}`,
    unit: '%',
    decimals: 1,
    target: 80,
    higherIsBetter: true,
  }));

/** A day of hourly values per KPI, so the line charts draw lines. */
export function kpiPoints(now: number): KpiPoint[] {
  return Array.from({ length: 24 }, (_, h) =>
    Array.from({ length: KPI_COUNT }, (_, i): KpiPoint => ({
      kpiId: kpiId(i),
      subsystem: SUBSYSTEMS[i % SUBSYSTEMS.length]!,
      value: Math.round((60 + 30 * Math.sin((h + i) / 4)) * 10) / 10,
      unit: '%',
      target: 80,
      time: new Date(now - (23 - h) * 3_600_000).toISOString(),
    })),
  ).flat();
}

export function alerts(now: number): Alert[] {
  return Array.from({ length: ALERT_COUNT }, (_, i) => ({
    id: `alert-${i}`,
    time: new Date(now - i * 60_000).toISOString(),
    severity: (['info', 'warning', 'critical'] as const)[i % 3]!,
    subsystem: SUBSYSTEMS[i % SUBSYSTEMS.length]!,
    category: 'bench',
    text: `Sự kiện số ${i + 1}: cần theo dõi tại khu vực ${DISTRICTS[i % DISTRICTS.length]}`,
    location: { district: DISTRICTS[i % DISTRICTS.length]! },
    status: i % 4 === 0 ? 'acknowledged' : 'open',
  }));
}

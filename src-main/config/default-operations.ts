import type { Agenda, Rule, Schedule } from '../../src-shared/operations-config';
import { CAMERA_LAYOUT, DEFAULT_PRESETS, OVERVIEW_LAYOUT } from './default-walls';

/**
 * The demo's briefing agenda, schedule and alert rule, on the demo walls (default-walls.ts), so a
 * fresh install shows what each does. An operator's own config replaces them.
 */

const [MONDAY_PRESET, TRAFFIC_PRESET] = DEFAULT_PRESETS.map((p) => p.id) as [string, string];

/** The Monday morning briefing: the overview, then traffic, then environment and citizen reports. */
export const DEFAULT_AGENDAS: Agenda[] = [
  {
    id: 'giao-ban-thu-hai',
    name: 'Giao ban sáng thứ Hai',
    nameEn: 'Monday morning briefing',
    steps: [
      {
        title: 'Tình hình chung 10 lĩnh vực',
        titleEn: 'The ten subsystems overall',
        presetId: MONDAY_PRESET,
        note: 'Lãnh đạo Trung tâm báo cáo tổng hợp tình hình tuần qua.',
        noteEn: 'The centre’s leadership reports on the past week.',
        dwellSeconds: 180,
      },
      {
        title: 'Điều hành giao thông',
        titleEn: 'Traffic control',
        presetId: TRAFFIC_PRESET,
        note: 'Điểm ùn tắc, va chạm và camera tại các nút giao trọng điểm.',
        noteEn: 'Congestion, collisions and the cameras at the key junctions.',
        dwellSeconds: 180,
      },
      {
        title: 'Môi trường và phản ánh kiến nghị',
        titleEn: 'Environment and citizen feedback',
        layouts: { '1': OVERVIEW_LAYOUT.id, '2': CAMERA_LAYOUT.id },
        pushes: [
          { wallId: '2', tileId: 'c5', content: { kind: 'kpi', kpiId: 'env-aqi-vung-tau', chart: 'line' } },
          { wallId: '2', tileId: 'c6', content: { kind: 'kpi', kpiId: 'feedback-open', chart: 'line' } },
        ],
        note: 'Chất lượng không khí và phản ánh chưa xử lý; chủ trì kết luận.',
        noteEn: 'Air quality and open citizen reports; the chair concludes.',
      },
    ],
  },
];

/**
 * Monday 07:30, Vietnam time: the briefing agenda starts by itself. Every day at 03:30 the walls
 * reload, so a renderer playing cameras for weeks starts afresh in the quietest hour (README,
 * "Running for months").
 */
export const DEFAULT_SCHEDULES: Schedule[] = [
  { id: 'giao-ban-thu-hai-0730', name: 'Giao ban sáng thứ Hai', nameEn: 'Monday morning briefing', days: ['mon'], at: '07:30', agendaId: 'giao-ban-thu-hai' },
  { id: 'tai-lai-hang-ngay-0330', name: 'Tải lại màn hình hằng ngày', nameEn: 'Daily wall reload', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], at: '03:30', reloadWalls: true },
];

/** A traffic collision seen by a camera takes over the camera wall with that camera, for a few minutes. */
export const DEFAULT_RULES: Rule[] = [
  {
    id: 'va-cham-giao-thong',
    name: 'Va chạm giao thông',
    nameEn: 'Traffic collision',
    match: { categories: ['va-cham-giao-thong'], minSeverity: 'warning', needs: ['camera'] },
    wallId: '2',
    action: { kind: 'camera' },
    revertAfterMinutes: 3,
    revertOn: ['acknowledged', 'resolved'],
    minIntervalSeconds: 120,
  },
];

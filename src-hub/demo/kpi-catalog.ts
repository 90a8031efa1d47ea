import type { KpiDefinition } from '../../src-shared/domain';
import { KPI_ENGLISH } from './demo-english';

/**
 * One model of a demo KPI: its definition plus how the simulator moves it.
 * `base` and `spread` are plausible magnitudes for Bà Rịa–Vũng Tàu (about 1.2 million people);
 * `counter` values only go up during the day, like emergency visits.
 */
export interface DemoKpi {
  definition: KpiDefinition;
  base: number;
  spread: number;
  min: number;
  max: number;
  counter?: boolean;
  /** Seconds between updates; short ones make the wall visibly live. */
  everySeconds: number;
}

const def = (d: Omit<KpiDefinition, 'decimals' | 'higherIsBetter'> & Partial<KpiDefinition>): KpiDefinition => ({
  decimals: 0,
  higherIsBetter: true,
  ...d,
  ...KPI_ENGLISH[d.id],
});

/** KPIs that move on their own: nothing else the demo shows measures the same quantity. */
export const DEMO_KPIS: DemoKpi[] = [
  {
    definition: def({ id: 'infosec-attacks-blocked', subsystem: 'infosec', vi: 'Tấn công mạng bị ngăn chặn (24 giờ)', en: 'Cyber attacks blocked (24 h)', unit: 'lượt', higherIsBetter: false }),
    base: 312, spread: 6, min: 0, max: 100000, counter: true, everySeconds: 2,
  },
  {
    definition: def({ id: 'health-er-visits', subsystem: 'health', vi: 'Lượt khám cấp cứu hôm nay', en: 'Emergency visits today', unit: 'lượt', higherIsBetter: false }),
    base: 486, spread: 3, min: 0, max: 100000, counter: true, everySeconds: 2,
  },
  {
    definition: def({ id: 'health-bed-occupancy', subsystem: 'health', vi: 'Công suất giường bệnh', en: 'Hospital bed occupancy', unit: '%', decimals: 1, target: 90, higherIsBetter: false }),
    base: 83, spread: 1.5, min: 40, max: 120, everySeconds: 5,
  },
  {
    definition: def({ id: 'edu-attendance-rate', subsystem: 'education', vi: 'Tỷ lệ học sinh chuyên cần', en: 'Pupil attendance', unit: '%', decimals: 1, target: 97 }),
    base: 97.8, spread: 0.5, min: 80, max: 100, everySeconds: 4,
  },
  {
    definition: def({ id: 'tourism-visitors-today', subsystem: 'tourism', vi: 'Lượt khách du lịch hôm nay', en: 'Tourist visits today', unit: 'lượt' }),
    base: 38200, spread: 60, min: 0, max: 1000000, counter: true, everySeconds: 2,
  },
  {
    definition: def({ id: 'tourism-hotel-occupancy', subsystem: 'tourism', vi: 'Công suất phòng lưu trú', en: 'Hotel occupancy', unit: '%', decimals: 1, target: 70 }),
    base: 68, spread: 2, min: 10, max: 100, everySeconds: 5,
  },
  {
    definition: def({ id: 'grdp-growth', subsystem: 'socio-economic', vi: 'Tăng trưởng GRDP (ước tính)', en: 'GRDP growth (estimate)', unit: '%', decimals: 2, target: 8 }),
    base: 8.3, spread: 0.15, min: -10, max: 30, everySeconds: 4,
  },
  {
    definition: def({ id: 'budget-revenue', subsystem: 'socio-economic', vi: 'Thu ngân sách lũy kế năm', en: 'Budget revenue year to date', unit: 'tỷ đồng' }),
    base: 61250, spread: 25, min: 0, max: 1000000, counter: true, everySeconds: 4,
  },
];

/**
 * KPIs the demo derives from its own records, so one quantity never shows two values: the wall's
 * gauge and the console's dossier line, the negative-news KPI and the mentions it counts, the AQI
 * tile and its station, the reports open in the province and the sum over its units, the cameras
 * online and the camera registry. Each is sent by the feed that owns the records (see there).
 */
export const DERIVED_KPIS = {
  /** Today's dossiers resolved on time over those resolved, every unit's desk (dossier-feed.ts). */
  dossiersOnTime: def({ id: 'tthc-on-time-rate', subsystem: 'public-admin', vi: 'Hồ sơ TTHC giải quyết đúng hạn', en: 'Dossiers resolved on time', unit: '%', decimals: 1, target: 95 }),
  /** Today's dossiers received, every unit's desk (dossier-feed.ts). */
  dossiersReceived: def({ id: 'tthc-received-today', subsystem: 'public-admin', vi: 'Hồ sơ TTHC tiếp nhận hôm nay', en: 'Dossiers received today', unit: 'hồ sơ' }),
  /** Negative mentions over the mentions the hub keeps (social-mention-feed.ts). */
  negativeShare: def({ id: 'social-negative-share', subsystem: 'social-media', vi: 'Tỷ lệ tin tiêu cực trên MXH', en: 'Negative social-media mentions', unit: '%', decimals: 1, target: 10, higherIsBetter: false }),
  /** The AQI of phường Vũng Tàu's air station (environment-feed.ts). */
  aqiVungTau: def({ id: 'env-aqi-vung-tau', subsystem: 'environment', vi: 'Chỉ số AQI – Phường Vũng Tàu', en: 'AQI – Vũng Tàu Ward', unit: 'AQI', target: 50, higherIsBetter: false }),
  /** The PM2.5 of phường Phú Mỹ's air station (environment-feed.ts). */
  pm25PhuMy: def({ id: 'env-pm25-phu-my', subsystem: 'environment', vi: 'Bụi PM2.5 – Phường Phú Mỹ', en: 'PM2.5 – Phú Mỹ Ward', unit: 'µg/m³', decimals: 1, target: 25, higherIsBetter: false }),
  /** The sum of the per-unit series (unit-kpi-feed.ts). */
  feedbackOpen: def({ id: 'feedback-open', subsystem: 'citizen-feedback', vi: 'Phản ánh kiến nghị đang xử lý', en: 'Citizen reports in progress', unit: 'phản ánh', higherIsBetter: false, target: 150 }),
  /** Cameras online in the camera registry (camera-kpi-feed.ts). */
  camerasOnline: def({ id: 'camera-online-rate', subsystem: 'camera', vi: 'Tỷ lệ camera trực tuyến', en: 'Cameras online', unit: '%', decimals: 1, target: 98 }),
} satisfies Record<string, KpiDefinition>;

/** Every KPI definition of the demo, moving and derived: what the simulator announces at start. */
export const DEMO_KPI_DEFINITIONS: readonly KpiDefinition[] = [...DEMO_KPIS.map((kpi) => kpi.definition), ...Object.values(DERIVED_KPIS)];

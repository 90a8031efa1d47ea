import type { Severity } from '../../src-shared/domain';
import type { SubsystemId } from '../../src-shared/subsystems';

export interface AlertTemplate {
  subsystem: SubsystemId;
  severity: Severity;
  /** Short machine category, as alerts carry it. */
  category: string;
  /** `{d}` is replaced by a district, or by the camera's name when `atCamera`. */
  text: string;
  /** Seen by a camera: the alert names it, so camera tours stop on it while the alert is open. */
  atCamera?: boolean;
}

/** Incidents of the kind the IOC room really sees, so the demo ticker reads like a real shift. */
export const ALERT_TEMPLATES: AlertTemplate[] = [
  { subsystem: 'citizen-feedback', severity: 'warning', category: 'ngap-nuoc', text: 'Phản ánh mới: ngập nước cục bộ sau mưa lớn tại {d}' },
  { subsystem: 'citizen-feedback', severity: 'info', category: 'rac-thai', text: 'Phản ánh về rác thải sinh hoạt tại {d} đã được xử lý' },
  { subsystem: 'environment', severity: 'warning', category: 'aqi-vuot-nguong', text: 'Chỉ số AQI vượt ngưỡng 100 tại trạm quan trắc {d}' },
  { subsystem: 'environment', severity: 'critical', category: 'muc-nuoc-bao-dong', text: 'Mực nước sông Dinh vượt báo động 1 tại {d}' },
  { subsystem: 'camera', severity: 'warning', category: 'camera-mat-tin-hieu', text: 'Camera mất tín hiệu tại {d}' },
  { subsystem: 'camera', severity: 'warning', category: 'un-tac-giao-thong', text: 'Camera phát hiện ùn tắc giao thông tại {d}', atCamera: true },
  { subsystem: 'camera', severity: 'critical', category: 'va-cham-giao-thong', text: 'Va chạm giao thông tại {d}, lực lượng chức năng đang xử lý', atCamera: true },
  { subsystem: 'infosec', severity: 'critical', category: 'do-quet-cong', text: 'Phát hiện dò quét cổng dịch vụ vào Cổng dịch vụ công của {d}' },
  { subsystem: 'infosec', severity: 'info', category: 'ma-doc', text: 'Đã chặn mã độc gửi qua thư điện tử công vụ ({d})' },
  { subsystem: 'public-admin', severity: 'warning', category: 'ho-so-sap-qua-han', text: '12 hồ sơ TTHC sắp quá hạn tại bộ phận một cửa {d}' },
  { subsystem: 'health', severity: 'warning', category: 'dich-benh', text: 'Số ca sốt xuất huyết tăng trong tuần tại {d}' },
  { subsystem: 'social-media', severity: 'warning', category: 'tin-tieu-cuc', text: 'Tin tiêu cực lan truyền trên mạng xã hội liên quan {d}' },
  { subsystem: 'tourism', severity: 'info', category: 'khach-du-lich-dong', text: 'Lượng khách đến bãi biển tăng cao tại {d}' },
  { subsystem: 'education', severity: 'info', category: 'thoi-tiet-xau', text: 'Trường học tại {d} cho học sinh nghỉ do thời tiết xấu' },
  { subsystem: 'socio-economic', severity: 'info', category: 'ngan-sach', text: 'Cập nhật số liệu thu ngân sách tháng của {d}' },
];

/**
 * Templates whose text reports an outcome, not an incident ("… đã được xử lý", "Đã chặn …"): the
 * simulator raises them already resolved, so a wall never tags "đã được xử lý" as new.
 */
export const REPORTS_OUTCOME: ReadonlySet<string> = new Set(['rac-thai', 'ma-doc']);

/** Raised from the stations' own readings (environment-feed.ts), never at random: the alert and the reading agree. */
export const RAISED_BY_READINGS: ReadonlySet<string> = new Set(['aqi-vuot-nguong']);

/**
 * Where an incident can happen at all, by category (demo-units.ts names): the Dinh river's level
 * where the river runs, crowded beaches on the coast. A category not listed happens in any unit.
 */
export const CATEGORY_UNITS: Readonly<Record<string, readonly string[]>> = {
  'muc-nuoc-bao-dong': ['Phường Bà Rịa'],
  'khach-du-lich-dong': ['Phường Vũng Tàu', 'Xã Long Hải', 'Đặc khu Côn Đảo'],
};

import type { KpiDefinition } from '../../src-shared/domain';

/**
 * The demo's English: what a department that serves visiting staff would send beside its
 * Vietnamese. Kept apart from the feeds, keyed by id and category, so the feeds stay as they are
 * and a test can check every KPI, alert template and station has its English.
 */

/** English units and the short names of each demo KPI, by KPI id. */
export const KPI_ENGLISH: Readonly<Record<string, Pick<KpiDefinition, 'unitEn' | 'shortVi' | 'shortEn'>>> = {
  'tthc-on-time-rate': { shortVi: 'Hồ sơ đúng hạn', shortEn: 'On-time dossiers' },
  'tthc-received-today': { unitEn: 'dossiers', shortVi: 'Hồ sơ tiếp nhận', shortEn: 'Dossiers received' },
  'infosec-attacks-blocked': { unitEn: 'attacks', shortVi: 'Tấn công bị chặn', shortEn: 'Attacks blocked' },
  'social-negative-share': { shortVi: 'Tin tiêu cực', shortEn: 'Negative mentions' },
  'health-er-visits': { unitEn: 'visits', shortVi: 'Khám cấp cứu', shortEn: 'Emergency visits' },
  'health-bed-occupancy': { shortVi: 'Giường bệnh', shortEn: 'Bed occupancy' },
  'edu-attendance-rate': { shortVi: 'Chuyên cần', shortEn: 'Attendance' },
  'tourism-visitors-today': { unitEn: 'visits', shortVi: 'Khách du lịch', shortEn: 'Tourist visits' },
  'tourism-hotel-occupancy': { shortVi: 'Phòng lưu trú', shortEn: 'Hotel occupancy' },
  'env-aqi-vung-tau': { shortVi: 'Không khí Vũng Tàu', shortEn: 'Air, Vũng Tàu' },
  'env-pm25-phu-my': { shortVi: 'PM2.5 Phú Mỹ', shortEn: 'PM2.5 Phú Mỹ' },
  'grdp-growth': { shortVi: 'Tăng trưởng GRDP', shortEn: 'GRDP growth' },
  'budget-revenue': { unitEn: 'billion VND', shortVi: 'Thu ngân sách', shortEn: 'Budget revenue' },
  'feedback-open': { unitEn: 'reports', shortVi: 'Phản ánh đang xử lý', shortEn: 'Open reports' },
  'camera-online-rate': { shortVi: 'Camera trực tuyến', shortEn: 'Cameras online' },
  'feedback-open-by-unit': { unitEn: 'reports', shortVi: 'Phản ánh theo đơn vị', shortEn: 'Reports by unit' },
};

/** The English line of each alert template, by category; `{d}` as in the Vietnamese. */
export const ALERT_TEXT_EN: Readonly<Record<string, string>> = {
  'ngap-nuoc': 'New citizen report: local flooding after heavy rain in {d}',
  'rac-thai': 'Citizen report on household waste in {d} has been handled',
  'aqi-vuot-nguong': 'AQI above 100 at the monitoring station in {d}',
  'muc-nuoc-bao-dong': 'Dinh River above alert level 1 in {d}',
  'camera-mat-tin-hieu': 'Camera lost its signal in {d}',
  'un-tac-giao-thong': 'Camera detected a traffic jam at {d}',
  'va-cham-giao-thong': 'Traffic collision at {d}, the authorities are on site',
  'do-quet-cong': 'Port scan against the public service portal of {d}',
  'ma-doc': 'Malware sent by official e-mail blocked ({d})',
  'ho-so-sap-qua-han': '12 administrative dossiers near their deadline at the one-stop desk of {d}',
  'dich-benh': 'Dengue fever cases rising this week in {d}',
  'tin-tieu-cuc': 'Negative news spreading on social media about {d}',
  'khach-du-lich-dong': 'Beach visitor numbers rising sharply in {d}',
  'thoi-tiet-xau': 'Schools in {d} closed for bad weather',
  'ngan-sach': 'Monthly budget revenue figures of {d} updated',
};

/** The English name of each monitoring station, by station id. */
export const STATION_NAME_EN: Readonly<Record<string, string>> = {
  'qt-vung-tau-thang-tam': 'Thắng Tam air monitoring station',
  'qt-phu-my-kcn': 'Phú Mỹ I Industrial Park monitoring station',
  'qt-ba-ria-trung-tam': 'Bà Rịa air monitoring station',
  'qt-con-dao': 'Côn Đảo monitoring station',
  'tv-song-dinh': 'Dinh River hydrological station',
  'tv-song-ray': 'Ray River hydrological station',
  'tv-vung-tau': 'Vũng Tàu marine station',
};

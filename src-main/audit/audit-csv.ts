import { stringify } from 'csv-stringify/sync';
import { AUDIT_EXPORT_MAX_ROWS, vietnamDayAfter, vietnamDayStart, type AuditExport, type AuditExportRequest } from '../../src-shared/audit';
import type { AuditLog } from './audit-log';

/** Column headings in Vietnamese and English, so the file reads in either office. */
const COLUMNS: Array<[keyof CsvRow, string]> = [
  ['id', 'STT / id'],
  ['at', 'Thời gian (giờ Việt Nam) / time'],
  ['kind', 'Loại / kind'],
  ['actor', 'Ai / who'],
  ['operator', 'Tài khoản / operator'],
  ['station', 'Máy / station'],
  ['action', 'Thao tác / action'],
  ['wallId', 'Màn hình / wall'],
  ['result', 'Kết quả / result'],
  ['error', 'Lỗi / error'],
  ['detail', 'Chi tiết / detail'],
  ['before', 'Trước / before'],
  ['after', 'Sau / after'],
  ['ref', 'Cho dòng / for row'],
  ['hash', 'Mã băm / hash'],
];

type CsvRow = Record<'id' | 'at' | 'kind' | 'actor' | 'operator' | 'station' | 'action' | 'wallId' | 'result' | 'error' | 'detail' | 'before' | 'after' | 'ref' | 'hash', unknown>;

/**
 * A date range of the log as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * show Vietnamese correctly), oldest first, with each row's hash so a copy can be checked later.
 */
export function exportAuditCsv(audit: AuditLog, request: AuditExportRequest, maxRows = AUDIT_EXPORT_MAX_ROWS): AuditExport {
  const rows: CsvRow[] = [];
  let truncated = false;
  for (const row of audit.iterate(vietnamDayStart(request.fromDate), vietnamDayAfter(request.toDate))) {
    if (rows.length >= maxRows) {
      truncated = true;
      break;
    }
    rows.push(row);
  }
  const csv = stringify(rows, { header: true, bom: true, columns: COLUMNS.map(([key, header]) => ({ key, header })), record_delimiter: '\r\n' });
  return { fileName: `nhat-ky-thao-tac_${request.fromDate}_${request.toDate}.csv`, csv, rows: rows.length, truncated };
}

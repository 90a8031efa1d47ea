import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src-shared/domain';
import { countFor, DEFAULT_ALERT_FILTER, filterAlerts, isFiltered } from '../../../src-renderer/alerts/alert-filter';
import { compareAlerts, countAlerts, orderAlerts, uniqueById } from '../../../src-renderer/alerts/alert-order';
import { currentRecords, emptyTable, tableWith } from '../../../src-renderer/stores/topic-table';
import { rowsThatFit } from '../../../src-renderer/tiles/ticker/fit-rows';
import { alert, hubMessage } from '../../helpers/hub-messages';

const at = (id: string, status: Alert['status'], severity: Alert['severity'], minute: number, over: Partial<Alert> = {}): Alert => ({
  ...alert(id),
  status,
  severity,
  time: `2025-11-24T08:${String(minute).padStart(2, '0')}:00+07:00`,
  ...over,
});
const ids = (alerts: readonly Alert[]): string[] => alerts.map((a) => a.id);

describe('alert order', () => {
  it('puts open before acknowledged before resolved, then the most severe, then the newest', () => {
    const ordered = orderAlerts([
      at('resolved-critical', 'resolved', 'critical', 50),
      at('ack-critical', 'acknowledged', 'critical', 40),
      at('open-info-new', 'open', 'info', 59),
      at('open-critical-old', 'open', 'critical', 1),
      at('open-critical-new', 'open', 'critical', 30),
      at('ack-info', 'acknowledged', 'info', 58),
      at('open-warning', 'open', 'warning', 10),
      at('resolved-info-new', 'resolved', 'info', 59),
    ]);
    expect(ids(ordered)).toEqual(['open-critical-new', 'open-critical-old', 'open-warning', 'open-info-new', 'ack-critical', 'ack-info', 'resolved-critical', 'resolved-info-new']);
    expect(countAlerts(ordered)).toEqual({ open: 4, acknowledged: 2, resolved: 2 });
  });

  it('compares times as instants, whatever offset they are written in', () => {
    // 08:30 in Vietnam is 01:30 UTC: the UTC-written one at 01:45 is newer.
    const vn = at('vn', 'open', 'warning', 30);
    const utc = { ...at('utc', 'open', 'warning', 0), time: '2025-11-24T01:45:00Z' };
    expect(ids(orderAlerts([vn, utc]))).toEqual(['utc', 'vn']);
  });

  it('breaks a full tie by id, so equal rows never swap places between renders', () => {
    const a = at('b-alert', 'open', 'critical', 5);
    const b = at('a-alert', 'open', 'critical', 5);
    expect(ids(orderAlerts([a, b]))).toEqual(['a-alert', 'b-alert']);
    expect(ids(orderAlerts([b, a]))).toEqual(['a-alert', 'b-alert']);
    expect(compareAlerts(a, a)).toBe(0);
  });

  it('sorts a time Date cannot read as the oldest, without throwing or breaking the order', () => {
    const bad = { ...at('bad', 'open', 'critical', 0), time: 'not a time' };
    const bad2 = { ...at('bad2', 'open', 'critical', 0), time: 'also not' };
    const ordered = orderAlerts([bad2, at('good', 'open', 'critical', 1), bad]);
    expect(ids(ordered)).toEqual(['good', 'bad', 'bad2']);
  });

  it('moves an alert down when its status changes, and keeps the others where they were', () => {
    const table1 = tableWith(emptyTable<Alert>(), 'alert', [
      hubMessage('alert', 1, at('x', 'open', 'critical', 10)),
      hubMessage('alert', 2, at('y', 'open', 'warning', 20)),
      hubMessage('alert', 3, at('z', 'acknowledged', 'critical', 30)),
    ]);
    expect(ids(orderAlerts(currentRecords(table1)))).toEqual(['x', 'y', 'z']);
    // x is acknowledged: below the open y, and below z, acknowledged and as severe but newer.
    const table2 = tableWith(table1, 'alert', [hubMessage('alert', 4, at('x', 'acknowledged', 'critical', 10))]);
    expect(ids(orderAlerts(currentRecords(table2)))).toEqual(['y', 'z', 'x']);
    // Resolved: last.
    const table3 = tableWith(table2, 'alert', [hubMessage('alert', 5, at('y', 'resolved', 'warning', 20))]);
    expect(ids(orderAlerts(currentRecords(table3)))).toEqual(['z', 'x', 'y']);
    // The update changed the alert's place, not its time: the newest update is not the top row.
    expect(orderAlerts(currentRecords(table3))[2]).toMatchObject({ id: 'y', status: 'resolved' });
  });
});

describe('one row per alert', () => {
  it('keeps the later record of an id, in place of the earlier', () => {
    const first = at('dup', 'open', 'critical', 10);
    const later = at('dup', 'resolved', 'critical', 10);
    expect(uniqueById([first, at('other', 'open', 'info', 1), later])).toEqual([at('other', 'open', 'info', 1), later]);
    expect(orderAlerts([first, later, first, later])).toEqual([later]);
  });

  it('holds one row when the same alert arrives twice, in one batch or two, or in a resync', () => {
    const sent = at('same', 'open', 'warning', 10);
    const oneBatch = tableWith(emptyTable<Alert>(), 'alert', [hubMessage('alert', 1, sent), hubMessage('alert', 2, sent)]);
    expect(ids(orderAlerts(currentRecords(oneBatch)))).toEqual(['same']);
    const twoBatches = tableWith(oneBatch, 'alert', [hubMessage('alert', 3, { ...sent })]);
    expect(ids(orderAlerts(currentRecords(twoBatches)))).toEqual(['same']);
    // A resync rebuilds from a snapshot that holds the alert once more; then a late duplicate lands.
    const resynced = tableWith(tableWith(emptyTable<Alert>(), 'alert', [hubMessage('alert', 3, sent)]), 'alert', [hubMessage('alert', 4, sent)]);
    expect(ids(orderAlerts(currentRecords(resynced)))).toEqual(['same']);
  });
});

describe('alert filter', () => {
  const list = orderAlerts([
    at('ngap', 'open', 'warning', 10, { subsystem: 'citizen-feedback', text: 'Ngập nước cục bộ tại phường Vũng Tàu', location: { district: 'Phường Vũng Tàu' } }),
    at('va-cham', 'open', 'critical', 20, { subsystem: 'camera', text: 'Va chạm giao thông tại Cầu Cỏ May', location: { district: 'Phường Phước Thắng' } }),
    at('ma-doc', 'resolved', 'info', 5, { subsystem: 'infosec', text: 'Đã chặn mã độc gửi qua thư điện tử công vụ', location: { district: 'Phường Bà Rịa' } }),
    at('aqi', 'acknowledged', 'warning', 15, { subsystem: 'environment', text: 'Chỉ số AQI vượt ngưỡng 100', location: { district: 'Phường Phú Mỹ' } }),
  ]);

  it('shows the work list by default: everything not yet handled, in working order', () => {
    const { shown, counts } = filterAlerts(list, DEFAULT_ALERT_FILTER);
    expect(ids(shown)).toEqual(['va-cham', 'ngap', 'aqi']);
    expect(counts).toEqual({ open: 2, acknowledged: 1, resolved: 1 });
    expect(isFiltered(DEFAULT_ALERT_FILTER)).toBe(false);
  });

  it('narrows by state, severity, subsystem and words typed without marks, and counts states under the other filters', () => {
    expect(ids(filterAlerts(list, { ...DEFAULT_ALERT_FILTER, state: 'resolved' }).shown)).toEqual(['ma-doc']);
    expect(ids(filterAlerts(list, { ...DEFAULT_ALERT_FILTER, state: 'all' }).shown)).toEqual(['va-cham', 'ngap', 'aqi', 'ma-doc']);
    const warnings = filterAlerts(list, { ...DEFAULT_ALERT_FILTER, severity: 'warning' });
    expect(ids(warnings.shown)).toEqual(['ngap', 'aqi']);
    expect(warnings.counts).toEqual({ open: 1, acknowledged: 1, resolved: 0 });
    expect(countFor('active', warnings.counts)).toBe(2);
    expect(countFor('all', warnings.counts)).toBe(2);
    expect(ids(filterAlerts(list, { ...DEFAULT_ALERT_FILTER, subsystem: 'camera' }).shown)).toEqual(['va-cham']);
    expect(ids(filterAlerts(list, { ...DEFAULT_ALERT_FILTER, text: 'vung tau' }).shown)).toEqual(['ngap']);
    expect(ids(filterAlerts(list, { ...DEFAULT_ALERT_FILTER, text: 'phuoc thang CO MAY' }).shown)).toEqual(['va-cham']);
    expect(filterAlerts(list, { ...DEFAULT_ALERT_FILTER, text: 'không có' }).shown).toEqual([]);
  });

  it('keeps applying the same filter as the list changes under it', () => {
    const filter = { ...DEFAULT_ALERT_FILTER, state: 'open' as const, severity: 'critical' as const };
    expect(ids(filterAlerts(list, filter).shown)).toEqual(['va-cham']);
    const updated = orderAlerts([...list, { ...list[0]!, status: 'acknowledged' as const }, at('new', 'open', 'critical', 30)]);
    expect(ids(filterAlerts(updated, filter).shown)).toEqual(['new']);
  });
});

describe('ticker rows that fit', () => {
  // Rows of 40 px with 5 px gaps from a 6 px padding: bottoms at 46, 91, 136, 181...
  const bottoms = [46, 91, 136, 181, 226];

  it('shows every row when the last one ends inside the list', () => {
    expect(rowsThatFit(bottoms, 226, 190)).toBe(5);
    expect(rowsThatFit(bottoms, 225.6, 190)).toBe(5);
  });

  it('shows only whole rows above the "+N more" line when they do not all fit', () => {
    // The list ends at 200: row 4 (181) would fit, but the line starts at 170, so 3 rows.
    expect(rowsThatFit(bottoms, 200, 170)).toBe(3);
    expect(rowsThatFit(bottoms, 200, 181)).toBe(4);
    // Never a row below the list's own end, even if the line were placed lower.
    expect(rowsThatFit(bottoms, 100, 300)).toBe(2);
  });

  it('keeps room for the line when more alerts exist than rows were drawn', () => {
    expect(rowsThatFit(bottoms, 400, 200, false)).toBe(4);
    expect(rowsThatFit(bottoms, 400, 400, false)).toBe(5);
  });

  it('shows none in a list too small for one row, and nothing for no rows', () => {
    expect(rowsThatFit(bottoms, 30, 10)).toBe(0);
    expect(rowsThatFit([], 100, 50)).toBe(0);
  });
});

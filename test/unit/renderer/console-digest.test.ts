import { describe, expect, it } from 'vitest';
import type { KpiDefinition } from '../../../src-shared/domain';
import type { HubMessageOf } from '../../../src-shared/hub-protocol';
import { connectionLabel } from '../../../src-renderer/components/connection-pill';
import { digestLines, dossierDay, MAX_STATION_LINES, type DigestInput } from '../../../src-renderer/console/digest-lines';
import { translator } from '../../../src-renderer/i18n/translate';
import { currentRecords, emptyTable, newestFirst, tableFrom } from '../../../src-renderer/stores/topic-table';
import { newestRecordTime } from '../../../src-renderer/format/age';
import {
  camera,
  citizenReport,
  dossierCounts,
  environmentReading,
  feedItem,
  hubMessage,
  kpiPoint,
  securityEvent,
  socialMention,
  TEST_DEFINITION,
} from '../../helpers/hub-messages';

const format = { t: translator('vi'), language: 'vi' as const, locale: 'vi-VN' };
const empty: DigestInput = {
  definitions: emptyTable(),
  series: emptyTable(),
  reports: emptyTable(),
  environment: emptyTable(),
  dossiers: emptyTable(),
  security: emptyTable(),
  mentions: emptyTable(),
  cameras: emptyTable(),
};
const seq = (() => {
  let n = 0;
  return () => (n += 1);
})();
const line = (input: Partial<DigestInput>, id: string) => digestLines({ ...empty, ...input }, format).find((l) => l.id === id);

describe("the console's latest figures per subsystem", () => {
  it('lists every KPI series, province-wide and per district, with its definition', () => {
    const definition: KpiDefinition = { ...TEST_DEFINITION, staleAfterSeconds: 86_400 };
    const lines = digestLines(
      {
        ...empty,
        definitions: tableFrom('kpi-definition', [hubMessage('kpi-definition', seq(), definition)]),
        series: tableFrom('kpi', [hubMessage('kpi', seq(), kpiPoint(96.25)), hubMessage('kpi', seq(), kpiPoint(91, TEST_DEFINITION.id, 'H. Côn Đảo'))]),
      },
      format,
    );
    expect(lines.map((l) => [l.id, l.label, l.value, l.assessment])).toEqual([
      ['kpi:tthc-on-time-rate', 'Hồ sơ TTHC đúng hạn', '96,3%', 'good'],
      ['kpi:tthc-on-time-rate@H. Côn Đảo', 'Hồ sơ TTHC đúng hạn – H. Côn Đảo', '91,0%', 'bad'],
    ]);
    expect(lines[0]?.staleAfterSeconds).toBe(86_400);
  });

  it('counts open citizen reports', () => {
    const reports = tableFrom('citizen-report', [
      hubMessage('citizen-report', seq(), citizenReport('a', 'received')),
      hubMessage('citizen-report', seq(), citizenReport('b', 'processing')),
      hubMessage('citizen-report', seq(), citizenReport('c', 'resolved')),
      hubMessage('citizen-report', seq(), citizenReport('a', 'rejected')),
    ]);
    expect(line({ reports }, 'citizen-report:open')).toMatchObject({ value: '1', subsystem: 'citizen-feedback', topic: 'citizen-report' });
  });

  it('shows the latest AQI per station, worst first, a bounded number of stations', () => {
    const readings: HubMessageOf<'environment'>[] = Array.from({ length: MAX_STATION_LINES + 3 }, (_, i) => hubMessage('environment', seq(), environmentReading(`st-${i}`, 20 + i)));
    readings.push(hubMessage('environment', seq(), environmentReading('st-0', 160)));
    const lines = digestLines({ ...empty, environment: tableFrom('environment', readings) }, format).filter((l) => l.subsystem === 'environment');
    expect(lines).toHaveLength(MAX_STATION_LINES);
    expect(lines[0]).toMatchObject({ id: 'environment:st-0', label: 'Không khí – Trạm st-0', value: 'AQI 160', assessment: 'bad' });
  });

  it("computes the dossier on-time rate over every unit's latest count of the latest day", () => {
    const dossiers = tableFrom('dossier-counts', [
      hubMessage('dossier-counts', seq(), dossierCounts('u1', '2025-11-23', 10, 10)),
      hubMessage('dossier-counts', seq(), dossierCounts('u1', '2025-11-24', 40, 50)),
      hubMessage('dossier-counts', seq(), dossierCounts('u1', '2025-11-24', 45, 50)),
      hubMessage('dossier-counts', seq(), dossierCounts('u2', '2025-11-24', 50, 50)),
      hubMessage('dossier-counts', seq(), dossierCounts('u3', '2025-11-23', 0, 100)),
    ]);
    expect(dossierDay(dossiers)).toMatchObject({ date: '2025-11-24', onTime: 95, resolved: 100 });
    expect(line({ dossiers }, 'dossier-counts:on-time')).toMatchObject({ value: '95,0%', label: 'Hồ sơ đúng hạn ngày 24/11/2025 (95/100 hồ sơ, 2 đơn vị)' });
  });

  it('summarises security events, social mentions and cameras', () => {
    const security = tableFrom('security-event', [hubMessage('security-event', seq(), securityEvent('s1')), hubMessage('security-event', seq(), securityEvent('s2', 'blocked'))]);
    const mentions = tableFrom('social-mention', [hubMessage('social-mention', seq(), socialMention('m1')), hubMessage('social-mention', seq(), socialMention('m2', 'positive'))]);
    const cameras = tableFrom('camera', [hubMessage('camera', seq(), camera('c1')), hubMessage('camera', seq(), { ...camera('c2'), status: 'offline' })]);
    expect(line({ security }, 'security-event:open')).toMatchObject({ value: '1 (1 khẩn cấp)', assessment: 'bad' });
    expect(line({ mentions }, 'social-mention:negative')).toMatchObject({ value: '50,0%', label: 'Tin tiêu cực (2 tin gần nhất)' });
    expect(line({ cameras }, 'camera:online')).toMatchObject({ value: '1/2', timeless: true });
  });

  it('leaves topics with no data out', () => {
    expect(digestLines(empty, format)).toEqual([]);
  });
});

describe('the alert ticker', () => {
  it('shows the alerts updated last first, and ages from the newest alert time', () => {
    const alerts = tableFrom('alert', [
      hubMessage('alert', seq(), { ...feedItem('a'), time: '2025-11-24T08:00:00+07:00' }),
      hubMessage('alert', seq(), { ...feedItem('b'), time: '2025-11-24T09:00:00+07:00' }),
      hubMessage('alert', seq(), { ...feedItem('a'), time: '2025-11-24T08:00:00+07:00', status: 'acknowledged' }),
    ]);
    expect(newestFirst(alerts).map((a) => `${a.id}:${a.status}`)).toEqual(['a:acknowledged', 'b:open']);
    expect(newestRecordTime('alert', currentRecords(alerts))).toBe('2025-11-24T09:00:00+07:00');
    expect(newestRecordTime('alert', [])).toBeUndefined();
  });
});

describe('the connection pill', () => {
  it('says whether an offline wall still shows cached data', () => {
    const t = translator('vi');
    expect(t(connectionLabel('offline', true))).toBe('Mất kết nối — đang hiển thị dữ liệu lưu tạm');
    expect(t(connectionLabel('offline', false))).toBe('Mất kết nối — chưa có dữ liệu lưu tạm');
    expect(t(connectionLabel('resyncing', true))).toBe('Đang đồng bộ');
    expect(translator('en')(connectionLabel('live', true))).toBe('Live');
  });
});

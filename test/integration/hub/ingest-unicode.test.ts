import { describe, expect, it } from 'vitest';
import type { KpiPoint } from '../../../src-shared/domain';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { TEST_DEPARTMENTS, validRecord, type TestHub } from '../../helpers/hub-fixtures';
import { useTestHub } from '../../helpers/use-test-hub';

const ENV = TEST_DEPARTMENTS.environment;
const IOC = TEST_DEPARTMENTS.ioc;
let hub: TestHub;
useTestHub((started) => (hub = started));

const NFC = (text: string): string => text.normalize('NFC');
const NFD = (text: string): string => text.normalize('NFD');

function point(kpiId: string, value: number, district: string): KpiPoint {
  return { kpiId, subsystem: 'environment', value, unit: NFD('µg/m³ – bụi mịn'), time: new Date(Date.now() - 60_000).toISOString(), district };
}

/** The keys of the hub's KPI series for one KPI. */
const seriesOf = (kpiId: string): string[] => hub.state.keys('kpi').filter((key) => key.startsWith(`${kpiId}@`));

describe('ingest: text is stored in NFC', () => {
  it('merges a district written in NFC and in NFD into one series, stored in NFC', async () => {
    const district = 'TP. Vũng Tàu';
    expect(NFC(district)).not.toBe(NFD(district));
    const first = await postIngest(hub.url, ENV.apiKey, 'kpi', [point('pm25-unicode', 1, NFC(district))]);
    const second = await postIngest(hub.url, ENV.apiKey, 'kpi', [point('pm25-unicode', 2, NFD(district))]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(seriesOf('pm25-unicode')).toEqual([`pm25-unicode@${NFC(district)}`]);
    const state = await hub.snapshot();
    const stored = state.messages.filter((m) => m.topic === 'kpi' && m.payload.kpiId === 'pm25-unicode').map((m) => m.payload as KpiPoint);
    expect(stored.map((p) => p.value)).toEqual([1, 2]);
    // Every string of the record, not only the key: the unit was sent in NFD both times.
    for (const p of stored) expect([p.district, p.unit]).toEqual([NFC(district), NFC('µg/m³ – bụi mịn')]);
  });

  it('acknowledges a record resent in the other normal form as a duplicate, either way round', async () => {
    const record = { ...validRecord('citizen-report', 900), title: NFC('Đường Hoàng Hoa Thám ngập sâu'), location: { district: NFC('H. Đất Đỏ') } };
    const nfcFirst = await postIngest(hub.url, IOC.apiKey, 'citizen-report', [record]);
    const nfdAgain = await postIngest(hub.url, IOC.apiKey, 'citizen-report', [{ ...record, title: NFD(record.title), location: { district: NFD('H. Đất Đỏ') } }]);
    expect(nfdAgain.result?.accepted).toEqual([{ index: 0, seq: nfcFirst.result!.accepted[0]!.seq, duplicate: true }]);

    const other = { ...validRecord('citizen-report', 901), title: NFD('Cây đổ chắn đường Trần Hưng Đạo') };
    const nfdFirst = await postIngest(hub.url, IOC.apiKey, 'citizen-report', [other]);
    const nfcAgain = await postIngest(hub.url, IOC.apiKey, 'citizen-report', [{ ...other, title: NFC(other.title) }]);
    expect(nfcAgain.result?.accepted).toEqual([{ index: 0, seq: nfdFirst.result!.accepted[0]!.seq, duplicate: true }]);
    expect(hub.state.latest('citizen-report', other.id)?.payload.title).toBe(NFC(other.title));
  });

  it('normalises CSV bodies the same way', async () => {
    const csv = `kpiId,subsystem,value,unit,time,district\npm25-csv,environment,3,%,${new Date(Date.now() - 60_000).toISOString()},${NFD('H. Xuyên Mộc')}\n`;
    const answer = await postIngest(hub.url, ENV.apiKey, 'kpi', csv);
    expect(answer.status).toBe(200);
    expect(seriesOf('pm25-csv')).toEqual([`pm25-csv@${NFC('H. Xuyên Mộc')}`]);
    expect(hub.state.latest('kpi', `pm25-csv@${NFC('H. Xuyên Mộc')}`)?.payload.district).toBe(NFC('H. Xuyên Mộc'));
  });
});

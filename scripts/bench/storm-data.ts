// The retained state a storm is run on: about `total` messages shaped like a province's day (KPI
// series per district with their definitions, alerts, citizen reports, cameras), the same on every
// run so the variants send the same snapshot. A hub holding 25,000 of them sends a 4.9 MB snapshot.
import type { Alert, Camera, CitizenReport, KpiDefinition, KpiPoint } from '../../src-shared/domain';
import type { HubTopic } from '../../src-shared/hub-protocol';
import { ingestOrThrow } from '../../test/helpers/ingest';

const DISTRICTS = ['Phường Vũng Tàu', 'Phường Bà Rịa', 'Phường Phú Mỹ', 'Xã Long Hải', 'Xã Đất Đỏ', 'Xã Xuyên Mộc'];
const KPIS = 40;
const ALERTS = 200;
const REPORTS = 500;
const CAMERAS = 260;
/** Per request: under the ingest API's 10,000 records and 5 MB. */
const BATCH = 5000;

const at = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();

const definition = (i: number): KpiDefinition => ({ id: `kt-xh-${i}`, subsystem: 'socio-economic', vi: `Chỉ tiêu kinh tế – xã hội số ${i}`, en: `Socio-economic indicator ${i}`, unit: '%', decimals: 1, target: 90, higherIsBetter: true });

const point = (series: number, n: number): KpiPoint => ({
  kpiId: `kt-xh-${series % KPIS}`,
  subsystem: 'socio-economic',
  value: Math.round((60 + ((series * 7 + n * 13) % 400) / 10) * 10) / 10,
  unit: '%',
  time: at(600 - n),
  district: DISTRICTS[Math.floor(series / KPIS) % DISTRICTS.length]!,
});

const alert = (i: number): Alert => ({
  id: `canh-bao-${i}`,
  time: at(30 + (i % 300)),
  severity: i % 7 === 0 ? 'critical' : 'warning',
  subsystem: 'environment',
  category: 'ngap-nuoc',
  text: `Ngập nước cục bộ sau mưa lớn tại điểm ${i}, các phương tiện nên đi đường khác`,
  location: { district: DISTRICTS[i % DISTRICTS.length]!, address: `Đường 30/4, phường Rạch Dừa, số ${i}` },
  status: 'open',
});

const report = (i: number): CitizenReport => ({
  id: `pakn-${i}`,
  category: 'rac-thai',
  title: `Rác thải tồn đọng nhiều ngày tại hẻm ${i} đường Lê Lợi`,
  location: { district: DISTRICTS[i % DISTRICTS.length]! },
  channel: 'app',
  status: 'received',
  receivedAt: at(60 + (i % 500)),
});

const camera = (i: number): Camera => ({ id: `cam-${i}`, name: `Camera nút giao số ${i}`, district: DISTRICTS[i % DISTRICTS.length]!, subUrl: `http://127.0.0.1:9/hls/cam-${i}/sub/index.m3u8`, status: 'online' });

/** The records to post, topic by topic, for about `total` retained messages. */
export function stormRecords(total: number): Array<{ topic: HubTopic; records: unknown[] }> {
  const points = Math.max(0, total - KPIS - ALERTS - REPORTS - CAMERAS);
  // Each series keeps 120 points at most; 100 per series keeps every point retained.
  const series = Math.max(1, Math.ceil(points / 100));
  return [
    { topic: 'kpi-definition', records: Array.from({ length: KPIS }, (_, i) => definition(i)) },
    { topic: 'alert', records: Array.from({ length: ALERTS }, (_, i) => alert(i)) },
    { topic: 'citizen-report', records: Array.from({ length: REPORTS }, (_, i) => report(i)) },
    { topic: 'camera', records: Array.from({ length: CAMERAS }, (_, i) => camera(i)) },
    { topic: 'kpi', records: Array.from({ length: points }, (_, i) => point(i % series, Math.floor(i / series))) },
  ];
}

/** Posts the storm's state to a hub as one department allowed every topic. */
export async function seedStormState(hubUrl: string, apiKey: string, total: number): Promise<void> {
  for (const { topic, records } of stormRecords(total)) {
    for (let i = 0; i < records.length; i += BATCH) await ingestOrThrow(hubUrl, apiKey, topic, records.slice(i, i + BATCH));
  }
}

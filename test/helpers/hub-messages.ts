import type {
  Alert,
  Camera,
  CitizenReport,
  DossierCounts,
  EnvironmentReading,
  FeedItem,
  KpiDefinition,
  KpiPoint,
  SecurityEvent,
  SocialMention,
} from '../../src-shared/domain';
import type { HubMessageOf, HubTopic, PayloadOf } from '../../src-shared/hub-protocol';

export const TEST_DEFINITION: KpiDefinition = {
  id: 'tthc-on-time-rate',
  subsystem: 'public-admin',
  vi: 'Hồ sơ TTHC đúng hạn',
  en: 'On-time dossiers',
  unit: '%',
  decimals: 1,
  higherIsBetter: true,
  target: 95,
};

export function kpiPoint(value: number, kpiId = TEST_DEFINITION.id, district?: string): KpiPoint {
  return { kpiId, subsystem: TEST_DEFINITION.subsystem, value, unit: TEST_DEFINITION.unit, time: new Date().toISOString(), ...(district ? { district } : {}) };
}

export function feedItem(id: string): FeedItem {
  return {
    id,
    time: new Date().toISOString(),
    severity: 'warning',
    subsystem: 'environment',
    category: 'ngap-nuoc',
    text: `Cảnh báo ${id}`,
    location: { district: 'TP. Vũng Tàu' },
    status: 'open',
  };
}
export const alert: (id: string) => Alert = feedItem;

/** A traffic collision a camera sees, open: what the operator tests' alert rules react to. */
export function collisionAlert(id: string, cameraId: string, over: Partial<Alert> = {}): Alert {
  return { ...feedItem(id), severity: 'critical', subsystem: 'camera', category: 'va-cham-giao-thong', text: `Va chạm giao thông ${id}`, cameraId, ...over };
}

export function camera(id: string): Camera {
  return { id, name: `Camera ${id}`, district: 'TP. Vũng Tàu', subUrl: `http://127.0.0.1:1/hls/${id}/sub/index.m3u8`, status: 'online' };
}

export function citizenReport(id: string, status: CitizenReport['status'] = 'received'): CitizenReport {
  const receivedAt = new Date().toISOString();
  return {
    id,
    category: 'rac-thai',
    title: `Phản ánh ${id}`,
    location: { district: 'TP. Bà Rịa' },
    channel: 'app',
    status,
    receivedAt,
    ...(status === 'resolved' ? { resolvedAt: receivedAt } : {}),
  };
}

export function environmentReading(stationId: string, aqi: number): EnvironmentReading {
  return { stationId, stationName: `Trạm ${stationId}`, district: 'TX. Phú Mỹ', time: new Date().toISOString(), aqi };
}

export function securityEvent(id: string, status: SecurityEvent['status'] = 'detected'): SecurityEvent {
  return { id, time: new Date().toISOString(), severity: 'critical', kind: 'ddos', target: 'Cổng dịch vụ công', status };
}

export function socialMention(id: string, sentiment: SocialMention['sentiment'] = 'negative'): SocialMention {
  return { id, time: new Date().toISOString(), platform: 'facebook', text: `Bài viết ${id}`, sentiment };
}

export function dossierCounts(unitId: string, date: string, onTime: number, resolved: number): DossierCounts {
  return { unitId, unitName: `Đơn vị ${unitId}`, date, received: resolved + 5, resolved, onTime, overdue: resolved - onTime, time: new Date().toISOString() };
}

/** A hub message of any topic, with the hub's accept time now. */
export function hubMessage<T extends HubTopic>(topic: T, seq: number, payload: PayloadOf<T>): HubMessageOf<T> {
  return { topic, seq, time: new Date().toISOString(), payload } as HubMessageOf<T>;
}

/** A snapshot without its send time, to compare two states that were taken at different moments. */
export function withoutTime<T extends { time: string }>(snapshot: T): Omit<T, 'time'> {
  const { time: _time, ...rest } = snapshot;
  return rest;
}

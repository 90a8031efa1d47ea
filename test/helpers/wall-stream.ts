import type { Alert, KpiDefinition, KpiPoint } from '../../src-shared/domain';
import type { HubMessage } from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';

/** Records and hub messages for the wall-side tests: small, valid, and cheap to make by the thousand. */

const T0 = Date.parse('2025-03-01T08:00:00.000Z');
/** A deterministic time per seq, so two runs produce identical messages. */
export const timeOf = (n: number): string => new Date(T0 + n * 1000).toISOString();

export function kpiDefinition(id: string): KpiDefinition {
  return { id, subsystem: 'socio-economic', vi: `Chỉ số ${id}`, en: `Indicator ${id}`, unit: '%', decimals: 1, higherIsBetter: true };
}

export function kpiRecord(kpiId: string, value: number, n = 0): KpiPoint {
  return { kpiId, subsystem: 'socio-economic', value, unit: '%', time: timeOf(n) };
}

export function alertRecord(id: string, n = 0, status: Alert['status'] = 'open'): Alert {
  return { id, time: timeOf(n), severity: 'warning', subsystem: 'environment', category: 'ngap-nuoc', text: `Cảnh báo ${id}`, location: { district: 'TP. Vũng Tàu' }, status };
}

export function kpiMessage(seq: number, kpiId: string, value: number): HubMessage {
  return { topic: 'kpi', seq, time: timeOf(seq), payload: kpiRecord(kpiId, value, seq) };
}

export function alertMessage(seq: number, id: string, status: Alert['status'] = 'open'): HubMessage {
  return { topic: 'alert', seq, time: timeOf(seq), payload: alertRecord(id, seq, status) };
}

/**
 * A stream 1..count mixing KPI history (evicts past 120 versions) and alerts updated in place
 * (evict the previous version), so replaying it exercises every retention rule.
 */
export function mixedStream(count: number, from = 1): HubMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = from + i;
    return seq % 3 === 0 ? alertMessage(seq, `a${seq % 40}`, seq % 2 === 0 ? 'open' : 'acknowledged') : kpiMessage(seq, `k${seq % 5}`, seq / 10);
  });
}

/** The state a hub holds after `messages`, by the shared retention rules. */
export function stateAfter(hubId: string, messages: readonly HubMessage[]): HubStateModel {
  const model = new HubStateModel(hubId);
  messages.forEach((m) => model.apply(m));
  return model;
}

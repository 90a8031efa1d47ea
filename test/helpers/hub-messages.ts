import type { FeedItem, KpiDefinition, KpiPoint } from '../../src-shared/domain';

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

export function kpiPoint(value: number, kpiId = TEST_DEFINITION.id): KpiPoint {
  return { kpiId, value, time: new Date().toISOString() };
}

export function feedItem(id: string): FeedItem {
  return { id, time: new Date().toISOString(), severity: 'warning', subsystem: 'environment', text: `Cảnh báo ${id}`, district: 'TP. Vũng Tàu' };
}

/** A snapshot without its send time, to compare two states that were taken at different moments. */
export function withoutTime<T extends { time: string }>(snapshot: T): Omit<T, 'time'> {
  const { time: _time, ...rest } = snapshot;
  return rest;
}

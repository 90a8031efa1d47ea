import { create } from 'zustand';
import type { KpiDefinition, KpiPoint } from '../../src-shared/domain';
import type { HubMessageOf } from '../../src-shared/hub-protocol';
import { emptyTable, latestOf, tableFrom, tableWith, type TopicTable } from './topic-table';

/**
 * KPI definitions (by id) and KPI series (by kpiKey: one per KPI, or per KPI and district), each
 * series its recent points oldest first, bounded like the hub's own. Both topics change in one
 * `set`, so a batch carrying definitions and points re-renders a tile once.
 */
export interface KpiStore {
  definitions: TopicTable<KpiDefinition>;
  series: TopicTable<KpiPoint>;
  replaceAll(definitions: readonly HubMessageOf<'kpi-definition'>[], points: readonly HubMessageOf<'kpi'>[]): void;
  received(definitions: readonly HubMessageOf<'kpi-definition'>[], points: readonly HubMessageOf<'kpi'>[]): void;
}

export const useKpiStore = create<KpiStore>()((set) => ({
  definitions: emptyTable(),
  series: emptyTable(),
  replaceAll: (definitions, points) => set({ definitions: tableFrom('kpi-definition', definitions), series: tableFrom('kpi', points) }),
  received: (definitions, points) =>
    set((s) => ({ definitions: tableWith(s.definitions, 'kpi-definition', definitions), series: tableWith(s.series, 'kpi', points) })),
}));

const NO_POINTS: readonly KpiPoint[] = [];

/** A series' points by kpiKey, or a shared empty list so selectors stay referentially stable. */
export function seriesOf(state: Pick<KpiStore, 'series'>, key: string): readonly KpiPoint[] {
  return state.series.get(key)?.versions ?? NO_POINTS;
}

export function definitionOf(state: Pick<KpiStore, 'definitions'>, kpiId: string): KpiDefinition | undefined {
  return latestOf(state.definitions, kpiId);
}

/** The latest value is the last point of the series; it is derived, never stored twice. */
export function latestPoint(points: readonly KpiPoint[]): KpiPoint | undefined {
  return points[points.length - 1];
}

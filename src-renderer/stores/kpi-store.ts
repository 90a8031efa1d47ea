import { create } from 'zustand';
import type { KpiDefinition, KpiPoint } from '../../src-shared/domain';
import { KPI_HISTORY_LIMIT } from '../../src-shared/hub-protocol';

/** KPI definitions and each KPI's recent history (oldest first), bounded like the hub's own. */
export interface KpiStore {
  definitions: Readonly<Record<string, KpiDefinition>>;
  history: Readonly<Record<string, readonly KpiPoint[]>>;
  replaceAll(definitions: readonly KpiDefinition[], history: Readonly<Record<string, readonly KpiPoint[]>>): void;
  definitionReceived(definition: KpiDefinition): void;
  pointReceived(point: KpiPoint): void;
}

export const useKpiStore = create<KpiStore>()((set) => ({
  definitions: {},
  history: {},
  replaceAll: (definitions, history) =>
    set({
      definitions: Object.fromEntries(definitions.map((d) => [d.id, d])),
      history: Object.fromEntries(Object.entries(history).map(([id, points]) => [id, points.slice(-KPI_HISTORY_LIMIT)])),
    }),
  definitionReceived: (definition) => set((s) => ({ definitions: { ...s.definitions, [definition.id]: definition } })),
  pointReceived: (point) =>
    set((s) => {
      const points = [...(s.history[point.kpiId] ?? []), point];
      return { history: { ...s.history, [point.kpiId]: points.length > KPI_HISTORY_LIMIT ? points.slice(-KPI_HISTORY_LIMIT) : points } };
    }),
}));

const NO_POINTS: readonly KpiPoint[] = [];

/** A KPI's history, or a shared empty list so selectors stay referentially stable. */
export function historyOf(state: Pick<KpiStore, 'history'>, kpiId: string): readonly KpiPoint[] {
  return state.history[kpiId] ?? NO_POINTS;
}

/** The latest value is the last point of the history; it is derived, never stored twice. */
export function latestPoint(points: readonly KpiPoint[]): KpiPoint | undefined {
  return points[points.length - 1];
}

import type { KpiDefinition } from '../../src-shared/domain';
import type { HubTopic } from '../../src-shared/hub-protocol';
import { ageMs, formatUpdated, staleAfterSeconds, staleness, type TileFreshness } from '../format/age';
import { useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { useNow } from './use-now';

/** The stale threshold in seconds for a topic's data on this host, a KPI definition's own first. */
export function useStaleAfter(topic: HubTopic, definition?: Pick<KpiDefinition, 'staleAfterSeconds'>): number {
  const configured = useAppInfoStore((s) => s.info?.staleAfterSeconds);
  return staleAfterSeconds(topic, configured, definition);
}

export interface DataAge {
  /** "cập nhật 3 phút trước", or "no data yet". */
  ageText: string;
  freshness: TileFreshness;
}

/** How old a record is (its department time) and whether that is stale, repainted on the shared clock. */
export function useDataAge(time: string | undefined, staleAfter: number): DataAge {
  const t = useT();
  const now = useNow();
  if (time === undefined) return { ageText: t('tile.noData'), freshness: 'nodata' };
  const age = ageMs(time, now);
  return { ageText: formatUpdated(age, t), freshness: staleness(age, staleAfter) };
}

import { useMemo } from 'react';
import type { Alert } from '../../src-shared/domain';
import { useFeedStore } from '../stores/feed-store';
import { currentRecords } from '../stores/topic-table';
import { orderAlerts } from './alert-order';

/**
 * Every alert the renderer holds, one per id, in the working order (alert-order.ts): the list the
 * wall's ticker and the console's panel both draw. Recomputed only when the alert table changes,
 * so the array is the same object between renders and a memoised row re-renders only when its
 * alert does.
 */
export function useOrderedAlerts(): readonly Alert[] {
  const table = useFeedStore((s) => s.table);
  return useMemo(() => orderAlerts(currentRecords(table)), [table]);
}

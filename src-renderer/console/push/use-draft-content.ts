import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PushedContent } from '../../../src-shared/wall-view';
import { draftContent, usePushDraftStore } from './push-draft-store';

/** The content the draft would put on a tile, re-computed only when one of its parts changes. */
export function useDraftContent(): PushedContent | null {
  const draft = usePushDraftStore(useShallow((s) => ({ source: s.source, cameraId: s.cameraId, kpiId: s.kpiId, chart: s.chart, district: s.district, mapView: s.mapView, mapLayers: s.mapLayers })));
  return useMemo(() => draftContent(draft), [draft]);
}

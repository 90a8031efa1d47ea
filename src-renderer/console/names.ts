import { useMemo } from 'react';
import type { Camera, KpiDefinition, Language } from '../../src-shared/domain';
import { mapViewName, type MapViewRef, type NamedMapView } from '../../src-shared/map';
import type { PushedContent } from '../../src-shared/wall-view';
import { unitNameIn } from '../i18n/data-text';
import type { Translate } from '../i18n/translate';
import { useLanguage, useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { useCameraStore } from '../stores/camera-store';
import { useKpiStore } from '../stores/kpi-store';
import { latestOf, type TopicTable } from '../stores/topic-table';

/**
 * What the console calls cameras and KPIs: their names from the hub (camera registry, KPI
 * definitions) in the UI language, the id while the hub has not sent them yet.
 */
export interface NameBook {
  camera(cameraId: string): string;
  /** The camera's record, for its district and status; undefined while unknown. */
  cameraRecord(cameraId: string): Camera | undefined;
  kpi(kpiId: string, district?: string): string;
  /** "Camera Bãi Sau – Thùy Vân" / "Chỉ số AQI – Phường Vũng Tàu (đồ thị)": pushed content in words. */
  content(content: PushedContent): string;
  /** "Toàn tỉnh", "Phú Mỹ": a map view in words. */
  mapView(view: MapViewRef): string;
}

export function nameBook(cameras: TopicTable<Camera>, definitions: TopicTable<KpiDefinition>, language: Language, t: Translate, views: readonly NamedMapView[] = []): NameBook {
  const camera = (cameraId: string): string => latestOf(cameras, cameraId)?.name ?? cameraId;
  const kpi = (kpiId: string, district?: string): string => {
    const name = latestOf(definitions, kpiId)?.[language] ?? kpiId;
    return district ? t('kpi.inDistrict', { name, district: unitNameIn(district, language) }) : name;
  };
  return {
    camera,
    cameraRecord: (cameraId) => latestOf(cameras, cameraId),
    kpi,
    mapView: (view) => mapViewName(view, views, language),
    content: (content) => {
      switch (content.kind) {
        case 'camera':
          return t('desk.content.camera', { name: camera(content.cameraId) });
        case 'kpi':
          return t(content.chart === 'gauge' ? 'desk.content.kpiGauge' : 'desk.content.kpiLine', { name: kpi(content.kpiId, content.district) });
        case 'map':
          return t('desk.content.map', { name: mapViewName(content.view, views, language) });
      }
    },
  };
}

const NO_VIEWS: readonly NamedMapView[] = [];

/** The name book on the stores' current tables; a new one only when a table or the language changes. */
export function useNameBook(): NameBook {
  const t = useT();
  const language = useLanguage();
  const cameras = useCameraStore((s) => s.table);
  const definitions = useKpiStore((s) => s.definitions);
  const views = useAppInfoStore((s) => s.info?.map?.views ?? NO_VIEWS);
  return useMemo(() => nameBook(cameras, definitions, language, t, views), [cameras, definitions, language, t, views]);
}

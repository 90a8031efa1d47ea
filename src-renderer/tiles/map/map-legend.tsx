import { useEffect } from 'react';
import { kpiKey, type MapTile } from '../../../src-shared/domain';
import type { MapLayer } from '../../../src-shared/map';
import { VN_AQI_BANDS } from '../../../src-shared/map';
import { WarningIcon } from '../../components/icons';
import { ageMs, formatUpdated, newestRecordTime, staleAfterSeconds, staleness, type TileFreshness } from '../../format/age';
import { useNow } from '../../hooks/use-now';
import { useLanguage, useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/translate';
import { useAppInfoStore } from '../../stores/app-info-store';
import { useCameraStateStore } from '../../stores/camera-state-store';
import { useCameraStore } from '../../stores/camera-store';
import { useCitizenReportStore } from '../../stores/citizen-report-store';
import { useEnvironmentStore } from '../../stores/environment-store';
import { useFeedStore } from '../../stores/feed-store';
import { useKpiStore } from '../../stores/kpi-store';
import { currentRecords } from '../../stores/topic-table';
import { cameraMapState } from './map-features';
import { MAP_COLORS } from './map-style';

/** One legend line: how much the layer shows, how old its newest data is, and whether that is stale. */
export interface LayerSummary {
  layer: MapLayer;
  count: string;
  /** The department time of the layer's newest record; undefined for a layer without times (cameras). */
  newest: string | undefined;
  staleAfter: number;
}

/**
 * Reads the stores once a second (on the shared clock) instead of on every update, so a storm of
 * reports re-renders the legend once a second, not fifty times.
 */
function summarize(layer: MapLayer, tile: MapTile, names: readonly string[], configured: Parameters<typeof staleAfterSeconds>[1]): LayerSummary {
  switch (layer) {
    case 'cameras': {
      const states = useCameraStateStore.getState().states;
      let live = 0;
      let total = 0;
      for (const camera of currentRecords(useCameraStore.getState().table)) {
        if (!camera.location) continue;
        total += 1;
        if (cameraMapState(camera, states.get(camera.id)) !== 'offline') live += 1;
      }
      return { layer, count: `${live}/${total}`, newest: undefined, staleAfter: staleAfterSeconds('camera', configured) };
    }
    case 'alerts': {
      const alerts = [...currentRecords(useFeedStore.getState().table)];
      const onMap = alerts.filter((a) => a.status !== 'resolved' && a.location.point).length;
      return { layer, count: String(onMap), newest: newestRecordTime('alert', alerts), staleAfter: staleAfterSeconds('alert', configured) };
    }
    case 'reports': {
      const reports = [...currentRecords(useCitizenReportStore.getState().table)];
      const open = reports.filter((r) => r.status === 'received' || r.status === 'processing').length;
      return { layer, count: String(open), newest: newestRecordTime('citizen-report', reports), staleAfter: staleAfterSeconds('citizen-report', configured) };
    }
    case 'stations': {
      const readings = [...currentRecords(useEnvironmentStore.getState().table)];
      return { layer, count: String(readings.filter((r) => r.point).length), newest: newestRecordTime('environment', readings), staleAfter: staleAfterSeconds('environment', configured) };
    }
    case 'units': {
      const series = useKpiStore.getState().series;
      const points = names.flatMap((name) => {
        const latest = tile.units ? series.get(kpiKey(tile.units.kpiId, name))?.versions.at(-1) : undefined;
        return latest ? [latest] : [];
      });
      return { layer, count: `${points.length}/${names.length}`, newest: newestRecordTime('kpi', points), staleAfter: staleAfterSeconds('kpi', configured) };
    }
  }
}

const SWATCHES: Readonly<Record<MapLayer, readonly { color: string; key: MessageKey }[]>> = {
  cameras: [
    { color: MAP_COLORS.cameraLive, key: 'map.camera.live' },
    { color: MAP_COLORS.cameraIdle, key: 'map.camera.idle' },
    { color: MAP_COLORS.cameraTrouble, key: 'map.camera.trouble' },
    { color: MAP_COLORS.cameraOffline, key: 'map.camera.offline' },
  ],
  alerts: [
    { color: MAP_COLORS.critical, key: 'severity.critical' },
    { color: MAP_COLORS.warning, key: 'severity.warning' },
    { color: MAP_COLORS.info, key: 'severity.info' },
  ],
  reports: [
    { color: MAP_COLORS.reportReceived, key: 'map.report.received' },
    { color: MAP_COLORS.reportProcessing, key: 'map.report.processing' },
    { color: MAP_COLORS.reportResolved, key: 'map.report.resolved' },
  ],
  stations: [],
  units: [
    { color: MAP_COLORS.unitLow, key: 'map.units.low' },
    { color: MAP_COLORS.unitHigh, key: 'map.units.high' },
  ],
};

export function MapLegend({ tile, unitNames, onStale }: { tile: MapTile; unitNames: readonly string[]; onStale(layer: MapLayer, stale: boolean): void }) {
  const t = useT();
  const language = useLanguage();
  const now = useNow();
  const configured = useAppInfoStore((s) => s.info?.staleAfterSeconds);
  const summaries = tile.layers.map((layer) => summarize(layer, tile, unitNames, configured));
  const freshness = (s: LayerSummary): TileFreshness => (s.newest === undefined ? (s.layer === 'cameras' ? 'fresh' : 'nodata') : staleness(ageMs(s.newest, now), s.staleAfter));
  const staleKey = summaries.map((s) => `${s.layer}:${freshness(s) === 'stale' || freshness(s) === 'critical'}`).join(',');
  useEffect(() => {
    for (const entry of staleKey.split(',')) {
      const [layer, stale] = entry.split(':');
      onStale(layer as MapLayer, stale === 'true');
    }
  }, [staleKey, onStale]);
  return (
    <ul className="map-legend" aria-label={t('map.title')}>
      {summaries.map((s) => {
        const fresh = freshness(s);
        const stale = fresh === 'stale' || fresh === 'critical';
        const unitName = s.layer === 'units' && tile.units ? (useKpiStore.getState().definitions.get(tile.units.kpiId)?.versions.at(-1)?.[language] ?? tile.units.kpiId) : null;
        return (
          <li key={s.layer} className="map-legend__layer" data-layer={s.layer} data-staleness={fresh} data-stale-mark={stale || undefined}>
            <div className="map-legend__head">
              <span className="map-legend__name">{unitName ?? t(`map.layer.${s.layer}`)}</span>
              <span className="map-legend__count">{s.count}</span>
            </div>
            <div className="map-legend__swatches">
              {(s.layer === 'stations' ? VN_AQI_BANDS.map((band) => ({ color: band.color, label: band[language] })) : SWATCHES[s.layer].map((sw) => ({ color: sw.color, label: t(sw.key) }))).map((sw) => (
                <span key={sw.label} className="map-legend__swatch">
                  <i style={{ background: sw.color }} aria-hidden="true" />
                  {sw.label}
                </span>
              ))}
            </div>
            {s.layer !== 'cameras' ? (
              <div className="map-legend__age" data-staleness={fresh}>
                {stale ? <WarningIcon className="map-legend__icon" /> : null}
                {stale ? <strong className="map-legend__stale">{t('tile.stale')}</strong> : null}
                <span>{s.newest === undefined ? t('map.layer.noData') : formatUpdated(ageMs(s.newest, now), t)}</span>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

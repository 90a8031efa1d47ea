import { useEffect } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { kpiKey, type MapTile } from '../../../src-shared/domain';
import type { UnitSeat } from '../../../src-shared/map';
import { useCameraStateStore } from '../../stores/camera-state-store';
import { useCameraStore } from '../../stores/camera-store';
import { useCitizenReportStore } from '../../stores/citizen-report-store';
import { useEnvironmentStore } from '../../stores/environment-store';
import { useFeedStore } from '../../stores/feed-store';
import { useKpiStore } from '../../stores/kpi-store';
import { currentRecords } from '../../stores/topic-table';
import type { MapController } from './map-controller';
import { alertFeatures, cameraFeatures, reportFeatures, stationFeatures, unitFeatures } from './map-features';

/**
 * Feeds a map's live sources from the same stores every other tile reads (so the cache, the
 * catch-up and the offline state are theirs too). Subscribes outside React: a report arriving
 * re-computes one layer's GeoJSON and hands it to the controller, which coalesces the drawing;
 * the tile itself does not re-render.
 */
export function useLiveLayers(controller: MapController | null, tile: MapTile, seats: readonly UnitSeat[], units: FeatureCollection<Geometry, { name: string }> | null): void {
  const layers = tile.layers.join(',');
  const unitKpi = tile.units?.kpiId;
  useEffect(() => {
    if (!controller) return;
    const shown = new Set(layers.split(','));
    const seatByName = new Map(seats.map((seat) => [seat.name, seat]));
    const unsubscribe: (() => void)[] = [];
    const watch = <S>(store: { getState(): S; subscribe(listener: (state: S, previous: S) => void): () => void }, changed: (state: S, previous: S) => boolean, draw: () => void): void => {
      draw();
      unsubscribe.push(store.subscribe((state, previous) => changed(state, previous) && draw()));
    };
    if (shown.has('cameras')) {
      const draw = (): void => controller.setData('cameras', cameraFeatures(currentRecords(useCameraStore.getState().table), useCameraStateStore.getState().states));
      watch(useCameraStore, (s, p) => s.table !== p.table, draw);
      watch(useCameraStateStore, (s, p) => s.states !== p.states, draw);
    }
    if (shown.has('alerts')) watch(useFeedStore, (s, p) => s.table !== p.table, () => controller.setData('alerts', alertFeatures(currentRecords(useFeedStore.getState().table))));
    if (shown.has('reports')) watch(useCitizenReportStore, (s, p) => s.table !== p.table, () => controller.setData('reports', reportFeatures(currentRecords(useCitizenReportStore.getState().table), seatByName, Date.now())));
    if (shown.has('stations')) watch(useEnvironmentStore, (s, p) => s.table !== p.table, () => controller.setData('stations', stationFeatures(currentRecords(useEnvironmentStore.getState().table))));
    if (shown.has('units') && unitKpi !== undefined) {
      const names = units ? units.features.map((f) => f.properties.name) : seats.map((seat) => seat.name);
      const draw = (): void => {
        const series = useKpiStore.getState().series;
        const values = new Map<string, number>();
        for (const name of names) {
          const latest = series.get(kpiKey(unitKpi, name))?.versions.at(-1);
          if (latest) values.set(name, latest.value);
        }
        controller.setData('units', unitFeatures(units, seats, values));
      };
      watch(useKpiStore, (s, p) => s.series !== p.series, draw);
    }
    return () => unsubscribe.forEach((stop) => stop());
  }, [controller, layers, unitKpi, seats, units]);
}

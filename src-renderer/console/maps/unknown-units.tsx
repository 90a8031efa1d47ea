import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { useCitizenReportStore } from '../../stores/citizen-report-store';
import { useEnvironmentStore } from '../../stores/environment-store';
import { useFeedStore } from '../../stores/feed-store';
import { useKpiStore } from '../../stores/kpi-store';
import { currentRecords } from '../../stores/topic-table';
import { unknownUnits } from '../../tiles/map/map-features';

/**
 * How many unit names in the data the map does not know (a renamed ward, a typo at a department),
 * with the names in the tooltip: those records are not on the map's units layer. The host logs
 * each name once; this counts them where the operator looks.
 */
export function UnknownUnits() {
  const t = useT();
  const info = useAppInfoStore((s) => s.info);
  const alerts = useFeedStore((s) => s.table);
  const reports = useCitizenReportStore((s) => s.table);
  const readings = useEnvironmentStore((s) => s.table);
  const series = useKpiStore((s) => s.series);
  const unknown = useMemo(() => {
    if (!info) return [];
    const known = new Set(info.map?.units.source === 'file' ? info.map.units.names : (info.map?.unitSeats ?? []).map((seat) => seat.name));
    if (known.size === 0) return [];
    const used: string[] = [];
    for (const alert of currentRecords(alerts)) used.push(alert.location.district);
    for (const report of currentRecords(reports)) used.push(report.location.district);
    for (const reading of currentRecords(readings)) used.push(reading.district);
    for (const point of currentRecords(series)) if (point.district) used.push(point.district);
    return unknownUnits(used, known);
  }, [info, alerts, reports, readings, series]);
  return (
    <>
      <dt>{t('map.unknownUnits')}</dt>
      <dd className={unknown.length > 0 ? 'facts__warn' : undefined} data-unknown-units={unknown.length} title={unknown.length > 0 ? t('map.unknownUnits.hint', { names: unknown.join(', ') }) : undefined}>
        {unknown.length}
      </dd>
    </>
  );
}

import { useMemo } from 'react';
import { kpiKey, type KpiTile as KpiTileConfig } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { InboxIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { recordTime } from '../../format/age';
import { useDataAge, useStaleAfter } from '../../hooks/use-data-age';
import { useOutageLink } from '../../hooks/use-outage';
import { unitNameIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import { useConnectionStore } from '../../stores/connection-store';
import { definitionOf, latestPoint, seriesOf, useKpiStore } from '../../stores/kpi-store';
import { amendedDefinition, ASSESSMENT_COLORS, assessKpi } from './kpi-assessment';
import { KpiGaugeChart, KpiLineChart } from './kpi-charts-lazy';
import { KpiReading } from './kpi-reading';

const NEUTRAL_ACCENT = '#64748b';
/** The gauge's arc while a link is down: no green or red for a number that may no longer hold. */
const OUTAGE_GAUGE = '#94a3b8';

/**
 * One KPI series (province-wide, or one district's): big current value against its target, its
 * recent history, and how old the value is against the KPI's stale threshold.
 */
export function KpiTile({ tile }: { tile: KpiTileConfig }) {
  const t = useT();
  const language = useLanguage();
  const definition = useKpiStore((s) => definitionOf(s, tile.kpiId));
  const points = useKpiStore((s) => seriesOf(s, kpiKey(tile.kpiId, tile.district)));
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const outage = useOutageLink() !== null;
  const latest = latestPoint(points);
  const staleAfter = useStaleAfter('kpi', definition);
  const { ageText, freshness } = useDataAge(latest ? recordTime('kpi', latest) : undefined, staleAfter);
  // A point may carry its own unit and target (e.g. a district's); memoised so charts keep their options.
  const shown = useMemo(() => amendedDefinition(definition, latest), [definition, latest]);
  const subsystemId = definition?.subsystem ?? latest?.subsystem;
  const subsystem = subsystemId ? SUBSYSTEMS[subsystemId] : undefined;
  const accent = subsystem?.color ?? NEUTRAL_ACCENT;
  const name = definition?.[language] ?? tile.kpiId;

  let body;
  if (!latest) {
    const missing = hubLoaded && !definition;
    body = <TileMessage icon={<InboxIcon className="tile-message__icon" />} text={missing ? t('kpi.notFound', { id: tile.kpiId }) : t('tile.noData')} tone={missing ? 'warn' : 'muted'} />;
  } else if (tile.chart === 'gauge') {
    const color = outage ? OUTAGE_GAUGE : ASSESSMENT_COLORS[shown ? assessKpi(latest.value, shown) : 'neutral'];
    body = (
      <div className="kpi-body kpi-body--gauge">
        <KpiGaugeChart value={latest.value} definition={shown} color={color} />
        <KpiReading point={latest} definition={shown} />
      </div>
    );
  } else {
    body = (
      <div className="kpi-body kpi-body--line">
        <KpiReading point={latest} definition={shown} />
        <KpiLineChart points={points} definition={shown} accent={accent} staleAfterSeconds={staleAfter} />
      </div>
    );
  }

  return (
    <TileFrame
      tile={tile}
      accent={accent}
      eyebrow={subsystem?.[language]}
      title={tile.district ? t('kpi.inDistrict', { name, district: unitNameIn(tile.district, language) }) : name}
      ageText={ageText}
      freshness={freshness}
      staleAfterSeconds={staleAfter}
    >
      {body}
    </TileFrame>
  );
}

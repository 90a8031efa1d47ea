import type { KpiTile as KpiTileConfig } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { InboxIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { ageMs, formatAge, KPI_STALENESS, staleness } from '../../format/age';
import { useNow } from '../../hooks/use-now';
import { useLanguage, useT } from '../../i18n/use-t';
import { useConnectionStore } from '../../stores/connection-store';
import { historyOf, latestPoint, useKpiStore } from '../../stores/kpi-store';
import { ASSESSMENT_COLORS, assessKpi } from './kpi-assessment';
import { KpiGaugeChart, KpiLineChart } from './kpi-charts';
import { KpiReading } from './kpi-reading';

const NEUTRAL_ACCENT = '#64748b';

/** One KPI: big current value against its target, its recent history, and how old the value is. */
export function KpiTile({ tile }: { tile: KpiTileConfig }) {
  const t = useT();
  const language = useLanguage();
  const now = useNow();
  const definition = useKpiStore((s) => s.definitions[tile.kpiId]);
  const points = useKpiStore((s) => historyOf(s, tile.kpiId));
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const latest = latestPoint(points);
  const subsystem = definition ? SUBSYSTEMS[definition.subsystem] : undefined;
  const accent = subsystem?.color ?? NEUTRAL_ACCENT;
  const age = latest ? ageMs(latest.time, now) : Number.POSITIVE_INFINITY;

  let body;
  if (!latest) {
    const missing = hubLoaded && !definition;
    body = <TileMessage icon={<InboxIcon className="tile-message__icon" />} text={missing ? t('kpi.notFound', { id: tile.kpiId }) : t('tile.noData')} tone={missing ? 'warn' : 'muted'} />;
  } else if (tile.chart === 'gauge') {
    const color = ASSESSMENT_COLORS[definition ? assessKpi(latest.value, definition) : 'neutral'];
    body = (
      <div className="kpi-body kpi-body--gauge">
        <KpiGaugeChart value={latest.value} definition={definition} color={color} />
        <KpiReading point={latest} definition={definition} />
      </div>
    );
  } else {
    body = (
      <div className="kpi-body kpi-body--line">
        <KpiReading point={latest} definition={definition} />
        <KpiLineChart points={points} definition={definition} accent={accent} />
      </div>
    );
  }

  return (
    <TileFrame
      tile={tile}
      accent={accent}
      eyebrow={subsystem?.[language]}
      title={definition?.[language] ?? tile.kpiId}
      ageText={latest ? t('tile.updated', { age: formatAge(age, t) }) : t('tile.noData')}
      freshness={latest ? staleness(age, KPI_STALENESS) : 'nodata'}
    >
      {body}
    </TileFrame>
  );
}

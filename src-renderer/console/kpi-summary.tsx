import { useMemo, type CSSProperties } from 'react';
import type { KpiDefinition } from '../../src-shared/domain';
import { SUBSYSTEM_IDS, SUBSYSTEMS, type SubsystemId } from '../../src-shared/subsystems';
import { ageMs, formatAge, KPI_STALENESS, staleness } from '../format/age';
import { formatNumber } from '../format/numbers';
import { useNow } from '../hooks/use-now';
import { localeOf } from '../i18n/translate';
import { useLanguage, useT } from '../i18n/use-t';
import { latestPoint, useKpiStore } from '../stores/kpi-store';
import { assessKpi } from '../tiles/kpi/kpi-assessment';

/** Definitions grouped by subsystem in the province's order; empty subsystems are left out. */
function groupBySubsystem(definitions: readonly KpiDefinition[]): [SubsystemId, KpiDefinition[]][] {
  return SUBSYSTEM_IDS.map((id): [SubsystemId, KpiDefinition[]] => [id, definitions.filter((d) => d.subsystem === id)]).filter(([, list]) => list.length > 0);
}

/** Every KPI's latest value on one screen, so the desk can answer "what is the wall showing?". */
export function KpiSummary() {
  const t = useT();
  const language = useLanguage();
  const locale = localeOf(language);
  const now = useNow();
  const definitions = useKpiStore((s) => s.definitions);
  const history = useKpiStore((s) => s.history);
  const groups = useMemo(() => groupBySubsystem(Object.values(definitions)), [definitions]);
  return (
    <section className="console-panel console-panel--wide">
      <h2 className="console-panel__title">{t('console.kpis')}</h2>
      {groups.length === 0 ? <p className="console-panel__hint">{t('console.noKpis')}</p> : null}
      <div className="kpi-groups">
        {groups.map(([subsystemId, list]) => (
          <div key={subsystemId} className="kpi-group" style={{ '--accent': SUBSYSTEMS[subsystemId].color } as CSSProperties}>
            <h3 className="kpi-group__title">{SUBSYSTEMS[subsystemId][language]}</h3>
            <ul className="kpi-group__list">
              {list.map((definition) => {
                const latest = latestPoint(history[definition.id] ?? []);
                const age = latest ? ageMs(latest.time, now) : Number.POSITIVE_INFINITY;
                return (
                  <li key={definition.id} className="kpi-line" data-kpi-id={definition.id} data-stale={latest ? staleness(age, KPI_STALENESS) : 'nodata'}>
                    <span className="kpi-line__name">{definition[language]}</span>
                    <span className="kpi-line__value" data-assessment={latest ? assessKpi(latest.value, definition) : 'neutral'}>
                      {latest ? `${formatNumber(latest.value, definition.decimals, locale)} ${definition.unit}`.trim() : '—'}
                    </span>
                    <span className="kpi-line__age">{latest ? formatAge(age, t) : t('tile.noData')}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

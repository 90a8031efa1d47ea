import { SEVERITY_RANK, severitySchema, type Severity } from '../../../src-shared/domain';
import { SUBSYSTEM_IDS, SUBSYSTEMS, type SubsystemId } from '../../../src-shared/subsystems';
import type { AlertCounts } from '../../alerts/alert-order';
import { countFor, isFiltered, STATE_FILTERS } from '../../alerts/alert-filter';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAlertFilterStore } from './alert-filter-store';

/** Most severe first, as the list orders them. */
const SEVERITIES: readonly Severity[] = [...severitySchema.options].sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);

/**
 * The alert panel's filters: one button per state with how many alerts it holds (under the other
 * filters), a severity, a subsystem and a search. Changing one keeps the others.
 */
export function AlertFilters({ counts }: { counts: AlertCounts }) {
  const t = useT();
  const language = useLanguage();
  const filter = useAlertFilterStore((s) => s.filter);
  const change = useAlertFilterStore((s) => s.change);
  const reset = useAlertFilterStore((s) => s.reset);
  return (
    <div className="alert-filters" role="group" aria-label={t('desk.alerts.filters')}>
      <div className="alert-filters__states" role="radiogroup" aria-label={t('desk.alerts.filters')}>
        {STATE_FILTERS.map((state) => (
          <button
            key={state}
            type="button"
            role="radio"
            className="alert-filters__state"
            aria-checked={filter.state === state}
            data-state-filter={state}
            data-count={countFor(state, counts)}
            onClick={() => change({ state })}
          >
            {t(`desk.alerts.state.${state}`)}
            <span className="alert-filters__count">{countFor(state, counts)}</span>
          </button>
        ))}
      </div>
      <div className="alert-filters__fields">
        <label className="alert-filters__field">
          <span>{t('desk.alerts.severity')}</span>
          <select value={filter.severity} data-filter="severity" onChange={(e) => change({ severity: e.target.value as Severity | 'all' })}>
            <option value="all">{t('desk.alerts.severity.all')}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {t(`severity.${severity}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="alert-filters__field">
          <span>{t('desk.alerts.subsystem')}</span>
          <select value={filter.subsystem} data-filter="subsystem" onChange={(e) => change({ subsystem: e.target.value as SubsystemId | 'all' })}>
            <option value="all">{t('desk.alerts.subsystem.all')}</option>
            {SUBSYSTEM_IDS.map((id) => (
              <option key={id} value={id}>
                {SUBSYSTEMS[id][language]}
              </option>
            ))}
          </select>
        </label>
        <label className="alert-filters__field alert-filters__field--search">
          <span>{t('desk.alerts.search')}</span>
          <input type="search" value={filter.text} data-filter="text" spellCheck={false} placeholder={t('desk.alerts.search.placeholder')} onChange={(e) => change({ text: e.target.value })} />
        </label>
        <button type="button" className="desk-button desk-button--small alert-filters__clear" data-action="clear-alert-filters" disabled={!isFiltered(filter)} onClick={reset}>
          {t('desk.alerts.clearFilters')}
        </button>
      </div>
    </div>
  );
}

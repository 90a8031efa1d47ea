import { useId, useMemo } from 'react';
import type { KpiPoint } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { matchesSearch } from '../../format/search-text';
import { unitNameIn } from '../../i18n/data-text';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useConnectionStore } from '../../stores/connection-store';
import { useKpiStore } from '../../stores/kpi-store';
import { currentRecords, type TopicTable } from '../../stores/topic-table';
import { usePushDraftStore } from './push-draft-store';

/** The districts a KPI is measured in, from the series the hub has sent (kpiId@district). */
function districtsOf(series: TopicTable<KpiPoint>, kpiId: string, locale: string): string[] {
  const districts = new Set<string>();
  for (const point of currentRecords(series)) if (point.kpiId === kpiId && point.district) districts.add(point.district);
  return [...districts].sort((a, b) => a.localeCompare(b, locale));
}

/** Every KPI the hub defines, found by name or subsystem; then how to draw it and for which district. */
export function KpiPicker() {
  const t = useT();
  const language = useLanguage();
  const locale = localeOf(language);
  const inputId = useId();
  const districtId = useId();
  const definitions = useKpiStore((s) => s.definitions);
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const series = useKpiStore((s) => s.series);
  const query = usePushDraftStore((s) => s.kpiQuery);
  const chosen = usePushDraftStore((s) => (s.source === 'kpi' ? s.kpiId : null));
  const chart = usePushDraftStore((s) => s.chart);
  const district = usePushDraftStore((s) => s.district);
  const all = useMemo(() => [...currentRecords(definitions)].sort((a, b) => a[language].localeCompare(b[language], locale)), [definitions, language, locale]);
  const found = useMemo(() => all.filter((d) => matchesSearch(query, [d.vi, d.en, d.id, SUBSYSTEMS[d.subsystem].vi, SUBSYSTEMS[d.subsystem].en])), [all, query]);
  const districts = useMemo(() => (chosen ? districtsOf(series, chosen, locale) : []), [series, chosen, locale]);
  const draft = usePushDraftStore.getState;
  return (
    <div className="picker">
      <label htmlFor={inputId} className="picker__label">
        {t('desk.push.kpiSearch')}
      </label>
      <input id={inputId} type="search" className="desk-input" value={query} placeholder={t('desk.push.kpiPlaceholder')} autoComplete="off" spellCheck={false} data-search="kpi" onChange={(event) => draft().searchKpis(event.target.value)} />
      <p className="picker__count" aria-live="polite">
        {!hubLoaded ? t('desk.loading') : all.length === 0 ? t('desk.push.noKpis') : found.length === 0 ? t('desk.push.noMatch', { query }) : t('desk.push.kpiCount', { n: found.length, total: all.length })}
      </p>
      <ul className="picker__list" aria-label={t('desk.push.kpiResults')}>
        {found.map((definition) => (
          <li key={definition.id}>
            <button type="button" className="picker__item" data-kpi-id={definition.id} aria-pressed={chosen === definition.id} onClick={() => draft().chooseKpi(chosen === definition.id ? null : definition.id)}>
              <span className="picker__name">{definition[language]}</span>
              <span className="picker__meta">
                {SUBSYSTEMS[definition.subsystem][language]}
                {definition.unit ? ` · ${definition.unit}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {chosen ? (
        <div className="picker__options">
          <div className="segmented" role="group" aria-label={t('desk.push.chart')}>
            {(['line', 'gauge'] as const).map((kind) => (
              <button key={kind} type="button" className="segmented__button" aria-pressed={chart === kind} data-chart={kind} onClick={() => draft().setChart(kind)}>
                {t(kind === 'line' ? 'desk.chart.line' : 'desk.chart.gauge')}
              </button>
            ))}
          </div>
          {districts.length > 0 ? (
            <span className="picker__district">
              <label htmlFor={districtId}>{t('desk.push.district')}</label>
              <select id={districtId} className="desk-select" value={district ?? ''} data-action="kpi-district" onChange={(event) => draft().setDistrict(event.target.value || null)}>
                <option value="">{t('desk.push.province')}</option>
                {districts.map((name) => (
                  <option key={name} value={name}>
                    {unitNameIn(name, language)}
                  </option>
                ))}
              </select>
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

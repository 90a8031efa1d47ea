import { useMemo, type CSSProperties } from 'react';
import { SUBSYSTEM_IDS, SUBSYSTEMS } from '../../src-shared/subsystems';
import { ageMs, formatAge, staleAfterSeconds, staleness } from '../format/age';
import { useNow } from '../hooks/use-now';
import { localeOf } from '../i18n/translate';
import { useLanguage, useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { useCameraStore } from '../stores/camera-store';
import { useCitizenReportStore } from '../stores/citizen-report-store';
import { useDossierStore } from '../stores/dossier-store';
import { useEnvironmentStore } from '../stores/environment-store';
import { useKpiStore } from '../stores/kpi-store';
import { useSecurityEventStore } from '../stores/security-event-store';
import { useSocialMentionStore } from '../stores/social-mention-store';
import { digestLines, type DigestLine } from './digest-lines';

/** Every subsystem's latest figures on one screen, so the desk can answer "what is the wall showing?". */
export function SubsystemSummary() {
  const t = useT();
  const language = useLanguage();
  const locale = localeOf(language);
  const now = useNow();
  const configured = useAppInfoStore((s) => s.info?.staleAfterSeconds);
  const definitions = useKpiStore((s) => s.definitions);
  const series = useKpiStore((s) => s.series);
  const reports = useCitizenReportStore((s) => s.table);
  const environment = useEnvironmentStore((s) => s.table);
  const dossiers = useDossierStore((s) => s.table);
  const security = useSecurityEventStore((s) => s.table);
  const mentions = useSocialMentionStore((s) => s.table);
  const cameras = useCameraStore((s) => s.table);
  const groups = useMemo(() => {
    const lines = digestLines({ definitions, series, reports, environment, dossiers, security, mentions, cameras }, { t, language, locale });
    return SUBSYSTEM_IDS.map((id): [typeof id, DigestLine[]] => [id, lines.filter((line) => line.subsystem === id)]).filter(([, list]) => list.length > 0);
  }, [definitions, series, reports, environment, dossiers, security, mentions, cameras, t, language, locale]);

  return (
    <section className="console-panel console-panel--wide">
      <h2 className="console-panel__title">{t('console.kpis')}</h2>
      {groups.length === 0 ? <p className="console-panel__hint">{t('console.noKpis')}</p> : null}
      <div className="kpi-groups">
        {groups.map(([subsystemId, lines]) => (
          <div key={subsystemId} className="kpi-group" style={{ '--accent': SUBSYSTEMS[subsystemId].color } as CSSProperties}>
            <h3 className="kpi-group__title">{SUBSYSTEMS[subsystemId][language]}</h3>
            <ul className="kpi-group__list">
              {lines.map((line) => {
                const age = line.time ? ageMs(line.time, now) : Number.POSITIVE_INFINITY;
                const stale = line.timeless ? 'fresh' : line.time ? staleness(age, staleAfterSeconds(line.topic, configured, line)) : 'nodata';
                return (
                  <li key={line.id} className="kpi-line" data-digest-line={line.id} data-stale={stale}>
                    <span className="kpi-line__name">{line.label}</span>
                    <span className="kpi-line__value" data-assessment={line.assessment}>
                      {line.value}
                    </span>
                    {line.timeless ? null : <span className="kpi-line__age">{line.time ? formatAge(age, t) : t('tile.noData')}</span>}
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

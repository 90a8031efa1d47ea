import { useEffect, useState } from 'react';
import type { AuditList, AuditQuery } from '../../../src-shared/audit';
import { host } from '../../bridge/connect';
import { errorText } from '../../bridge/host-error';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { useAuditStore } from '../../stores/audit-store';
import { useOperatorStore } from '../../stores/operator-store';
import { AuditExport } from './audit-export';
import { AuditRows } from './audit-rows';

const PAGE = 50;
/** One empty list for the selector: a new `[]` per call would make the store look changed on every read. */
const NO_WALLS: readonly never[] = [];
type Filters = Pick<AuditQuery, 'operator' | 'action' | 'wallId' | 'result' | 'fromDate' | 'toDate'>;

/** Only the filters that are set: the host's schema takes no empty strings. */
function cleaned(filters: Filters): Filters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as Filters;
}

/**
 * Who did what, from the audit log: the latest rows with filters by account, action, wall, result
 * and dates, refreshed as rows are written, and a date range exported as CSV. Operators and admins.
 */
export function AuditPanel() {
  const t = useT();
  const walls = useOperatorStore((s) => s.state?.walls ?? NO_WALLS);
  const lastId = useAuditStore((s) => s.lastId);
  const [filters, setFilters] = useState<Filters>({});
  const [list, setList] = useState<AuditList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void host()
      .then(({ api }) => api.invoke('audit:list', { ...cleaned(filters), limit: PAGE }))
      .then((next) => {
        if (!current) return;
        setList(next);
        setError(null);
      })
      .catch((e: unknown) => current && setError(errorText(e)));
    return () => {
      current = false;
    };
  }, [filters, lastId]);

  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section className="desk-panel audit-panel" aria-labelledby="audit-title">
      <h2 id="audit-title" className="desk-panel__title">
        {t('audit.title')}
      </h2>
      {list && list.status !== 'ok' ? (
        <p className="audit-panel__status" role="alert" data-status={list.status}>
          {t(list.status === 'unavailable' ? 'audit.unavailable' : 'audit.rebuilt', { detail: list.statusDetail ?? '' })}
        </p>
      ) : null}
      <div className="audit-filters">
        <label>
          <span>{t('audit.filter.operator')}</span>
          <input value={filters.operator ?? ''} onChange={(e) => set('operator')(e.target.value)} spellCheck={false} data-filter="operator" />
        </label>
        <label>
          <span>{t('audit.filter.action')}</span>
          <input value={filters.action ?? ''} onChange={(e) => set('action')(e.target.value)} spellCheck={false} placeholder="preset." data-filter="action" />
        </label>
        <label>
          <span>{t('audit.filter.wall')}</span>
          <select value={filters.wallId ?? ''} onChange={(e) => set('wallId')(e.target.value)} data-filter="wall">
            <option value="">{t('audit.filter.any')}</option>
            {walls.map((w) => (
              <option key={w.view.wall.id} value={w.view.wall.id}>
                {nameIn(w.view.wall, t.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.filter.result')}</span>
          <select value={filters.result ?? ''} onChange={(e) => set('result')(e.target.value)} data-filter="result">
            <option value="">{t('audit.filter.any')}</option>
            {(['ok', 'refused', 'failed'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`audit.result.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.filter.from')}</span>
          <input type="date" value={filters.fromDate ?? ''} onChange={(e) => set('fromDate')(e.target.value)} data-filter="from" />
        </label>
        <label>
          <span>{t('audit.filter.to')}</span>
          <input type="date" value={filters.toDate ?? ''} onChange={(e) => set('toDate')(e.target.value)} data-filter="to" />
        </label>
      </div>
      {error ? <p className="desk-panel__hint audit-panel__error">{error}</p> : null}
      {list === null && !error ? <p className="desk-panel__hint">{t('desk.loading')}</p> : null}
      {list?.rows.length === 0 ? <p className="desk-panel__hint">{t('audit.empty')}</p> : null}
      {list && list.rows.length > 0 ? <AuditRows rows={list.rows} /> : null}
      <AuditExport fromDate={filters.fromDate} toDate={filters.toDate} />
    </section>
  );
}

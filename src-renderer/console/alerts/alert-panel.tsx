import { useMemo } from 'react';
import type { OperatorWall } from '../../../src-shared/operator-state';
import { filterAlerts, isFiltered } from '../../alerts/alert-filter';
import { countAlerts } from '../../alerts/alert-order';
import { useOrderedAlerts } from '../../alerts/use-alert-list';
import { InboxIcon } from '../../components/icons';
import { useNow } from '../../hooks/use-now';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { displayStatus, useConnectionStore } from '../../stores/connection-store';
import { useOperatorStore } from '../../stores/operator-store';
import { useAlertFilterStore } from './alert-filter-store';
import { AlertFilters } from './alert-filters';
import { AlertRow } from './alert-row';

const NO_WALLS: OperatorWall[] = [];
/** Rows drawn at most: the hub keeps more, an operator works the top of the list or narrows it. */
const MAX_ROWS = 60;

/**
 * The alerts the desk works, in the same order as the wall's ticker (alert-order.ts), one row per
 * alert: open ones first to take (Tiếp nhận), acknowledged ones after, resolved ones on request;
 * filtered by state, severity, subsystem and words, the filter kept while the list updates.
 */
export function AlertPanel() {
  const t = useT();
  const now = useNow();
  const ordered = useOrderedAlerts();
  const filter = useAlertFilterStore((s) => s.filter);
  const walls = useOperatorStore((s) => s.state?.walls ?? NO_WALLS);
  const targetWallId = useOperatorStore((s) => s.state?.targetWallId ?? null);
  const offline = useConnectionStore((s) => displayStatus(s) === 'offline');
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const totals = useMemo(() => countAlerts(ordered), [ordered]);
  const { shown, counts } = useMemo(() => filterAlerts(ordered, filter), [ordered, filter]);
  const rows = shown.slice(0, MAX_ROWS);
  const target = walls.find((w) => w.view.wall.id === targetWallId);
  const targetWall = target ? { id: target.view.wall.id, name: nameIn(target.view.wall, t.language) } : null;
  const takenOver = (alertId: string): string[] => walls.filter((w) => w.view.takeover?.alertId === alertId).map((w) => nameIn(w.view.wall, t.language));
  return (
    <section className="desk-panel alert-panel" aria-labelledby="alerts-title" data-open-alerts={totals.open}>
      <div className="desk-panel__bar">
        <h2 id="alerts-title" className="desk-panel__title">
          {t('desk.alerts.title')}
          {totals.open > 0 ? <span className="count-badge" data-severity="critical">{t('desk.alerts.openCount', { n: totals.open })}</span> : null}
          {totals.acknowledged > 0 ? <span className="count-badge">{t('desk.alerts.ackCount', { n: totals.acknowledged })}</span> : null}
        </h2>
      </div>
      <AlertFilters counts={counts} />
      {offline ? <p className="desk-panel__warn">{t('desk.alerts.offline')}</p> : null}
      {!hubLoaded && ordered.length === 0 ? (
        <p className="desk-panel__hint">{t('desk.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="alert-panel__empty">
          <InboxIcon className="alert-panel__empty-icon" />
          {ordered.length === 0 ? t('desk.alerts.none') : isFiltered(filter) ? t('desk.alerts.noneMatch') : t('desk.alerts.noneOpen')}
        </p>
      ) : (
        <ul className="alert-list" data-rows={rows.length}>
          {rows.map((alert) => (
            <AlertRow key={alert.id} alert={alert} now={now} targetWall={targetWall} takenOver={takenOver(alert.id)} />
          ))}
        </ul>
      )}
      {shown.length > rows.length ? <p className="desk-panel__hint alert-panel__more">{t('desk.alerts.moreRows', { n: shown.length - rows.length })}</p> : null}
    </section>
  );
}

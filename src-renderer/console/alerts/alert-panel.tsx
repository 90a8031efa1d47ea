import { useMemo, useState } from 'react';
import type { OperatorWall } from '../../../src-shared/operator-state';
import { InboxIcon } from '../../components/icons';
import { useNow } from '../../hooks/use-now';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { displayStatus, useConnectionStore } from '../../stores/connection-store';
import { useFeedStore } from '../../stores/feed-store';
import { useOperatorStore } from '../../stores/operator-store';
import { currentRecords } from '../../stores/topic-table';
import { countAlerts, orderAlerts } from './alert-order';
import { AlertRow } from './alert-row';

const NO_WALLS: OperatorWall[] = [];
/** Rows drawn at most: the hub keeps more, an operator works the top of the list. */
const MAX_ROWS = 60;

/** The alerts the desk works: open ones first to take (Tiếp nhận), acknowledged ones after, resolved ones on request. */
export function AlertPanel() {
  const t = useT();
  const now = useNow();
  const table = useFeedStore((s) => s.table);
  const walls = useOperatorStore((s) => s.state?.walls ?? NO_WALLS);
  const targetWallId = useOperatorStore((s) => s.state?.targetWallId ?? null);
  const offline = useConnectionStore((s) => displayStatus(s) === 'offline');
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const [showResolved, setShowResolved] = useState(false);
  const ordered = useMemo(() => orderAlerts(currentRecords(table)), [table]);
  const counts = useMemo(() => countAlerts(ordered), [ordered]);
  const shown = (showResolved ? ordered : ordered.filter((alert) => alert.status !== 'resolved')).slice(0, MAX_ROWS);
  const target = walls.find((w) => w.view.wall.id === targetWallId);
  const targetWall = target ? { id: target.view.wall.id, name: nameIn(target.view.wall, t.language) } : null;
  const takenOver = (alertId: string): string[] => walls.filter((w) => w.view.takeover?.alertId === alertId).map((w) => nameIn(w.view.wall, t.language));
  return (
    <section className="desk-panel alert-panel" aria-labelledby="alerts-title" data-open-alerts={counts.open}>
      <div className="desk-panel__bar">
        <h2 id="alerts-title" className="desk-panel__title">
          {t('desk.alerts.title')}
          {counts.open > 0 ? <span className="count-badge" data-severity="critical">{t('desk.alerts.openCount', { n: counts.open })}</span> : null}
          {counts.acknowledged > 0 ? <span className="count-badge">{t('desk.alerts.ackCount', { n: counts.acknowledged })}</span> : null}
        </h2>
        <button type="button" className="desk-button desk-button--small" aria-pressed={showResolved} data-action="show-resolved" disabled={counts.resolved === 0 && !showResolved} onClick={() => setShowResolved(!showResolved)}>
          {t('desk.alerts.showResolved', { n: counts.resolved })}
        </button>
      </div>
      {offline ? <p className="desk-panel__warn">{t('desk.alerts.offline')}</p> : null}
      {!hubLoaded && ordered.length === 0 ? (
        <p className="desk-panel__hint">{t('desk.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="alert-panel__empty">
          <InboxIcon className="alert-panel__empty-icon" />
          {ordered.length === 0 ? t('desk.alerts.none') : t('desk.alerts.noneOpen')}
        </p>
      ) : (
        <ul className="alert-list">
          {shown.map((alert) => (
            <AlertRow key={alert.id} alert={alert} now={now} targetWall={targetWall} takenOver={takenOver(alert.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

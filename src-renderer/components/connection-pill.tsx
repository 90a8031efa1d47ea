import type { ConnectionStatus } from '../../src-shared/ipc';
import { useT } from '../i18n/use-t';
import { displayStatus, useConnectionStore } from '../stores/connection-store';

/** Live / connecting / offline at a glance; the attribute is what tests and kiosk monitors read. */
export function ConnectionPill() {
  const t = useT();
  const status: ConnectionStatus = useConnectionStore(displayStatus);
  const bridgeUp = useConnectionStore((s) => s.bridgeUp);
  const error = useConnectionStore((s) => s.connection?.error);
  const tooltip = !bridgeUp ? t('connection.bridgeDown') : error;
  return (
    <span className="connection-pill" data-connection-status={status} title={tooltip} role="status">
      <span className="connection-pill__dot" aria-hidden="true" />
      {t(`connection.${status}`)}
    </span>
  );
}

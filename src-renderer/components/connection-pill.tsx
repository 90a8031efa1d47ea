import type { ConnectionStatus } from '../../src-shared/ipc';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { displayStatus, useConnectionStore } from '../stores/connection-store';

/**
 * What the pill says: offline says whether the wall still shows its cached data or has none, since
 * "Mất kết nối" over a full wall and over an empty one mean different things to the room.
 */
export function connectionLabel(status: ConnectionStatus, hasData: boolean): MessageKey {
  if (status === 'offline') return hasData ? 'connection.offline' : 'connection.offlineEmpty';
  return `connection.${status}`;
}

/** Connecting / resyncing / live / offline at a glance; the attributes are what tests and kiosk monitors read. */
export function ConnectionPill() {
  const t = useT();
  const status: ConnectionStatus = useConnectionStore(displayStatus);
  const bridgeUp = useConnectionStore((s) => s.bridgeUp);
  const error = useConnectionStore((s) => s.connection?.error);
  // A snapshot past seq 0 (live, replayed or from the wall's cache) means there is data on screen.
  const appliedSeq = useConnectionStore((s) => s.lastSeq);
  const hasData = appliedSeq > 0;
  // What the host holds vs what this page shows: equal once nothing is still on its way to the screen.
  const hostSeq = useConnectionStore((s) => s.connection?.seq ?? 0);
  const tooltip = !bridgeUp ? t('connection.bridgeDown') : error;
  return (
    <span className="connection-pill" data-connection-status={status} data-applied-seq={appliedSeq} data-host-seq={hostSeq} title={tooltip} role="status">
      <span className="connection-pill__dot" aria-hidden="true" />
      {t(connectionLabel(status, hasData))}
    </span>
  );
}

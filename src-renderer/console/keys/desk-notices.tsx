import { Fragment } from 'react';
import { WarningIcon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { KeyCaps } from '../../keys/key-caps';
import { useOperatorStore } from '../../stores/operator-store';

/**
 * What the operator must know about the desk itself, in a bar under the header: whether the keys
 * work from every program or only inside IOC windows (browser mode, Wayland, keys other programs
 * hold), and whether the walls' state could be kept.
 */
export function DeskNotices() {
  const t = useT();
  const keys = useOperatorStore((s) => s.state?.keys ?? null);
  const stateStore = useOperatorStore((s) => s.state?.stateStore ?? null);
  if (!keys || !stateStore) return null;
  const keyNote =
    keys.global === 'browser'
      ? t('desk.keys.browser')
      : keys.global === 'unavailable'
        ? keys.reason
          ? t('desk.keys.unavailableReason', { reason: keys.reason })
          : t('desk.keys.unavailable')
        : null;
  const storeNote = stateStore.status === 'ok' ? null : t(`desk.stateStore.${stateStore.status}`);
  if (!keyNote && keys.taken.length === 0 && !storeNote) return null;
  return (
    <div className="desk-notices" role="status">
      {keyNote ? (
        <p className="desk-notice" data-keys-status={keys.global}>
          {keyNote}
        </p>
      ) : null}
      {keys.taken.length > 0 ? (
        <p className="desk-notice desk-notice--warn" data-keys-taken={keys.taken.length}>
          <WarningIcon className="desk-notice__icon" />
          <span>
            {t('desk.keys.taken')}{' '}
            {keys.taken.map((key, i) => (
              <Fragment key={key}>
                {i > 0 ? ', ' : null}
                <KeyCaps accelerator={key} />
              </Fragment>
            ))}
          </span>
        </p>
      ) : null}
      {storeNote ? (
        <p className="desk-notice desk-notice--warn" data-state-store={stateStore.status} title={stateStore.detail}>
          <WarningIcon className="desk-notice__icon" />
          <span>
            {storeNote}
            {stateStore.detail ? <span className="desk-notice__detail">{stateStore.detail}</span> : null}
          </span>
        </p>
      ) : null}
    </div>
  );
}

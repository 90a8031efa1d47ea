import { formatAge, ageMs } from '../format/age';
import { useNow } from '../hooks/use-now';
import { useT } from '../i18n/use-t';
import { displayStatus, useConnectionStore } from '../stores/connection-store';

/** The hub link in detail: address, since when, why not live, and how many messages were refused. */
export function ConnectionPanel() {
  const t = useT();
  const now = useNow();
  const connection = useConnectionStore((s) => s.connection);
  const status = useConnectionStore(displayStatus);
  const bridgeUp = useConnectionStore((s) => s.bridgeUp);
  const invalid = useConnectionStore((s) => s.invalidPayloads);
  const error = !bridgeUp ? t('connection.bridgeDown') : connection?.error;
  return (
    <section className="console-panel" data-connection-panel={status}>
      <h2 className="console-panel__title">{t('console.connection')}</h2>
      <dl className="facts">
        <dt>{t('console.hubUrl')}</dt>
        <dd className="facts__mono" title={connection?.hubUrl}>
          {connection?.hubUrl ?? '—'}
        </dd>
        <dt>{t('console.since')}</dt>
        <dd>
          {t(`connection.${status}`)}
          {connection ? ` · ${formatAge(ageMs(connection.since, now), t)}` : ''}
        </dd>
        <dt>{t('console.rejected')}</dt>
        <dd data-rejected-count={connection?.rejected ?? 0} className={connection && connection.rejected > 0 ? 'facts__warn' : undefined}>
          {connection?.rejected ?? 0}
        </dd>
        <dt>{t('console.invalid')}</dt>
        <dd className={invalid > 0 ? 'facts__warn' : undefined}>{invalid}</dd>
        {error ? (
          <>
            <dt>{t('console.lastError')}</dt>
            <dd className="facts__warn">{error}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

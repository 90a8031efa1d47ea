import { UnknownUnits } from './maps/unknown-units';
import { connectionLabel } from '../components/connection-pill';
import { ageMs, formatAge } from '../format/age';
import { useNow } from '../hooks/use-now';
import { useT } from '../i18n/use-t';
import { displayStatus, useConnectionStore } from '../stores/connection-store';

/**
 * The hub link in detail: address, state and since when, where the wall stands in the hub's
 * sequence, what was refused, and whether the local cache could be trusted (a corrupt cache that was
 * rebuilt is said here, so nobody has to find it in a log).
 */
export function ConnectionPanel() {
  const t = useT();
  const now = useNow();
  const connection = useConnectionStore((s) => s.connection);
  const status = useConnectionStore(displayStatus);
  const bridgeUp = useConnectionStore((s) => s.bridgeUp);
  const invalid = useConnectionStore((s) => s.invalidPayloads);
  const hubId = useConnectionStore((s) => s.hubId);
  const hasData = useConnectionStore((s) => s.lastSeq > 0);
  const error = !bridgeUp ? t('connection.bridgeDown') : connection?.error;
  const cache = connection?.cache;
  return (
    <section className="console-panel" data-connection-panel={status}>
      <h2 className="console-panel__title">{t('console.connection')}</h2>
      <dl className="facts">
        <dt>{t('console.hubUrl')}</dt>
        <dd className="facts__mono" title={connection?.hubUrl}>
          {connection?.hubUrl ?? '—'}
        </dd>
        <dt>{t('console.since')}</dt>
        <dd className={status === 'offline' ? 'facts__warn' : undefined}>
          {t(connectionLabel(status, hasData))}
          {connection ? ` · ${formatAge(ageMs(connection.since, now), t)}` : ''}
        </dd>
        <dt>{t('console.hubId')}</dt>
        <dd className="facts__mono">{hubId ?? '—'}</dd>
        <dt>{t('console.seq')}</dt>
        <dd className="facts__mono" data-seq={connection?.seq ?? 0}>
          {connection?.seq ?? '—'}
        </dd>
        <dt>{t('console.rejected')}</dt>
        <dd data-rejected-count={connection?.rejected ?? 0} className={connection && connection.rejected > 0 ? 'facts__warn' : undefined}>
          {connection?.rejected ?? 0}
        </dd>
        <dt>{t('console.cache')}</dt>
        <dd data-cache-status={cache?.status ?? 'unknown'} className={cache && cache.status !== 'ok' ? 'facts__warn' : undefined}>
          {cache ? t(`console.cache.${cache.status}`) : '—'}
          {cache?.detail ? <span className="facts__detail">{cache.detail}</span> : null}
        </dd>
        <dt>{t('console.invalid')}</dt>
        <dd className={invalid > 0 ? 'facts__warn' : undefined}>{invalid}</dd>
        <UnknownUnits />
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

import type { AgendaStatus } from '../../../src-shared/operator-state';
import { formatCountdown, remainingNow } from '../../format/countdown';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';

/**
 * Time left on the step, counted down here on the shared one-second clock from what the host
 * measured when it sent its state; frozen while held or paused, "until an operator moves on" for a
 * step without a time.
 */
export function AgendaCountdown({ status, dwellSeconds }: { status: AgendaStatus; dwellSeconds: number | undefined }) {
  const t = useT();
  const now = useNow();
  const receivedAt = useOperatorStore((s) => s.receivedAt);
  if (status.remainingMs === null || dwellSeconds === undefined) {
    return (
      <div className="agenda-countdown" data-countdown="none">
        <span className="agenda-countdown__untimed">{t('desk.agenda.untimed')}</span>
      </div>
    );
  }
  const left = remainingNow(status.remainingMs, receivedAt, now, status.state === 'running');
  const fraction = Math.min(1, Math.max(0, left / (dwellSeconds * 1000)));
  return (
    <div className="agenda-countdown" data-countdown={Math.ceil(left / 1000)} data-state={status.state}>
      <span className="agenda-countdown__label">{status.state === 'running' ? (left === 0 ? t('desk.agenda.switching') : t('desk.agenda.left')) : t('desk.agenda.stopped')}</span>
      <span className="agenda-countdown__time" role="timer" aria-live="off">
        {formatCountdown(left)}
      </span>
      <span className="agenda-countdown__bar" aria-hidden="true">
        <span className="agenda-countdown__fill" style={{ inlineSize: `${fraction * 100}%` }} />
      </span>
    </div>
  );
}

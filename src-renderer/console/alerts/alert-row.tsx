import type { Alert } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { operatorCommand } from '../../bridge/host-actions';
import { ageMs, formatAge } from '../../format/age';
import { formatClockTime, formatShortTime } from '../../format/time';
import { alertTextIn, unitNameIn } from '../../i18n/data-text';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useConnectionStore } from '../../stores/connection-store';
import { CommandRefusal } from '../commands/command-refusal';
import { useFailure, usePending } from '../commands/use-pending';
import { useNameBook } from '../names';
import { focusCamera } from '../push/push-actions';
import { usePushDraftStore } from '../push/push-draft-store';

export interface AlertRowProps {
  alert: Alert;
  now: number;
  /** The wall the quick camera action aims at: the selected one. */
  targetWall: { id: string; name: string } | null;
  /** Walls a rule has given to this alert. */
  takenOver: readonly string[];
}

/** Chooses the alert's camera to put on a tile, and brings the walls' miniatures into view to click one. */
function chooseForPush(cameraId: string): void {
  usePushDraftStore.getState().chooseCamera(cameraId);
  document.querySelector('.walls-panel')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
}

/** Acknowledge, with what the row shows while it is on its way and why it failed. */
function AcknowledgeButton({ alert }: { alert: Alert }) {
  const t = useT();
  const key = `alert:${alert.id}:ack`;
  const pending = usePending(key);
  if (alert.status !== 'open') return null;
  return (
    <button type="button" className="desk-button desk-button--primary alert-row__ack" data-action="acknowledge" disabled={pending} aria-busy={pending || undefined} onClick={() => void operatorCommand(key, 'alert.acknowledge', { alertId: alert.id })}>
      {pending ? t('desk.alerts.acknowledging') : t('desk.alerts.acknowledge')}
    </button>
  );
}

/** Why the acknowledgement failed, in the operator's words first (the hub is offline) and the host's after. */
function AcknowledgeFailure({ alertId }: { alertId: string }) {
  const t = useT();
  const failure = useFailure(`alert:${alertId}:ack`);
  const offline = useConnectionStore((s) => s.connection?.status === 'offline' || !s.bridgeUp);
  if (failure === null) return null;
  return (
    <p className="alert-row__failure" role="alert" data-ack-failed="true">
      <strong>{offline ? t('desk.alerts.ackFailedOffline') : t('desk.alerts.ackFailed')}</strong> <span className="alert-row__failure-detail">{failure}</span>
    </p>
  );
}

/** One alert: severity, what and where, when, its camera with quick actions, who took it. */
export function AlertRow({ alert, now, targetWall, takenOver }: AlertRowProps) {
  const t = useT();
  const language = useLanguage();
  const locale = localeOf(language);
  const names = useNameBook();
  const camera = alert.cameraId;
  const focusKey = targetWall ? `alert:${alert.id}:focus:${targetWall.id}` : '';
  const focusing = usePending(focusKey);
  const place = [unitNameIn(alert.location.district, language), alert.location.address].filter(Boolean).join(' · ');
  return (
    <li className="alert-row" data-alert-id={alert.id} data-status={alert.status} data-severity={alert.severity}>
      <div className="alert-row__head">
        <span className="severity-badge" data-severity={alert.severity}>
          {t(`severity.${alert.severity}`)}
        </span>
        <span className="alert-row__status" data-status={alert.status}>
          {t(`alert.status.${alert.status}`)}
        </span>
        <time className="alert-row__time" dateTime={alert.time}>
          {formatClockTime(Date.parse(alert.time), locale)}
          <span className="alert-row__age"> · {formatAge(ageMs(alert.time, now), t)}</span>
        </time>
        <span className="alert-row__subsystem">{SUBSYSTEMS[alert.subsystem][language]}</span>
      </div>
      <p className="alert-row__text">{alertTextIn(alert, language)}</p>
      <p className="alert-row__place">
        {place}
        {camera ? (
          <span className="alert-row__camera" data-alert-camera-id={camera}>
            {' · '}
            {t('desk.alerts.camera', { name: names.camera(camera) })}
          </span>
        ) : null}
      </p>
      {takenOver.length > 0 ? <p className="alert-row__takeover">{t('desk.alerts.takenOver', { walls: takenOver.join(', ') })}</p> : null}
      {alert.acknowledged ? (
        <p className="alert-row__acked" data-acknowledged-by={alert.acknowledged.by}>
          {t('desk.alerts.acknowledgedBy', { by: alert.acknowledged.by, time: formatShortTime(alert.acknowledged.at, locale) })}
        </p>
      ) : null}
      <div className="alert-row__actions">
        <AcknowledgeButton alert={alert} />
        {camera ? (
          <>
            {targetWall ? (
              <button type="button" className="desk-button desk-button--small" data-action="alert-focus-camera" disabled={focusing} aria-busy={focusing || undefined} onClick={() => void focusCamera(targetWall.id, camera, { at: 'alert', alertId: alert.id })}>
                {t('desk.alerts.showOn', { wall: targetWall.name })}
              </button>
            ) : null}
            <button type="button" className="desk-button desk-button--small" data-action="alert-choose-camera" onClick={() => chooseForPush(camera)}>
              {t('desk.alerts.chooseCamera')}
            </button>
          </>
        ) : null}
      </div>
      <AcknowledgeFailure alertId={alert.id} />
      <CommandRefusal prefix={`alert:${alert.id}:focus`} />
    </li>
  );
}

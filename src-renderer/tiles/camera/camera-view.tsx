import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Camera, Tile } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { CameraOffIcon, CrossIcon, WarningIcon } from '../../components/icons';
import { LinkOffIcon, ServerOffIcon } from '../../components/outage-icons';
import { TileFrame } from '../../components/tile-frame';
import type { TileFreshness } from '../../format/age';
import { formatAge } from '../../format/age';
import { formatClockTime } from '../../format/time';
import { useNowWhile } from '../../hooks/use-now';
import { localeOf, type MessageKey } from '../../i18n/translate';
import { unitNameIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCameraStateStore } from '../../stores/camera-state-store';
import { useConnectionStore } from '../../stores/connection-store';
import { offlineCause, type CameraCause, type CameraState, type OfflineReason } from './camera-health';
import { cameraSourceOf } from '../../../src-shared/wall-boot';
import type { LeaseTerms } from './player-pool';
import { useCameraLease } from './use-camera-lease';
import { useSnapshotCommand } from './use-snapshot-command';

const FRESHNESS: Readonly<Record<CameraState, TileFreshness>> = {
  loading: 'nodata',
  live: 'fresh',
  stalled: 'stale',
  error: 'critical',
  offline: 'critical',
};

/** What an offline tile shows for each cause: distinct icons, so the room tells them apart at a glance. */
const CAUSE_ICONS: Readonly<Record<CameraCause, (props: { className?: string }) => ReactNode>> = {
  camera: CameraOffIcon,
  media: ServerOffIcon,
  host: LinkOffIcon,
};

function causeDetail(cause: CameraCause, reason: OfflineReason | null): MessageKey {
  if (cause !== 'camera') return `camera.cause.${cause}.detail`;
  return reason === 'registry' ? 'camera.cause.camera.registry' : 'camera.cause.camera.status';
}

export interface CameraViewProps {
  /** The tile this view fills (a camera tile or a tour). */
  tile: Tile;
  camera: Camera;
  terms: LeaseTerms;
  /** Shown in the header instead of the camera's name, e.g. the tour's title. */
  eyebrow?: string;
  /** Extra overlay, e.g. the tour's position and state. */
  overlay?: ReactNode;
}

/**
 * A camera on the wall: the pooled player fills the tile under its header (name, district, age of
 * the last frame); the state, and what the picture is when it is not live, float over it.
 */
export function CameraView({ tile, camera, terms, eyebrow, overlay }: CameraViewProps) {
  const t = useT();
  const language = useLanguage();
  const slotRef = useRef<HTMLDivElement | null>(null);
  const source = useMemo(() => cameraSourceOf(camera), [camera]);
  const { player, snapshot } = useCameraLease(slotRef, tile.id, source, terms);
  const saved = useSnapshotCommand(tile.id, player, camera);
  const state: CameraState = snapshot?.health.state ?? (camera.status === 'offline' ? 'offline' : 'loading');
  const lastFrameAt = snapshot?.health.lastFrameAt ?? null;
  const suspended = snapshot?.suspended ?? null;
  const failures = snapshot?.health.failures ?? 0;
  const stillAt = snapshot?.stillAt ?? null;
  const hostReachable = useConnectionStore((s) => s.bridgeUp);
  const offlineReason = snapshot?.health.offlineReason ?? (camera.status === 'offline' ? 'registry' : null);
  // Why there is no picture, from what the player saw (HTTP answer or none) and the page's own link.
  const cause: CameraCause | null = state === 'offline' ? offlineCause(offlineReason, hostReachable) : null;
  const CauseIcon = cause ? CAUSE_ICONS[cause] : null;
  const showsLive = state === 'live' && suspended === null;
  const now = useNowWhile(!showsLive && lastFrameAt !== null);
  // A map on this wall colours the camera's marker by what this tile sees.
  useEffect(() => useCameraStateStore.getState().report(camera.id, state), [camera.id, state]);
  useEffect(() => () => useCameraStateStore.getState().report(camera.id, null), [camera.id]);

  // The age of a camera's data is the age of its last frame. "live" means one arrived within
  // CAMERA_STALL_MS, and frames are not committed to React state one by one, so live reads "just now".
  const ageText =
    showsLive
      ? t('tile.updatedJustNow')
      : lastFrameAt === null || now === null
        ? suspended !== null
          ? t('camera.still.hidden')
          : t('camera.noFrame')
        : t('camera.lastFrame', { age: formatAge(now - lastFrameAt, t) });
  const notice =
    suspended !== null
      ? null
      : cause !== null && CauseIcon !== null
        ? { icon: <CauseIcon className="camera__notice-icon" />, text: t(`camera.cause.${cause}`), detail: t(causeDetail(cause, offlineReason)) }
        : state === 'error'
          ? { icon: <CrossIcon className="camera__notice-icon" />, text: snapshot?.unsupported ? t('camera.unsupported') : t('camera.state.error'), detail: snapshot?.unsupported ? undefined : t('camera.retrying', { n: failures }) }
          : state === 'stalled'
            ? { icon: <WarningIcon className="camera__notice-icon" />, text: t('camera.state.stalled') }
            : // Reconnecting over a frame already shown: the badge says so, no spinner across the picture.
              state === 'loading' && stillAt === null
              ? { icon: <span className="camera__spinner" aria-hidden="true" />, text: t('camera.state.loading') }
              : null;
  // Whenever the picture is not live video, say what it is and when it was taken.
  const stillMark =
    suspended !== null || state === 'offline' || state === 'error'
      ? {
          reason: suspended === 'budget' ? t('camera.still.budget') : suspended === 'hidden' ? t('camera.still.hidden') : t('camera.still.lastFrame'),
          at: stillAt !== null ? formatClockTime(stillAt, localeOf(language)) : null,
        }
      : null;

  return (
    <TileFrame
      tile={tile}
      accent={SUBSYSTEMS.camera.color}
      eyebrow={eyebrow ?? (camera.district ? unitNameIn(camera.district, language) : SUBSYSTEMS.camera[language])}
      title={camera.name}
      ageText={ageText}
      freshness={suspended !== null ? 'stale' : FRESHNESS[state]}
      staleMark={false}
      liveFeed
    >
      <div
        className="camera"
        data-camera-state={state}
        data-camera-id={camera.id}
        data-camera-cause={cause ?? undefined}
        data-camera-stream={snapshot?.stream ?? 'sub'}
        data-decoding={String(suspended === null && state !== 'offline')}
        data-suspended={suspended ?? undefined}
      >
        <div ref={slotRef} className="camera__slot" />
        <span className="camera__badge" data-state={suspended !== null ? 'suspended' : state} data-cause={cause ?? undefined}>
          <span className="camera__badge-dot" aria-hidden="true" />
          {suspended !== null ? t('camera.state.suspended') : cause !== null ? t(`camera.cause.${cause}.badge`) : t(`camera.state.${state}`)}
          {snapshot?.stream === 'main' ? <span className="camera__badge-hd">HD</span> : null}
        </span>
        {stillMark ? (
          <span className="camera__still-mark" data-reason={suspended ?? state}>
            {stillMark.reason}
            {stillMark.at ? ` · ${stillMark.at}` : ''}
          </span>
        ) : null}
        {notice ? (
          <div className="camera__notice" role="status">
            {notice.icon}
            <span className="camera__notice-text">{notice.text}</span>
            {notice.detail ? <span className="camera__notice-detail">{notice.detail}</span> : null}
          </div>
        ) : null}
        {overlay}
      </div>
      {/* Outside the picture's box (which clips): the result covers the header, not the frame just taken. */}
      {saved ? (
        <span className="camera__toast" role="status" data-snapshot-result={saved.ok ? 'saved' : 'failed'}>
          {saved.ok ? t('camera.snapshot.saved', { file: saved.text }) : t('camera.snapshot.failed', { reason: saved.text })}
        </span>
      ) : null}
    </TileFrame>
  );
}

import { useRef } from 'react';
import type { Camera, CameraTile as CameraTileConfig } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { CameraOffIcon, CrossIcon, WarningIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import type { TileFreshness } from '../../format/age';
import { formatAge } from '../../format/age';
import { useNow } from '../../hooks/use-now';
import { useLanguage, useT } from '../../i18n/use-t';
import type { CameraState } from './camera-health';
import { useCameraPlayer } from './use-camera-player';

const FRESHNESS: Readonly<Record<CameraState, TileFreshness>> = {
  loading: 'nodata',
  live: 'fresh',
  stalled: 'stale',
  error: 'critical',
  offline: 'critical',
};

/** A playing camera: the video fills the tile under its header (name, district, age), the state floats over it. */
export function CameraView({ tile, camera }: { tile: CameraTileConfig; camera: Camera }) {
  const t = useT();
  const language = useLanguage();
  const now = useNow();
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const { health, unsupported } = useCameraPlayer(videoRef, camera.status === 'offline' ? null : camera.subUrl);
  const { state } = health;
  // The age of a camera's data is the age of its last frame. "live" means one arrived within
  // CAMERA_STALL_MS, and frames are not committed to React state one by one, so live reads "just now".
  const ageText =
    state === 'live'
      ? t('tile.updated', { age: t('age.justNow') })
      : health.lastFrameAt === null
        ? t('camera.noFrame')
        : t('camera.lastFrame', { age: formatAge(now - health.lastFrameAt, t) });
  const notice =
    state === 'offline'
      ? { icon: <CameraOffIcon className="camera__notice-icon" />, text: t('camera.state.offline') }
      : state === 'error'
        ? { icon: <CrossIcon className="camera__notice-icon" />, text: unsupported ? t('camera.unsupported') : t('camera.state.error'), detail: unsupported ? undefined : t('camera.retrying', { n: health.failures }) }
        : state === 'stalled'
          ? { icon: <WarningIcon className="camera__notice-icon" />, text: t('camera.state.stalled') }
          : state === 'loading'
            ? { icon: <span className="camera__spinner" aria-hidden="true" />, text: t('camera.state.loading') }
            : null;

  return (
    <TileFrame tile={tile} accent={SUBSYSTEMS.camera.color} eyebrow={camera.district ?? SUBSYSTEMS.camera[language]} title={camera.name} ageText={ageText} freshness={FRESHNESS[state]} staleMark={false}>
      <div className="camera" data-camera-state={state}>
        <video ref={videoRef} className="camera__video" muted autoPlay playsInline disablePictureInPicture disableRemotePlayback />
        <span className="camera__badge" data-state={state}>
          <span className="camera__badge-dot" aria-hidden="true" />
          {t(`camera.state.${state}`)}
        </span>
        {notice ? (
          <div className="camera__notice" role="status">
            {notice.icon}
            <span className="camera__notice-text">{notice.text}</span>
            {'detail' in notice && notice.detail ? <span className="camera__notice-detail">{notice.detail}</span> : null}
          </div>
        ) : null}
      </div>
    </TileFrame>
  );
}

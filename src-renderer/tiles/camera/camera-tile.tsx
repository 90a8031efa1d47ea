import type { CameraTile as CameraTileConfig, CameraTourTile } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { CameraOffIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCameraStore } from '../../stores/camera-store';
import { useConnectionStore } from '../../stores/connection-store';
import { latestOf } from '../../stores/topic-table';
import type { LeaseTerms } from './player-pool';
import { CameraView } from './camera-view';

/** A camera the hub does not (yet) know: a clear message instead of an empty box. */
export function UnknownCamera({ tile, cameraId }: { tile: CameraTileConfig | CameraTourTile; cameraId: string }) {
  const t = useT();
  const language = useLanguage();
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const text = hubLoaded ? t('camera.notFound', { id: cameraId }) : t('tile.noData');
  return (
    <TileFrame tile={tile} accent={SUBSYSTEMS.camera.color} eyebrow={SUBSYSTEMS.camera[language]} title={cameraId} ageText={t('tile.noData')} freshness="nodata" staleMark={false}>
      <div className="camera" data-camera-state="offline" data-camera-id={cameraId} data-decoding="false">
        <TileMessage icon={<CameraOffIcon className="tile-message__icon" />} text={text} tone={hubLoaded ? 'warn' : 'muted'} />
      </div>
    </TileFrame>
  );
}

/** A camera tile: the stream when the hub knows the camera, a clear message when it does not. */
export function CameraTile({ tile, terms }: { tile: CameraTileConfig; terms: LeaseTerms }) {
  const camera = useCameraStore((s) => latestOf(s.table, tile.cameraId));
  if (camera) return <CameraView tile={tile} camera={camera} terms={terms} />;
  return <UnknownCamera tile={tile} cameraId={tile.cameraId} />;
}

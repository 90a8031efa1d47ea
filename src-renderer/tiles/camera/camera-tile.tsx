import type { CameraTile as CameraTileConfig } from '../../../src-shared/domain';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { CameraOffIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCameraStore } from '../../stores/camera-store';
import { useConnectionStore } from '../../stores/connection-store';
import { latestOf } from '../../stores/topic-table';
import { CameraView } from './camera-view';

/** A camera tile: the stream when the hub knows the camera, a clear message when it does not. */
export function CameraTile({ tile }: { tile: CameraTileConfig }) {
  const t = useT();
  const language = useLanguage();
  const camera = useCameraStore((s) => latestOf(s.table, tile.cameraId));
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  if (camera) return <CameraView tile={tile} camera={camera} />;
  const text = hubLoaded ? t('camera.notFound', { id: tile.cameraId }) : t('tile.noData');
  return (
    <TileFrame tile={tile} accent={SUBSYSTEMS.camera.color} eyebrow={SUBSYSTEMS.camera[language]} title={tile.cameraId} ageText={t('tile.noData')} freshness="nodata" staleMark={false}>
      <div className="camera" data-camera-state="offline">
        <TileMessage icon={<CameraOffIcon className="tile-message__icon" />} text={text} tone={hubLoaded ? 'warn' : 'muted'} />
      </div>
    </TileFrame>
  );
}

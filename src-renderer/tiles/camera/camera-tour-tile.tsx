import { useEffect } from 'react';
import type { CameraTourTile as CameraTourTileConfig } from '../../../src-shared/domain';
import { CAMERA_TOUR_WARM_UP_MS } from '../../constants';
import { titleIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCameraStore } from '../../stores/camera-store';
import { latestOf } from '../../stores/topic-table';
import { useWallStore } from '../../stores/wall-store';
import { UnknownCamera } from './camera-tile';
import { cameraSourceOf } from '../../../src-shared/wall-boot';
import { CameraView } from './camera-view';
import { playerPool, type LeaseTerms } from './player-pool';

/**
 * A tile that cycles through cameras. The host runs the tour (src-main/operations/tours.ts: dwell,
 * keys, alert holds) so the console sees and steers it and every window of the wall agrees; this
 * tile shows the camera the host names, through the pool (a camera seen earlier in the tour, or
 * elsewhere on the wall, comes back without a cold start), and starts the next one early.
 */
export function CameraTourTile({ tile, terms }: { tile: CameraTourTileConfig; terms: LeaseTerms }) {
  const t = useT();
  const language = useLanguage();
  const tour = useWallStore((s) => s.tours[tile.id]);

  // The next camera starts playing out of sight shortly before the switch, so it arrives live.
  const { order, visible } = terms;
  useEffect(() => {
    if (!tour || tour.msUntilAdvance === null || !visible) return undefined;
    const wait = tour.receivedAt + tour.msUntilAdvance - CAMERA_TOUR_WARM_UP_MS - Date.now();
    const timer = setTimeout(() => {
      const upcoming = latestOf(useCameraStore.getState().table, tour.upcomingCameraId);
      if (upcoming && upcoming.status !== 'offline') playerPool.warmUp(tile.id, cameraSourceOf(upcoming), { order, visible });
    }, Math.max(0, wait));
    return () => clearTimeout(timer);
  }, [tour, tile.id, order, visible]);

  // Before the host's first word on the tour, its first camera.
  const cameraId = tour?.cameraId ?? tile.cameraIds[0]!;
  const camera = useCameraStore((s) => latestOf(s.table, cameraId));
  const position = tour?.position ?? 1;
  const overlay = (
    <span className="camera__tour" data-tour-position={position} data-tour-paused={tour?.paused ?? false} data-tour-held={tour?.held ?? false}>
      <span className="camera__tour-count">{t('tour.position', { n: position, count: tour?.count ?? tile.cameraIds.length })}</span>
      {tour?.held ? <span className="camera__tour-flag camera__tour-flag--alert">{t('tour.heldByAlert')}</span> : null}
      {tour?.paused ? <span className="camera__tour-flag">{t('tour.paused')}</span> : null}
    </span>
  );
  if (!camera) return <UnknownCamera tile={tile} cameraId={cameraId} />;
  return <CameraView tile={tile} camera={camera} terms={terms} eyebrow={titleIn(tile, language) ?? t('tour.title')} overlay={overlay} />;
}

import { useEffect, useMemo, useState } from 'react';
import type { Alert, CameraTourTile as CameraTourTileConfig } from '../../../src-shared/domain';
import { CAMERA_TOUR_WARM_UP_MS, CLOCK_TICK_MS } from '../../constants';
import { useT } from '../../i18n/use-t';
import { useCameraStore } from '../../stores/camera-store';
import { useFeedStore } from '../../stores/feed-store';
import { currentRecords, latestOf } from '../../stores/topic-table';
import { useWallInteractionStore, type TourAction } from '../../stores/wall-interaction-store';
import { UnknownCamera } from './camera-tile';
import { cameraSource } from './camera-source';
import { CameraView } from './camera-view';
import { playerPool, type LeaseTerms } from './player-pool';
import {
  applyAlerts,
  currentCameraId,
  initialTour,
  msUntilAdvance,
  next,
  previous,
  tick,
  togglePause,
  tourSummary,
  upcomingCameraId,
  type TourConfig,
  type TourState,
} from './tour-state';

/** The alerts a tour may hold on (applyAlerts filters by camera and status). */
const openAlerts = (): Alert[] => [...currentRecords(useFeedStore.getState().table)];

const OPERATOR: Readonly<Record<TourAction, (state: TourState, config: TourConfig, at: number) => TourState>> = {
  'toggle-pause': togglePause,
  next,
  previous,
};

/**
 * A tile that cycles through cameras. The rules live in tour-state.ts; this component feeds it the
 * clock, the operator's keys and the open alerts, and shows the current camera through the pool
 * (a camera seen earlier in the tour, or elsewhere on the wall, comes back without a cold start).
 */
export function CameraTourTile({ tile, terms }: { tile: CameraTourTileConfig; terms: LeaseTerms }) {
  const t = useT();
  const config = useMemo<TourConfig>(() => ({ cameraIds: tile.cameraIds, dwellSeconds: tile.dwellSeconds, pauseOnAlert: tile.pauseOnAlert }), [tile.cameraIds, tile.dwellSeconds, tile.pauseOnAlert]);
  const [state, setState] = useState<TourState>(() => applyAlerts(initialTour(config, Date.now()), config, openAlerts(), Date.now()));

  // One clock for the dwell and the alerts: an alert for a tour camera is picked up within a second.
  useEffect(() => {
    const timer = setInterval(() => {
      const at = Date.now();
      setState((current) => applyAlerts(tick(current, config, at), config, openAlerts(), at));
    }, CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, [config]);

  useEffect(
    () =>
      useWallInteractionStore.subscribe((store, previous) => {
        const command = store.tourCommand;
        if (!command || command === previous.tourCommand) return;
        if (command.tileId === null || command.tileId === tile.id) setState((current) => OPERATOR[command.action](current, config, Date.now()));
      }),
    [tile.id, config],
  );

  // The next camera starts playing out of sight shortly before the switch, so it arrives live.
  const { order, visible } = terms;
  useEffect(() => {
    const wait = msUntilAdvance(state, config, Date.now());
    if (wait === null || !visible) return undefined;
    const timer = setTimeout(() => {
      const upcoming = latestOf(useCameraStore.getState().table, upcomingCameraId(state, config));
      if (upcoming && upcoming.status !== 'offline') playerPool.warmUp(tile.id, cameraSource(upcoming), { order, visible });
    }, Math.max(0, wait - CAMERA_TOUR_WARM_UP_MS));
    return () => clearTimeout(timer);
  }, [state, config, tile.id, order, visible]);

  const cameraId = currentCameraId(state, config);
  const camera = useCameraStore((s) => latestOf(s.table, cameraId));
  const summary = tourSummary(state, config);
  const overlay = (
    <span className="camera__tour" data-tour-position={summary.position} data-tour-paused={summary.paused} data-tour-held={summary.held}>
      <span className="camera__tour-count">{t('tour.position', { n: summary.position, count: summary.count })}</span>
      {summary.held ? <span className="camera__tour-flag camera__tour-flag--alert">{t('tour.heldByAlert')}</span> : null}
      {summary.paused ? <span className="camera__tour-flag">{t('tour.paused')}</span> : null}
    </span>
  );
  if (!camera) return <UnknownCamera tile={tile} cameraId={cameraId} />;
  return <CameraView tile={tile} camera={camera} terms={terms} eyebrow={tile.title ?? t('tour.title')} overlay={overlay} />;
}

import { useEffect, useState } from 'react';
import type { Camera, Language } from '../../../src-shared/domain';
import { saveCameraSnapshot } from '../../bridge/host-actions';
import { errorText } from '../../bridge/host-error';
import { useLanguage } from '../../i18n/use-t';
import { useWallInteractionStore } from '../../stores/wall-interaction-store';
import { useWallStore } from '../../stores/wall-store';
import type { CameraPlayer } from './camera-player';
import { blobToBase64, renderSnapshot } from './snapshot-image';
import { nameIn, unitNameIn } from '../../i18n/data-text';

/** How long the "saved" note stays on the tile: long enough to walk to the wall and read the file name. */
const RESULT_VISIBLE_MS = 10_000;

export interface SnapshotResult {
  ok: boolean;
  /** The file name when saved, the reason when not. */
  text: string;
}

/**
 * Takes a stamped PNG of this tile's current frame when the operator asks (key S on the selected
 * tile) and has the host save it; the result shows on the tile for a few seconds.
 */
export function useSnapshotCommand(tileId: string, player: CameraPlayer | null, camera: Camera): SnapshotResult | null {
  const language = useLanguage();
  const [result, setResult] = useState<SnapshotResult | null>(null);

  // A subscription, not a render-time read: a command is an event, taken once, by this tile only.
  useEffect(
    () =>
      useWallInteractionStore.subscribe((store, previous) => {
        const command = store.snapshotCommand;
        if (!command || command === previous.snapshotCommand || command.tileId !== tileId) return;
        void saveSnapshot(player?.video ?? null, camera, language).then(setResult);
      }),
    [tileId, player, camera, language],
  );

  useEffect(() => {
    if (!result) return undefined;
    const timer = setTimeout(() => setResult(null), RESULT_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [result]);

  return result;
}

/** Renders the stamped PNG of the frame on screen and has the host save it; never throws. */
async function saveSnapshot(video: HTMLVideoElement | null, camera: Camera, language: Language): Promise<SnapshotResult> {
  const takenAt = new Date();
  const wall = useWallStore.getState().view?.wall;
  const wallName = wall ? nameIn(wall, language) : undefined;
  try {
    if (!video) throw new Error('no picture to save');
    const blob = await renderSnapshot(video, { cameraName: camera.name, ...(camera.district ? { district: unitNameIn(camera.district, language) } : {}), takenAt, ...(wallName ? { wallName } : {}), language });
    const saved = await saveCameraSnapshot({ cameraId: camera.id, takenAt: takenAt.toISOString(), pngBase64: await blobToBase64(blob) });
    return { ok: true, text: saved.path.split(/[\\/]/).pop() ?? saved.path };
  } catch (error) {
    console.warn(`[camera] snapshot of ${camera.id} failed: ${errorText(error)}`);
    return { ok: false, text: errorText(error) };
  }
}

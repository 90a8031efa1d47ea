import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Camera } from '../../../src-shared/domain';
import { saveCameraSnapshot } from '../../bridge/host-actions';
import { errorText } from '../../bridge/host-error';
import { useLanguage } from '../../i18n/use-t';
import { useWallInteractionStore } from '../../stores/wall-interaction-store';
import { useWallStore } from '../../stores/wall-store';
import type { CameraPlayer } from './camera-player';
import { blobToBase64, renderSnapshot } from './snapshot-image';

/** How long the "saved" note stays on the tile. */
const RESULT_VISIBLE_MS = 5_000;

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
  const command = useWallInteractionStore((s) => s.snapshotCommand);
  const language = useLanguage();
  const [result, setResult] = useState<SnapshotResult | null>(null);
  const handled = useRef(command?.seq ?? 0);
  const context = useRef({ player, camera, language });
  useLayoutEffect(() => {
    context.current = { player, camera, language };
  });

  useEffect(() => {
    if (!command || command.seq === handled.current) return;
    handled.current = command.seq;
    if (command.tileId !== tileId) return;
    const { player: current, camera: cam, language: lang } = context.current;
    const video = current?.video;
    const takenAt = new Date();
    const wallName = useWallStore.getState().view?.wall.name;
    void (async () => {
      try {
        if (!video) throw new Error('no picture to save');
        const blob = await renderSnapshot(video, { cameraName: cam.name, ...(cam.district ? { district: cam.district } : {}), takenAt, ...(wallName ? { wallName } : {}), language: lang });
        const saved = await saveCameraSnapshot({ cameraId: cam.id, takenAt: takenAt.toISOString(), pngBase64: await blobToBase64(blob) });
        setResult({ ok: true, text: saved.path.split(/[\\/]/).pop() ?? saved.path });
      } catch (error) {
        console.warn(`[camera] snapshot of ${cam.id} failed: ${errorText(error)}`);
        setResult({ ok: false, text: errorText(error) });
      }
    })();
  }, [command, tileId]);

  useEffect(() => {
    if (!result) return undefined;
    const timer = setTimeout(() => setResult(null), RESULT_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [result]);

  return result;
}

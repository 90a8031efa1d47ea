import type { Camera } from '../../../src-shared/domain';
import type { CameraSource } from './camera-player';

/** Where a camera streams from, as its player needs it. */
export const cameraSource = (camera: Camera): CameraSource => ({
  cameraId: camera.id,
  subUrl: camera.subUrl,
  ...(camera.mainUrl ? { mainUrl: camera.mainUrl } : {}),
  ...(camera.stillUrl ? { stillUrl: camera.stillUrl } : {}),
  online: camera.status !== 'offline',
});

import { z } from 'zod';
import { invokeChannels } from '../../src-shared/ipc';
import { useAppInfoStore } from '../stores/app-info-store';
import { useCameraStore } from '../stores/camera-store';
import { useWallStore } from '../stores/wall-store';

const bootAnswerSchema = z.object({ ok: z.literal(true), value: invokeChannels['wall:boot'].response });

/**
 * Paints the wall from its boot answer (ipc.ts `wall:boot`, asked by main.tsx before the app
 * loaded) instead of waiting for the bridge's socket and its three requests: the app info, the
 * wall's view and its cameras' registry records go into the stores they belong in. The bridge's
 * own answers replace them moments later (`hub:state` replaces the whole camera table). A missing
 * or malformed answer changes nothing, and is said in the console.
 */
export function seedWallFromBoot(wallId: string, raw: unknown): void {
  const parsed = bootAnswerSchema.safeParse(raw);
  if (!parsed.success) {
    // A refusal or no answer was already reported by the boot script; an answer it took whose rest is wrong was not.
    if ((raw as { ok?: unknown } | null)?.ok === true) console.warn(`[boot] the host's boot answer does not match the contract: ${z.prettifyError(parsed.error).split('\n')[0] ?? ''}`);
    return;
  }
  const { info, view, cameraRecords } = parsed.data.value;
  if (view.wall.id !== wallId) return;
  useAppInfoStore.getState().infoLoaded(info);
  useCameraStore.getState().replaceAll(cameraRecords.flatMap((record) => (record.topic === 'camera' ? [record] : [])));
  useWallStore.getState().loadStarted(wallId);
  useWallStore.getState().loaded(view);
}

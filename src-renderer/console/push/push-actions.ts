import { operatorCommand } from '../../bridge/host-actions';
import { useOperatorStore } from '../../stores/operator-store';
import { draftContent, usePushDraftStore } from './push-draft-store';

/**
 * Where the operator acted, so the refusal shows there: on the wall's card, in the push panel, or
 * on the alert's row. The command's key starts with it.
 */
export type PushOrigin = { at: 'wall' } | { at: 'panel' } | { at: 'alert'; alertId: string };

function keyFor(origin: PushOrigin, wallId: string, what: string): string {
  if (origin.at === 'wall') return `wall:${wallId}:${what}`;
  if (origin.at === 'alert') return `alert:${origin.alertId}:${what}:${wallId}`;
  return `push:${wallId}:${what}`;
}

/** Puts the draft's content on a tile; once it is there, the draft lets go (the walls stop taking clicks). */
export async function pushDraftTo(wallId: string, tileId: string, origin: PushOrigin): Promise<void> {
  const content = draftContent(usePushDraftStore.getState());
  if (!content) return;
  const key = keyFor(origin, wallId, `push:${tileId}`);
  await operatorCommand(key, 'wall.push', { wallId, tileId, content });
  if (!useOperatorStore.getState().failures.has(key)) usePushDraftStore.getState().release();
}

/** Shows a camera over the whole wall, on top of its layout, until an operator restores the grid. */
export async function focusCamera(wallId: string, cameraId: string, origin: PushOrigin): Promise<void> {
  await operatorCommand(keyFor(origin, wallId, 'focus'), 'wall.focus-camera', { wallId, cameraId });
}

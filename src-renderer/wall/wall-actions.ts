import type { Command } from '../../src-shared/commands';
import type { WallKeyActionName } from '../../src-shared/keys/key-table';
import { runCommand } from '../bridge/host-actions';
import { errorText } from '../bridge/host-error';
import { useKeyFeedbackStore } from '../keys/key-feedback-store';
import { useWallInteractionStore } from '../stores/wall-interaction-store';
import { useWallStore } from '../stores/wall-store';
import { mapControllerOf } from '../tiles/map/map-registry';
import { wallKeyEffect } from './wall-keys';

/** Runs a wall-local command as this wall window; a refusal is shown briefly, never thrown. */
export function wallCommand(command: Command, what: string): void {
  runCommand(command.name, command.payload).catch((error: unknown) => useKeyFeedbackStore.getState().refused(what, errorText(error)));
}

/** Toggles a tile between the grid and the whole wall (double-click, Enter, F). */
export function toggleEnlarge(tileId: string): void {
  const view = useWallStore.getState().view;
  if (!view) return;
  const wallId = view.wall.id;
  useWallInteractionStore.getState().select(tileId);
  wallCommand(view.enlargedTileId === tileId ? { name: 'wall.restore', payload: { wallId } } : { name: 'wall.enlarge', payload: { wallId, tileId } }, tileId);
}

/** A wall key of the key table, carried out on this wall with its current selection. */
export function runWallKey(action: WallKeyActionName, key: string): void {
  const view = useWallStore.getState().view;
  if (!view) return;
  const interaction = useWallInteractionStore.getState();
  const tiles = view.focus ? [...view.layout.tiles, view.focus] : view.layout.tiles;
  const effect = wallKeyEffect(action, {
    wallId: view.wall.id,
    tiles,
    selectedTileId: interaction.selectedTileId,
    enlargedTileId: view.enlargedTileId,
    mapCamera: interaction.mapCamera,
    pickMapCamera: (tileId, dx, dy) => mapControllerOf(tileId)?.pickCamera(dx, dy) ?? null,
  });
  if (!effect) return;
  switch (effect.type) {
    case 'select':
      return interaction.select(effect.tileId);
    case 'clear-selection':
      return interaction.select(null);
    case 'snapshot':
      return interaction.requestSnapshot(effect.tileId);
    case 'command':
      return wallCommand(effect.command, key);
    case 'select-map-camera':
      return interaction.selectMapCamera({ tileId: effect.tileId, cameraId: effect.cameraId });
    case 'clear-map-camera':
      return interaction.selectMapCamera(null);
  }
}

import type { viKeys } from './vi-keys';

/** English strings of the keys, the help overlay and what walls show of operators' changes. */
export const enKeys: { readonly [K in keyof typeof viKeys]: string } = {
  'keys.help.title': 'Keyboard shortcuts',
  'keys.help.hint': 'Press F1 or ? to close',
  'keys.scope.global': 'Driving the walls — from any window',
  'keys.scope.wall': 'On a wall — the selected tile',
  'keys.scope.window': 'General',
  'keys.or': 'or',
  'keys.none': 'no key',
  'keys.refused': 'Key {key}: {reason}',
  'keys.action.select-left': 'Select the tile (on a map: the camera) to the left',
  'keys.action.select-right': 'Select the tile (on a map: the camera) to the right',
  'keys.action.select-up': 'Select the tile (on a map: the camera) above',
  'keys.action.select-down': 'Select the tile (on a map: the camera) below',
  'keys.action.enlarge': 'Enlarge the selected camera or map (open the camera picked on a map), or back',
  'keys.action.back': 'Back to the grid, or drop the camera picked on a map, or clear the selection',
  'keys.action.tour-pause': 'Pause / resume the camera tour',
  'keys.action.tour-next': 'Next tour camera',
  'keys.action.tour-previous': 'Previous tour camera',
  'keys.action.snapshot': 'Save a snapshot of the selected camera',
  'keys.action.help': 'Show / hide the keyboard shortcuts',
  'takeover.banner': 'Shown for an alert',
  'takeover.reverts': 'reverts in {duration}',
  'takeover.pinned': 'Pinned',
  'tile.pushed': 'Put here from the console',
};

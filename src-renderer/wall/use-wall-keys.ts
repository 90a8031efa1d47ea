import { useEffect } from 'react';
import type { Tile } from '../../src-shared/domain';
import { useWallInteractionStore } from '../stores/wall-interaction-store';
import { wallKeyAction } from './wall-keys';

/** Binds the wall's keys (wall-keys.ts) to the interaction store while the wall is shown. */
export function useWallKeys(tiles: readonly Tile[] | null): void {
  useEffect(() => {
    if (!tiles) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
      const store = useWallInteractionStore.getState();
      const action = wallKeyAction(event.key, { tiles, selectedTileId: store.selectedTileId, enlargedTileId: store.enlargedTileId });
      if (!action) return;
      event.preventDefault();
      switch (action.type) {
        case 'select':
          return store.select(action.tileId);
        case 'toggle-enlarge':
          return store.toggleEnlarge(action.tileId);
        case 'restore':
          return store.restore();
        case 'clear-selection':
          return store.select(null);
        case 'tour':
          return store.commandTours(action.action, action.tileId);
        case 'snapshot':
          return store.requestSnapshot(action.tileId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tiles]);
}

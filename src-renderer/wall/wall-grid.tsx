import { useEffect, type CSSProperties } from 'react';
import type { WallView } from '../../src-shared/wall-view';
import { useWallInteractionStore } from '../stores/wall-interaction-store';
import { TileView } from './tile-view';

/**
 * The layout as a CSS grid of equal cells filling the screen under the top bar, plus the focus
 * tile when a camera that is not on the layout is shown over the whole wall.
 */
export function WallGrid({ view }: { view: WallView }) {
  const { layout, focus, enlargedTileId } = view;
  useEffect(() => {
    useWallInteractionStore.getState().layoutChanged(new Set([...layout.tiles.map((tile) => tile.id), ...(focus ? [focus.id] : [])]));
  }, [layout, focus]);
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${layout.cols}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
  };
  const pushed = new Set(view.pushedTileIds);
  return (
    <main className="wall-grid" style={style} data-layout-id={layout.id} data-enlarged={enlargedTileId !== null || undefined}>
      {layout.tiles.map((tile, i) => (
        <TileView key={tile.id} tile={tile} order={i} enlargedTileId={enlargedTileId} pushed={pushed.has(tile.id)} />
      ))}
      {focus ? <TileView key={focus.id} tile={focus} order={-1} enlargedTileId={enlargedTileId} pushed={true} /> : null}
    </main>
  );
}

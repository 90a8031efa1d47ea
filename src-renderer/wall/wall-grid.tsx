import { useEffect, type CSSProperties } from 'react';
import type { Layout } from '../../src-shared/domain';
import { useWallInteractionStore } from '../stores/wall-interaction-store';
import { TileView } from './tile-view';

/** The layout as a CSS grid of equal cells filling the screen under the top bar. */
export function WallGrid({ layout }: { layout: Layout }) {
  const enlarged = useWallInteractionStore((s) => s.enlargedTileId);
  useEffect(() => {
    useWallInteractionStore.getState().layoutChanged(new Set(layout.tiles.map((tile) => tile.id)));
  }, [layout]);
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${layout.cols}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
  };
  return (
    <main className="wall-grid" style={style} data-layout-id={layout.id} data-enlarged={enlarged !== null || undefined}>
      {layout.tiles.map((tile, i) => (
        <TileView key={tile.id} tile={tile} order={i} />
      ))}
    </main>
  );
}

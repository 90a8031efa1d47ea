import type { CSSProperties } from 'react';
import type { Layout } from '../../src-shared/domain';
import { TileView } from './tile-view';

/** The layout as a CSS grid of equal cells filling the screen under the top bar. */
export function WallGrid({ layout }: { layout: Layout }) {
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${layout.cols}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
  };
  return (
    <main className="wall-grid" style={style} data-layout-id={layout.id}>
      {layout.tiles.map((tile) => (
        <TileView key={tile.id} tile={tile} />
      ))}
    </main>
  );
}

import { memo, useEffect, useState, type CSSProperties } from 'react';
import type { CameraTile, Layout } from '../../src-shared/domain';
import type { WallView } from '../../src-shared/wall-view';
import { LAYOUTS_KEPT_READY_DEFAULT } from '../../src-shared/ipc';
import { useAppInfoStore } from '../stores/app-info-store';
import { useWallInteractionStore } from '../stores/wall-interaction-store';
import { LayoutShownContext } from './layout-shown';
import { nextStandby, sameLayout } from './standby-layouts';
import { preloadKpiCharts } from '../tiles/kpi/kpi-charts-lazy';
import { TileView } from './tile-view';

interface Layouts {
  /** The layout as the last view brought it. */
  incoming: Layout;
  /** What is painted: `incoming`, or the copy already on screen or kept when it is the same. */
  shown: Layout;
  standby: Layout[];
}

/** The layout to show and the ones kept hidden besides it, updated as the wall's views come in. */
function useLayouts(incoming: Layout): Layouts {
  const capacity = useAppInfoStore((s) => s.info?.layoutsKeptReady ?? LAYOUTS_KEPT_READY_DEFAULT);
  const [state, setState] = useState<Layouts>({ incoming, shown: incoming, standby: [] });
  if (state.incoming === incoming) return state;
  // Every view brings a new layout object, most often equal to the one painted (a tour moved, a
  // banner came): keeping the painted object lets the grids and tiles skip rendering.
  const shown = [state.shown, ...state.standby].find((layout) => sameLayout(layout, incoming)) ?? incoming;
  // Derived during render (React's "adjust state when a prop changes"): the switch and the standby
  // list change in one commit, so the layout that leaves the screen is never unmounted in between.
  const next = { incoming, shown, standby: nextStandby(state.standby, state.shown, shown, capacity) };
  setState(next);
  return next;
}

/**
 * The wall's layout as a CSS grid of equal cells filling the screen under the top bar, plus the
 * focus tile when a camera that is not on the layout is shown over the whole wall. Layouts shown
 * recently stay mounted underneath, hidden (standby-layouts.ts), in a fixed order so that a switch
 * moves no DOM, only which one is visible.
 */
export function WallGrid({ view }: { view: WallView }) {
  const { focus, enlargedTileId } = view;
  const { shown: layout, standby } = useLayouts(view.layout);
  const hasKpi = layout.tiles.some((tile) => tile.kind === 'kpi');
  useEffect(() => {
    if (hasKpi) void preloadKpiCharts();
  }, [hasKpi]);
  useEffect(() => {
    useWallInteractionStore.getState().layoutChanged(new Set([...layout.tiles.map((tile) => tile.id), ...(focus ? [focus.id] : [])]));
  }, [layout, focus]);
  const grids = [layout, ...standby].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (
    <div className="wall-stage">
      {grids.map((grid) =>
        grid === layout ? (
          <LayoutGrid key={grid.id} layout={layout} shown={true} pushedTileIds={view.pushedTileIds} focus={focus} enlargedTileId={enlargedTileId} />
        ) : (
          <LayoutGrid key={grid.id} layout={grid} shown={false} pushedTileIds={NO_PUSHES} focus={null} enlargedTileId={null} />
        ),
      )}
    </div>
  );
}

interface LayoutGridProps {
  layout: Layout;
  /** False for a layout kept hidden for a quick switch back: no ids for tests or the keys, inert. */
  shown: boolean;
  pushedTileIds: readonly string[];
  focus: CameraTile | null;
  enlargedTileId: string | null;
}

const NO_PUSHES: readonly string[] = [];

/** Views are parsed anew each time: equal ids and an equal focus tile are equal props. */
function sameGridProps(a: LayoutGridProps, b: LayoutGridProps): boolean {
  return (
    a.layout === b.layout &&
    a.shown === b.shown &&
    a.enlargedTileId === b.enlargedTileId &&
    a.pushedTileIds.length === b.pushedTileIds.length &&
    a.pushedTileIds.every((id, i) => b.pushedTileIds[i] === id) &&
    (a.focus === b.focus || JSON.stringify(a.focus) === JSON.stringify(b.focus))
  );
}

/** Memoized: a kept grid, or the shown one when only the view's other parts changed, skips rendering. */
const LayoutGrid = memo(function LayoutGrid({ layout, shown, pushedTileIds, focus, enlargedTileId }: LayoutGridProps) {
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${layout.cols}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
  };
  const pushed = new Set(pushedTileIds);
  return (
    <LayoutShownContext.Provider value={shown}>
      <main
        className={shown ? 'wall-grid' : 'wall-grid-standby'}
        style={style}
        data-layout-id={shown ? layout.id : undefined}
        data-standby-layout-id={shown ? undefined : layout.id}
        data-enlarged={enlargedTileId !== null || undefined}
        aria-hidden={shown ? undefined : true}
        inert={!shown}
      >
        {layout.tiles.map((tile, i) => (
          <TileView key={tile.id} tile={tile} order={i} enlargedTileId={enlargedTileId} pushed={pushed.has(tile.id)} shown={shown} />
        ))}
        {focus ? <TileView key={focus.id} tile={focus} order={-1} enlargedTileId={enlargedTileId} pushed={true} shown={shown} /> : null}
      </main>
    </LayoutShownContext.Provider>
  );
}, sameGridProps);

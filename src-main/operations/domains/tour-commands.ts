import { both } from '../../../src-shared/bilingual';
import type { CameraTourTile } from '../../../src-shared/domain';
import { next, previous, togglePause, type TourConfig, type TourState } from '../../../src-shared/tour-state';
import { composeWall, tourHoldMaxMs } from '../composition';
import { CommandError, type DomainHandlers } from '../dispatch';
import { nameOf, type HostServices } from '../host-services';
import { tourConfig } from '../tours';

const ACTIONS: Readonly<Record<'toggle-pause' | 'next' | 'previous', (state: TourState, config: TourConfig, at: number) => TourState>> = {
  'toggle-pause': togglePause,
  next,
  previous,
};

/** The operator's hand on the camera tours: pause, next, previous, on one tour or all of a wall's. */
export function tourCommands(services: HostServices): DomainHandlers {
  return {
    'tour.control': ({ wallId, tileId, action }, ctx) => {
      const at = services.now();
      const view = composeWall(ctx.state, services, wallId, at);
      const tiles = view.layout.tiles.filter((t): t is CameraTourTile => t.kind === 'camera-tour' && (tileId === null || t.id === tileId));
      if (tiles.length === 0) throw new CommandError(tileId === null ? `wall ${wallId} shows no camera tour` : `tile "${tileId}" of wall ${wallId} is not a camera tour`);
      const wallTours = { ...(ctx.state.tours[wallId] ?? {}) };
      for (const tile of tiles) {
        const current = wallTours[tile.id];
        if (current) wallTours[tile.id] = ACTIONS[action](current, tourConfig(tile, tourHoldMaxMs(services)), at);
      }
      ctx.set({ ...ctx.state, tours: { ...ctx.state.tours, [wallId]: wallTours } });
      const verb = {
        'toggle-pause': both('tạm dừng / tiếp tục tuần tra', 'pause / resume the tour'),
        next: both('chuyển sang camera tuần tra kế tiếp', 'next tour camera'),
        previous: both('quay lại camera tuần tra trước', 'previous tour camera'),
      }[action];
      const wall = nameOf(services, 'wall', wallId);
      ctx.describe(both(`${wall.vi}: ${verb.vi}`, `${wall.en}: ${verb.en}`));
    },
  };
}

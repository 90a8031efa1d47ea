import { both, localized, type Bilingual } from '../../../src-shared/bilingual';
import { mapViewName } from '../../../src-shared/map';
import type { MapTile } from '../../../src-shared/domain';
import type { MapState } from '../../../src-shared/wall-view';
import { CommandError, type DomainHandlers } from '../dispatch';
import type { HostState } from '../host-state';
import { hubNameOf, layoutOf, nameOf, type HostServices } from '../host-services';
import { applyPushes, type WallBase } from '../wall-base';
import { withWall } from './wall-commands';

/**
 * Map tiles driven from the console: another view (a named one, the province, a box), an alert the
 * map follows, and a camera opened from a map marker on the wall itself. What is asked of a map is
 * kept in the wall's base by tile id, so it is durable, undoable and cleared with the layout.
 */
export function mapCommands(services: HostServices): DomainHandlers {
  /** The wall's base and its map tile (the layout's own, or a map pushed onto a tile). */
  const mapTileOf = (state: HostState, wallId: string, tileId: string): { base: WallBase; tile: MapTile } => {
    const base = state.walls[wallId];
    if (!base) throw new CommandError(`no wall "${wallId}"`);
    const { layout } = applyPushes(layoutOf(services, base.layoutId), base.pushes);
    const tile = layout.tiles.find((t) => t.id === tileId);
    if (tile?.kind !== 'map') throw new CommandError(both(`Màn hình ${wallId} không có bản đồ tại ô "${tileId}"`, `wall ${wallId} has no map in tile "${tileId}"`));
    return { base, tile };
  };
  const withMap = (state: HostState, wallId: string, base: WallBase, tileId: string, next: MapState): HostState => {
    const { [tileId]: _old, ...others } = base.maps;
    const maps = next.view === undefined && next.followAlertId === undefined ? others : { ...others, [tileId]: next };
    return withWall(state, wallId, { ...base, maps });
  };
  const label = (wallId: string, vi: string, en: string): Bilingual => {
    const wall = nameOf(services, 'wall', wallId);
    return both(`${wall.vi}, bản đồ: ${vi}`, `${wall.en}, map: ${en}`);
  };
  return {
    'map.show-view': ({ wallId, tileId, view }, ctx) => {
      const { base } = mapTileOf(ctx.state, wallId, tileId);
      if (view !== null && view !== 'province' && 'named' in view && !services.config.map.views.some((v) => v.id === view.named)) {
        throw new CommandError(both(`Không có vùng bản đồ "${view.named}"`, `no map view "${view.named}"`));
      }
      const { view: _shown, ...rest } = base.maps[tileId] ?? {};
      ctx.set(withMap(ctx.state, wallId, base, tileId, view === null ? rest : { ...rest, view }));
      const views = services.config.map.views;
      ctx.describe(view === null ? label(wallId, 'về vùng mặc định', 'back to its own view') : label(wallId, mapViewName(view, views, 'vi'), mapViewName(view, views, 'en')));
    },
    'map.follow-alert': ({ wallId, tileId, alertId }, ctx) => {
      const { base } = mapTileOf(ctx.state, wallId, tileId);
      const { followAlertId: _followed, ...rest } = base.maps[tileId] ?? {};
      if (alertId === null) {
        ctx.set(withMap(ctx.state, wallId, base, tileId, rest));
        ctx.describe(label(wallId, 'thôi theo dõi cảnh báo', 'stopped following the alert'));
        return;
      }
      const alert = services.hub.alert(alertId);
      if (!alert) throw new CommandError(both(`Không có cảnh báo "${alertId}"`, `no alert "${alertId}"`));
      if (!alert.location.point) throw new CommandError(both(`Cảnh báo "${alertId}" không có vị trí trên bản đồ`, `alert "${alertId}" has no map point`));
      ctx.set(withMap(ctx.state, wallId, base, tileId, { ...rest, followAlertId: alertId }));
      ctx.describe(label(wallId, `theo dõi "${alert.text}"`, `following "${localized(alert.text, alert.textEn, 'en')}"`));
    },
    'map.open-camera': ({ wallId, tileId, cameraId }, ctx) => {
      const { base, tile } = mapTileOf(ctx.state, wallId, tileId);
      if (!tile.layers.includes('cameras')) throw new CommandError(both(`Bản đồ "${tileId}" không hiển thị camera`, `map "${tileId}" shows no cameras`));
      ctx.set(withWall(ctx.state, wallId, { ...base, enlarged: { cameraId } }));
      const camera = hubNameOf(services, 'camera', cameraId);
      ctx.describe(label(wallId, `mở ${camera.vi}`, `opened ${camera.en}`));
    },
  };
}

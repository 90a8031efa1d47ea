import { both, namesOf, type Bilingual } from '../../../src-shared/bilingual';
import type { Caller } from '../../../src-shared/caller';
import { mapViewName } from '../../../src-shared/map';
import { unitNameIn } from '../../../src-shared/unit-name-en';
import type { PushedContent, WallSource } from '../../../src-shared/wall-view';
import { CommandError, type CommandContext, type DomainHandlers } from '../dispatch';
import type { HostState } from '../host-state';
import { hubNameOf, layoutOf, nameOf, wallOf, type HostServices } from '../host-services';
import { plainBase, type WallBase } from '../wall-base';

/**
 * What is on each wall: its layout, pushed tiles, the enlarged tile or camera, and the wall the
 * keys act on. Agendas and schedules reach these through the same commands as operators.
 */

/** Who put a layout or a push on a wall, from who asked. */
export function sourceOf(caller: Caller, preset?: string): WallSource {
  if (caller.kind === 'agenda') return { kind: 'agenda', id: caller.agendaId, step: caller.step };
  if (preset !== undefined) return { kind: 'preset', id: preset };
  if (caller.kind === 'schedule') return { kind: 'schedule', id: caller.scheduleId };
  return { kind: 'operator' };
}

export function withWall(state: HostState, wallId: string, base: WallBase): HostState {
  return state.walls[wallId] === base ? state : { ...state, walls: { ...state.walls, [wallId]: base } };
}

function baseOf(state: HostState, wallId: string): WallBase {
  const base = state.walls[wallId];
  if (!base) throw new CommandError(`no wall "${wallId}"`);
  return base;
}

/** The wall a key means when it names none: the selected (target) wall, else the first. */
export function targetWall(services: HostServices, state: HostState, wallId?: string): string {
  const id = wallId ?? state.target.wallId ?? services.config.walls[0]?.id;
  if (id === undefined) throw new CommandError('there is no wall');
  wallOf(services, id);
  return id;
}

export function wallCommands(services: HostServices): DomainHandlers {
  const { config } = services;
  /** "Camera Bãi Sau", "Chỉ số AQI – TP. Vũng Tàu", "bản đồ Côn Đảo": pushed content in both languages. */
  const pushedName = (content: PushedContent): Bilingual => {
    if (content.kind === 'camera') return hubNameOf(services, 'camera', content.cameraId);
    if (content.kind === 'map') return both(`bản đồ ${mapViewName(content.view, config.map.views, 'vi')}`, `map ${mapViewName(content.view, config.map.views, 'en')}`);
    const kpi = hubNameOf(services, 'kpi', content.kpiId);
    return content.district ? both(`${kpi.vi} – ${content.district}`, `${kpi.en} – ${unitNameIn(content.district, 'en')}`) : kpi;
  };
  /** The selected wall (or the one named) on the next or previous layout, in config order. */
  const cycleLayout = (ctx: CommandContext, wallId: string | undefined, step: 1 | -1): void => {
    const id = targetWall(services, ctx.state, wallId);
    const current = config.layouts.findIndex((l) => l.id === baseOf(ctx.state, id).layoutId);
    const next = config.layouts[(current + step + config.layouts.length) % config.layouts.length]!;
    ctx.set(withWall(ctx.state, id, plainBase(next.id, sourceOf(ctx.caller))));
    const [wall, layout] = [nameOf(services, 'wall', id), namesOf(next)];
    ctx.describe(both(`${wall.vi}: bố cục ${layout.vi}`, `${wall.en}: layout ${layout.en}`));
  };
  /** The wall the keys act on, moved to the next or previous wall in config order. */
  const stepTarget = (ctx: CommandContext, step: 1 | -1): void => {
    const walls = config.walls;
    const current = Math.max(0, walls.findIndex((w) => w.id === ctx.state.target.wallId));
    const wallId = walls[(current + step + walls.length) % walls.length]!.id;
    ctx.set({ ...ctx.state, target: { wallId } });
    const wall = nameOf(services, 'wall', wallId);
    ctx.describe(both(`Chọn ${wall.vi}`, `Selected ${wall.en}`));
  };
  return {
    'wall.set-layout': ({ wallId, layoutId }, ctx) => {
      wallOf(services, wallId);
      layoutOf(services, layoutId);
      ctx.set(withWall(ctx.state, wallId, plainBase(layoutId, sourceOf(ctx.caller))));
      const [wall, layout] = [nameOf(services, 'wall', wallId), nameOf(services, 'layout', layoutId)];
      ctx.describe(both(`${wall.vi}: bố cục ${layout.vi}`, `${wall.en}: layout ${layout.en}`));
    },
    'wall.next-layout': ({ wallId }, ctx) => cycleLayout(ctx, wallId, 1),
    'wall.previous-layout': ({ wallId }, ctx) => cycleLayout(ctx, wallId, -1),
    'wall.push': ({ wallId, tileId, content }, ctx) => {
      const base = baseOf(ctx.state, wallId);
      if (!layoutOf(services, base.layoutId).tiles.some((t) => t.id === tileId)) {
        throw new CommandError(both(`Bố cục "${base.layoutId}" của màn hình ${wallId} không có ô "${tileId}"`, `layout "${base.layoutId}" of wall ${wallId} has no tile "${tileId}"`));
      }
      ctx.set(withWall(ctx.state, wallId, { ...base, pushes: { ...base.pushes, [tileId]: content }, source: ctx.caller.kind === 'agenda' ? sourceOf(ctx.caller) : base.source }));
      const what = pushedName(content);
      const wall = nameOf(services, 'wall', wallId);
      ctx.describe(both(`${wall.vi}, ô ${tileId}: ${what.vi}`, `${wall.en}, tile ${tileId}: ${what.en}`));
    },
    'wall.clear-push': ({ wallId, tileId }, ctx) => {
      const base = baseOf(ctx.state, wallId);
      if (!(tileId in base.pushes)) throw new CommandError(both(`Ô "${tileId}" của màn hình ${wallId} đang hiển thị đúng bố cục`, `tile "${tileId}" of wall ${wallId} shows its layout already`));
      const { [tileId]: _removed, ...pushes } = base.pushes;
      ctx.set(withWall(ctx.state, wallId, { ...base, pushes }));
    },
    'wall.focus-camera': ({ wallId, cameraId }, ctx) => {
      const base = baseOf(ctx.state, wallId);
      ctx.set(withWall(ctx.state, wallId, { ...base, enlarged: { cameraId } }));
      const wall = nameOf(services, 'wall', wallId);
      const camera = hubNameOf(services, 'camera', cameraId);
      ctx.describe(both(`${wall.vi}: phóng to ${camera.vi}`, `${wall.en}: ${camera.en} enlarged`));
    },
    'wall.enlarge': ({ wallId, tileId }, ctx) => {
      const base = baseOf(ctx.state, wallId);
      if (!layoutOf(services, base.layoutId).tiles.some((t) => t.id === tileId)) throw new CommandError(both(`Màn hình ${wallId} không có ô "${tileId}"`, `wall ${wallId} has no tile "${tileId}"`));
      if (base.enlarged && 'tileId' in base.enlarged && base.enlarged.tileId === tileId) return;
      ctx.set(withWall(ctx.state, wallId, { ...base, enlarged: { tileId } }));
    },
    'wall.restore': ({ wallId }, ctx) => {
      const base = baseOf(ctx.state, wallId);
      if (base.enlarged !== null) ctx.set(withWall(ctx.state, wallId, { ...base, enlarged: null }));
    },
    'target.select': ({ wallId }, ctx) => {
      wallOf(services, wallId);
      if (ctx.state.target.wallId !== wallId) ctx.set({ ...ctx.state, target: { wallId } });
      const wall = nameOf(services, 'wall', wallId);
      ctx.describe(both(`Chọn ${wall.vi}`, `Selected ${wall.en}`));
    },
    'target.next': (_payload, ctx) => stepTarget(ctx, 1),
    'target.previous': (_payload, ctx) => stepTarget(ctx, -1),
  };
}

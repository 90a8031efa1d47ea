import { CommandError, type CommandContext, type DomainHandlers } from '../dispatch';
import { nameOf, say, type HostServices } from '../host-services';
import { dismiss, pin, type TakeoverResult } from '../takeover-book';
import { targetWall } from './wall-commands';

/** The operator's answer to a rule takeover: pin it (no revert) or dismiss it (revert now). */
export function takeoverCommands(services: HostServices): DomainHandlers {
  /** The wall named, else the selected wall if it is taken over, else the only wall that is. */
  const takenWall = (ctx: CommandContext, wallId: string | undefined): string => {
    const active = ctx.state.takeovers.book.active;
    if (wallId !== undefined) {
      targetWall(services, ctx.state, wallId);
      if (!active[wallId]) throw new CommandError(say(services, `${nameOf(services, 'wall', wallId)} không bị cảnh báo chiếm`, `${nameOf(services, 'wall', wallId)} has no takeover`));
      return wallId;
    }
    const target = ctx.state.target.wallId;
    if (target !== null && active[target]) return target;
    const taken = Object.keys(active);
    if (taken.length === 1) return taken[0]!;
    throw new CommandError(taken.length === 0 ? say(services, 'Không có màn hình nào bị cảnh báo chiếm', 'No wall is taken over') : say(services, 'Nhiều màn hình bị cảnh báo chiếm: chọn màn hình trước', 'Several walls are taken over: select one first'));
  };
  const apply = (ctx: CommandContext, result: TakeoverResult): void => {
    ctx.set({ ...ctx.state, takeovers: { ...ctx.state.takeovers, book: result.book } });
  };
  return {
    'takeover.pin': ({ wallId }, ctx) => {
      const id = takenWall(ctx, wallId);
      apply(ctx, pin(ctx.state.takeovers.book, id, services.now()));
      ctx.describe(say(services, `${nameOf(services, 'wall', id)}: ghim hiển thị theo cảnh báo`, `${nameOf(services, 'wall', id)}: takeover pinned`));
    },
    'takeover.dismiss': ({ wallId }, ctx) => {
      const id = takenWall(ctx, wallId);
      apply(ctx, dismiss(ctx.state.takeovers.book, id, services.now()));
      ctx.describe(say(services, `${nameOf(services, 'wall', id)}: bỏ hiển thị theo cảnh báo`, `${nameOf(services, 'wall', id)}: takeover dismissed`));
    },
  };
}

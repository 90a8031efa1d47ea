import { both } from '../../../src-shared/bilingual';
import { CommandError, type CommandContext, type DomainHandlers } from '../dispatch';
import { nameOf, type HostServices } from '../host-services';
import { dismiss, pin, type TakeoverResult } from '../takeover-book';
import { targetWall } from './wall-commands';

/** The operator's answer to a rule takeover: pin it (no revert) or dismiss it (revert now). */
export function takeoverCommands(services: HostServices): DomainHandlers {
  /** The wall named, else the selected wall if it is taken over, else the only wall that is. */
  const takenWall = (ctx: CommandContext, wallId: string | undefined): string => {
    const active = ctx.state.takeovers.book.active;
    if (wallId !== undefined) {
      targetWall(services, ctx.state, wallId);
      const wall = nameOf(services, 'wall', wallId);
      if (!active[wallId]) throw new CommandError(both(`${wall.vi} không hiển thị theo cảnh báo nào`, `${wall.en} has no takeover`));
      return wallId;
    }
    const target = ctx.state.target.wallId;
    if (target !== null && active[target]) return target;
    const taken = Object.keys(active);
    if (taken.length === 1) return taken[0]!;
    throw new CommandError(
      taken.length === 0
        ? both('Không có màn hình nào đang hiển thị theo cảnh báo', 'No wall is taken over')
        : both('Nhiều màn hình đang hiển thị theo cảnh báo: đề nghị chọn màn hình trước', 'Several walls are taken over: select one first'),
    );
  };
  const apply = (ctx: CommandContext, result: TakeoverResult): void => {
    ctx.set({ ...ctx.state, takeovers: { ...ctx.state.takeovers, book: result.book } });
  };
  return {
    'takeover.pin': ({ wallId }, ctx) => {
      const id = takenWall(ctx, wallId);
      apply(ctx, pin(ctx.state.takeovers.book, id, services.now()));
      const wall = nameOf(services, 'wall', id);
      ctx.describe(both(`${wall.vi}: giữ nguyên hiển thị theo cảnh báo`, `${wall.en}: takeover pinned`));
    },
    'takeover.dismiss': ({ wallId }, ctx) => {
      const id = takenWall(ctx, wallId);
      apply(ctx, dismiss(ctx.state.takeovers.book, id, services.now()));
      const wall = nameOf(services, 'wall', id);
      ctx.describe(both(`${wall.vi}: thôi hiển thị theo cảnh báo`, `${wall.en}: takeover dismissed`));
    },
  };
}

import type { Command } from '../../../src-shared/commands';
import type { Agenda } from '../../../src-shared/operations-config';
import { nextStep, previousStep, startAgenda, toggleHold, type AgendaRun } from '../agenda-run';
import { CommandError, type CommandContext, type DomainHandlers } from '../dispatch';
import { say, type HostServices } from '../host-services';

/**
 * Briefing agendas: start, next, previous, hold, stop. Each step's walls change through the
 * ordinary wall and preset commands, issued by the agenda itself, so the step is one change on
 * every wall and the console's log says the agenda did it.
 */

/** The commands that put a step on the walls: its preset, then per-wall layouts, then pushes. */
export function stepCommands(agenda: Agenda, step: number): Command[] {
  const s = agenda.steps[step];
  if (!s) return [];
  return [
    ...(s.presetId ? [{ name: 'preset.apply' as const, payload: { presetId: s.presetId } }] : []),
    ...Object.entries(s.layouts ?? {}).map(([wallId, layoutId]) => ({ name: 'wall.set-layout' as const, payload: { wallId, layoutId } })),
    ...(s.pushes ?? []).map((push) => ({ name: 'wall.push' as const, payload: push })),
  ];
}

/** "Giao ban sáng thứ Hai · 2/3 Điều hành giao thông" */
export function stepTitle(agenda: Agenda, step: number): string {
  const s = agenda.steps[step];
  const title = s?.title ?? s?.note ?? '';
  return `${agenda.name} · ${step + 1}/${agenda.steps.length}${title ? ` ${title}` : ''}`;
}

export function agendaCommands(services: HostServices): DomainHandlers {
  const agendaById = (agendaId: string): Agenda => {
    const agenda = services.config.agendas.find((a) => a.id === agendaId);
    if (!agenda) throw new CommandError(`no agenda with id "${agendaId}"`);
    return agenda;
  };
  const running = (ctx: CommandContext): { run: AgendaRun; agenda: Agenda } => {
    const run = ctx.state.agenda;
    if (!run) throw new CommandError(say(services, 'Chưa có chương trình giao ban nào đang chạy', 'No agenda is running'));
    return { run, agenda: agendaById(run.agendaId) };
  };
  /** Puts the run in the state and its step on the walls. */
  const show = (ctx: CommandContext, agenda: Agenda, run: AgendaRun): void => {
    ctx.set({ ...ctx.state, agenda: run });
    ctx.nested({ kind: 'agenda', agendaId: agenda.id, step: run.step }, stepCommands(agenda, run.step));
    ctx.describe(stepTitle(agenda, run.step));
  };
  return {
    'agenda.start': ({ agendaId }, ctx) => {
      const id = agendaId ?? ctx.state.agenda?.agendaId ?? services.config.agendas[0]?.id;
      if (id === undefined) throw new CommandError(say(services, 'Chưa cấu hình chương trình giao ban nào', 'No agenda is configured'));
      const agenda = agendaById(id);
      show(ctx, agenda, startAgenda(agenda, services.now()));
    },
    'agenda.next': (_payload, ctx) => {
      const { run, agenda } = running(ctx);
      const moved = nextStep(run, agenda, services.now());
      if (moved) return show(ctx, agenda, moved);
      // Past the last step the agenda is over; the walls keep the last step.
      ctx.set({ ...ctx.state, agenda: null });
      ctx.describe(say(services, `${agenda.name}: kết thúc`, `${agenda.name}: finished`));
    },
    'agenda.previous': (_payload, ctx) => {
      const { run, agenda } = running(ctx);
      show(ctx, agenda, previousStep(run, agenda, services.now()));
    },
    'agenda.hold': (_payload, ctx) => {
      const { run, agenda } = running(ctx);
      const next = toggleHold(run, services.now());
      ctx.set({ ...ctx.state, agenda: next });
      ctx.describe(`${stepTitle(agenda, next.step)}: ${next.state === 'held' ? say(services, 'giữ', 'held') : say(services, 'tiếp tục', 'resumed')}`);
    },
    'agenda.stop': (_payload, ctx) => {
      const { agenda } = running(ctx);
      ctx.set({ ...ctx.state, agenda: null });
      ctx.describe(say(services, `${agenda.name}: dừng`, `${agenda.name}: stopped`));
    },
  };
}

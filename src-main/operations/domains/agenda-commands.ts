import { both, localized, namesOf, type Bilingual } from '../../../src-shared/bilingual';
import type { Command } from '../../../src-shared/commands';
import type { Agenda } from '../../../src-shared/operations-config';
import { nextStep, previousStep, startAgenda, toggleHold, type AgendaRun } from '../agenda-run';
import { CommandError, type CommandContext, type DomainHandlers } from '../dispatch';
import type { HostServices } from '../host-services';

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

/** "Giao ban sáng thứ Hai · 2/3 Điều hành giao thông", in both languages. */
export function stepTitle(agenda: Agenda, step: number): Bilingual {
  const s = agenda.steps[step];
  const name = namesOf(agenda);
  const title = {
    vi: s?.title ?? s?.note ?? '',
    en: s?.title !== undefined ? localized(s.title, s.titleEn, 'en') : localized(s?.note ?? '', s?.noteEn, 'en'),
  };
  const line = (lang: 'vi' | 'en'): string => `${name[lang]} · ${step + 1}/${agenda.steps.length}${title[lang] ? ` ${title[lang]}` : ''}`;
  return both(line('vi'), line('en'));
}

export function agendaCommands(services: HostServices): DomainHandlers {
  const agendaById = (agendaId: string): Agenda => {
    const agenda = services.config.agendas.find((a) => a.id === agendaId);
    if (!agenda) throw new CommandError(`no agenda with id "${agendaId}"`);
    return agenda;
  };
  const running = (ctx: CommandContext): { run: AgendaRun; agenda: Agenda } => {
    const run = ctx.state.agenda;
    if (!run) throw new CommandError(both('Hiện không có chương trình giao ban nào đang chạy', 'No agenda is running'));
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
      if (id === undefined) throw new CommandError(both('Chưa cấu hình chương trình giao ban nào', 'No agenda is configured'));
      const agenda = agendaById(id);
      show(ctx, agenda, startAgenda(agenda, services.now()));
    },
    'agenda.next': (_payload, ctx) => {
      const { run, agenda } = running(ctx);
      const moved = nextStep(run, agenda, services.now());
      if (moved) return show(ctx, agenda, moved);
      // Past the last step the agenda is over; the walls keep the last step.
      ctx.set({ ...ctx.state, agenda: null });
      const name = namesOf(agenda);
      ctx.describe(both(`${name.vi}: kết thúc`, `${name.en}: finished`));
    },
    'agenda.previous': (_payload, ctx) => {
      const { run, agenda } = running(ctx);
      show(ctx, agenda, previousStep(run, agenda, services.now()));
    },
    'agenda.hold': (_payload, ctx) => {
      const { run, agenda } = running(ctx);
      const next = toggleHold(run, services.now());
      ctx.set({ ...ctx.state, agenda: next });
      const title = stepTitle(agenda, next.step);
      ctx.describe(next.state === 'held' ? both(`${title.vi}: tạm dừng`, `${title.en}: held`) : both(`${title.vi}: tiếp tục`, `${title.en}: resumed`));
    },
    'agenda.stop': (_payload, ctx) => {
      const { agenda } = running(ctx);
      ctx.set({ ...ctx.state, agenda: null });
      const name = namesOf(agenda);
      ctx.describe(both(`${name.vi}: dừng`, `${name.en}: stopped`));
    },
  };
}

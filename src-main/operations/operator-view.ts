import { both, namesOf } from '../../src-shared/bilingual';
import { scheduleKind, type Schedule } from '../../src-shared/operations-config';
import type { OperatorDisplay, OperatorState, OperatorWall, RecentCommand, ScheduledPoint } from '../../src-shared/operator-state';
import { remainingAt } from './agenda-run';
import { composeWall } from './composition';
import type { HostState } from './host-state';
import { nameOf, type HostServices } from './host-services';
import type { WallPresenceBook } from './presence';
import { layoutSchedules, nextPoint, pointsBetween } from './schedule-points';

/** Where a wall is (or waits to be), as the shell's display book decided. */
export type Placement = NonNullable<OperatorWall['display']>;

/** What the shell last decided about the displays: each wall's, and the list the console shows. */
export interface DisplayPlacements {
  walls: ReadonlyMap<string, Placement>;
  displays: readonly OperatorDisplay[];
}

export const NO_PLACEMENTS: DisplayPlacements = { walls: new Map(), displays: [] };

export type KeyStatus = OperatorState['keys'];

export interface OperatorViewInput {
  state: HostState;
  services: HostServices;
  presence: WallPresenceBook;
  placements: DisplayPlacements;
  /** Browser mode: a wall's address (with its key), for the console's links. */
  wallUrlOf: ((wallId: string) => string) | undefined;
  keys: KeyStatus;
  stateStore: OperatorState['stateStore'];
  recent: readonly RecentCommand[];
  shell: OperatorState['shell'];
  at: number;
}

/** A preset counts as on while every wall it names shows its layout. */
function activePreset(state: HostState, services: HostServices): string | null {
  const preset = services.config.presets.find((p) => p.id === state.presets.activePresetId);
  if (!preset) return null;
  return Object.entries(preset.layouts).every(([wallId, layoutId]) => !(wallId in state.walls) || state.walls[wallId]!.layoutId === layoutId) ? preset.id : null;
}

/** The console's whole picture, built fresh from the host state (see src-shared/operator-state.ts). */
export function buildOperatorState(input: OperatorViewInput): OperatorState {
  const { state, services, at } = input;
  const { config } = services;
  const book = state.takeovers.book;
  return {
    walls: config.walls.map((wall) => ({
      view: composeWall(state, services, wall.id, at),
      display: input.placements.walls.get(wall.id) ?? null,
      ...(input.wallUrlOf ? { url: input.wallUrlOf(wall.id) } : {}),
      presence: input.presence.of(wall.id),
      queued: book.queue.filter((c) => c.wallId === wall.id).length,
    })),
    displays: input.placements.displays.map((d) => ({ ...d })),
    targetWallId: state.target.wallId,
    layouts: config.layouts.map(({ id, name, nameEn, cols, rows }) => ({ id, name, ...(nameEn ? { nameEn } : {}), cols, rows })),
    presets: config.presets,
    activePresetId: activePreset(state, services),
    agendas: config.agendas,
    schedules: config.schedules.map((s) => ({
      id: s.id,
      at: s.at,
      days: s.days,
      kind: scheduleKind(s),
      ...scheduleNames(services, s),
    })),
    agenda: state.agenda ? { agendaId: state.agenda.agendaId, step: state.agenda.step, state: state.agenda.state, remainingMs: remainingAt(state.agenda, at) } : null,
    schedule: {
      next: nextScheduled(services, layoutSchedules(config.schedules), at),
      // An operator's change since the last scheduled point holds until the next one: say so.
      manualSince: layoutSchedules(config.schedules).length > 0 && state.schedule.manualAt !== null && state.schedule.manualAt > lastPoint(services, at) ? new Date(state.schedule.manualAt).toISOString() : null,
      nextReload: nextScheduled(services, config.schedules.filter((s) => scheduleKind(s) === 'reload'), at),
    },
    takeoverQueue: book.queue.map((c, i) => {
      const alert = state.takeovers.alerts[c.alertId];
      const rule = config.rules.find((r) => r.id === c.ruleId);
      // The queue is in start order: the first of a free wall starts once its rule's interval is over.
      const next = !book.active[c.wallId] && book.queue.findIndex((q) => q.wallId === c.wallId) === i;
      const startsAt = next && rule ? Math.max(at, (book.lastStartAt[c.wallId] ?? 0) + rule.minIntervalSeconds * 1000) : null;
      return {
        wallId: c.wallId,
        ruleName: rule?.name ?? c.ruleId,
        ...(rule?.nameEn ? { ruleNameEn: rule.nameEn } : {}),
        alertId: c.alertId,
        alertText: alert?.text ?? c.alertId,
        ...(alert?.textEn ? { alertTextEn: alert.textEn } : {}),
        severity: c.severity,
        startsAt: startsAt === null ? null : new Date(startsAt).toISOString(),
      };
    }),
    undo: state.undo.length > 0 ? { label: state.undo.at(-1)!.label, at: new Date(state.undo.at(-1)!.at).toISOString() } : null,
    keys: input.keys,
    stateStore: input.stateStore,
    recent: [...input.recent],
    shell: input.shell,
  };
}

/** The first point of these schedules after `at`, for the console; null when they have none. */
function nextScheduled(services: HostServices, schedules: readonly Schedule[], at: number): ScheduledPoint | null {
  const next = nextPoint(schedules, at);
  const schedule = next ? schedules.find((s) => s.id === next.scheduleId) : undefined;
  if (!next || !schedule) return null;
  return { scheduleId: next.scheduleId, at: new Date(next.at).toISOString(), kind: scheduleKind(schedule), ...scheduleNames(services, schedule) };
}

/** A schedule's own name, else what it runs: the preset's or agenda's, in both languages. */
function scheduleNames(services: HostServices, schedule: Schedule): { name: string; nameEn?: string } {
  const names =
    schedule.name !== undefined
      ? namesOf({ name: schedule.name, nameEn: schedule.nameEn })
      : schedule.presetId !== undefined
        ? nameOf(services, 'preset', schedule.presetId)
        : schedule.agendaId !== undefined
          ? nameOf(services, 'agenda', schedule.agendaId)
          : both('Tải lại các màn hình', 'Reload the walls');
  return names.en !== names.vi ? { name: names.vi, nameEn: names.en } : { name: names.vi };
}

const WEEK_MS = 7 * 24 * 3600_000;

/** When the schedule last changed the walls (0 when not in the past week). */
function lastPoint(services: HostServices, at: number): number {
  return pointsBetween(layoutSchedules(services.config.schedules), at - WEEK_MS, at).at(-1)?.at ?? 0;
}

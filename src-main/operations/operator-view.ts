import { namesOf } from '../../src-shared/bilingual';
import type { Schedule } from '../../src-shared/operations-config';
import type { OperatorDisplay, OperatorState, OperatorWall, RecentCommand } from '../../src-shared/operator-state';
import { remainingAt } from './agenda-run';
import { composeWall } from './composition';
import type { HostState } from './host-state';
import { nameOf, type HostServices } from './host-services';
import type { WallPresenceBook } from './presence';
import { nextPoint, pointsBetween } from './schedule-points';

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
  const next = nextPoint(config.schedules, at);
  const schedule = next ? config.schedules.find((s) => s.id === next.scheduleId) : undefined;
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
      kind: s.presetId !== undefined ? ('preset' as const) : ('agenda' as const),
      ...scheduleNames(services, s),
    })),
    agenda: state.agenda ? { agendaId: state.agenda.agendaId, step: state.agenda.step, state: state.agenda.state, remainingMs: remainingAt(state.agenda, at) } : null,
    schedule: {
      next:
        next && schedule
          ? {
              scheduleId: next.scheduleId,
              at: new Date(next.at).toISOString(),
              kind: schedule.presetId !== undefined ? 'preset' : 'agenda',
              ...scheduleNames(services, schedule),
            }
          : null,
      // An operator's change since the last scheduled point holds until the next one: say so.
      manualSince: config.schedules.length > 0 && state.schedule.manualAt !== null && state.schedule.manualAt > lastPoint(services, at) ? new Date(state.schedule.manualAt).toISOString() : null,
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

/** A schedule's own name, else what it runs: the preset's or agenda's, in both languages. */
function scheduleNames(services: HostServices, schedule: Schedule): { name: string; nameEn?: string } {
  const names =
    schedule.name !== undefined
      ? namesOf({ name: schedule.name, nameEn: schedule.nameEn })
      : schedule.presetId !== undefined
        ? nameOf(services, 'preset', schedule.presetId)
        : nameOf(services, 'agenda', schedule.agendaId ?? '');
  return names.en !== names.vi ? { name: names.vi, nameEn: names.en } : { name: names.vi };
}

const WEEK_MS = 7 * 24 * 3600_000;

/** When the schedule last had a point (0 when not in the past week). */
function lastPoint(services: HostServices, at: number): number {
  return pointsBetween(services.config.schedules, at - WEEK_MS, at).at(-1)?.at ?? 0;
}

import { z } from 'zod';
import { bilingualSchema, same } from '../../src-shared/bilingual';
import { idSchema, languageSchema, severitySchema, type Language } from '../../src-shared/domain';
import type { TourState } from '../../src-shared/tour-state';
import type { Logger } from '../../src-shared/node/log';
import type { AppConfig } from '../config/load-config';
import type { AgendaRun } from './agenda-run';
import { EMPTY_BOOK, type TakeoverBook } from './takeover-book';
import { alertSummarySchema, plainBase, wallBaseSchema, type AlertSummary, type WallBase } from './wall-base';

/**
 * The operator state the host keeps durable, as plain data in named parts. A change replaces the
 * parts it touches (never mutates them), so "what to save" is the parts whose object changed.
 * Reading back trusts nothing: each part is checked with its schema and against the config
 * (walls, layouts, agendas that no longer exist are dropped), and a bad part falls back to its
 * default without taking the others with it.
 */

/** Undo entries kept; older ones fall off. */
export const UNDO_DEPTH = 30;

export const undoEntrySchema = z.object({
  /** Both languages; a state saved before there were two reads its one label as both. */
  label: z.union([bilingualSchema(300), z.string().max(300).transform(same)]),
  at: z.number(),
  /** The changed walls before and after; undo restores `before` where a wall still shows `after`. */
  before: z.record(idSchema, wallBaseSchema),
  after: z.record(idSchema, wallBaseSchema),
  activePresetIdBefore: idSchema.nullable(),
});
export type UndoEntry = z.infer<typeof undoEntrySchema>;

const agendaRunSchema = z.object({
  agendaId: idSchema,
  step: z.number().int().min(0),
  state: z.enum(['running', 'held', 'paused']),
  since: z.number(),
  remainingMs: z.number().min(0).nullable(),
  resumeTo: z.enum(['running', 'held']).optional(),
}) satisfies z.ZodType<AgendaRun>;

const candidateSchema = z.object({
  id: z.string().min(1).max(200),
  ruleId: idSchema,
  wallId: idSchema,
  alertId: idSchema,
  severity: severitySchema,
  alertTime: z.number(),
  queuedAt: z.number(),
  cameraId: idSchema.optional(),
});
const bookSchema = z.object({
  active: z.record(idSchema, candidateSchema.extend({ startedAt: z.number(), revertAt: z.number().nullable(), pinned: z.boolean() })),
  queue: z.array(candidateSchema),
  lastStartAt: z.record(idSchema, z.number()),
  handled: z.array(z.string()),
}) satisfies z.ZodType<TakeoverBook>;

const tourStateSchema = z.object({
  index: z.number().int().min(0),
  cameraId: idSchema,
  paused: z.boolean(),
  startedAt: z.number(),
  hold: z.object({ alertId: idSchema, cameraId: idSchema, since: z.number() }).nullable(),
  released: z.array(idSchema),
}) satisfies z.ZodType<TourState>;

export interface HostState {
  walls: Readonly<Record<string, WallBase>>;
  presets: { activePresetId: string | null };
  target: { wallId: string | null };
  undo: readonly UndoEntry[];
  /** lastCheckedAt: the schedule has been carried out up to here; manualAt: an operator's last change to the walls. */
  schedule: { lastCheckedAt: number | null; manualAt: number | null };
  agenda: AgendaRun | null;
  /** The rule takeovers, and what their alerts said (the alert may leave the hub's retained state). */
  takeovers: { book: TakeoverBook; alerts: Readonly<Record<string, AlertSummary>> };
  /** Camera tours by wall, then by tile. */
  tours: Readonly<Record<string, Readonly<Record<string, TourState>>>>;
  /** The UI language an operator chose for every window; null: the config's `language`. */
  language: { chosen: Language | null };
}

export type HostStatePart = keyof HostState;
export const HOST_STATE_PARTS: readonly HostStatePart[] = ['walls', 'presets', 'target', 'undo', 'schedule', 'agenda', 'takeovers', 'tours', 'language'];

const PART_SCHEMAS: Record<HostStatePart, z.ZodType> = {
  walls: z.record(idSchema, wallBaseSchema),
  presets: z.object({ activePresetId: idSchema.nullable() }),
  target: z.object({ wallId: idSchema.nullable() }),
  undo: z.array(undoEntrySchema).max(UNDO_DEPTH),
  schedule: z.object({ lastCheckedAt: z.number().nullable(), manualAt: z.number().nullable() }),
  agenda: agendaRunSchema.nullable(),
  takeovers: z.object({ book: bookSchema, alerts: z.record(idSchema, alertSummarySchema) }),
  tours: z.record(idSchema, z.record(idSchema, tourStateSchema)),
  language: z.object({ chosen: languageSchema.nullable() }),
};

/** What a fresh install shows: every wall on its configured layout. */
export function initialState(config: AppConfig): HostState {
  const walls = Object.fromEntries(config.walls.map((wall) => [wall.id, plainBase(wall.layoutId, { kind: 'config' })]));
  const activePresetId = config.presets.find((p) => Object.entries(p.layouts).every(([wallId, layoutId]) => walls[wallId]?.layoutId === layoutId))?.id ?? null;
  return {
    walls,
    presets: { activePresetId },
    target: { wallId: config.walls[0]?.id ?? null },
    undo: [],
    schedule: { lastCheckedAt: null, manualAt: null },
    agenda: null,
    takeovers: { book: EMPTY_BOOK, alerts: {} },
    tours: {},
    language: { chosen: null },
  };
}

/** A base still valid for this config: its layout exists (pushes to tiles it lacks are dropped at compose). */
function usableBase(base: WallBase, layoutIds: ReadonlySet<string>): boolean {
  return layoutIds.has(base.layoutId);
}

/**
 * The state read from the store, fitted to the config in force: what the config no longer has
 * is dropped with a log line, anything that fails its schema falls back to the initial value.
 */
export function restoreState(parts: ReadonlyMap<string, unknown>, config: AppConfig, log: Logger): { state: HostState; problems: string[] } {
  const initial = initialState(config);
  const problems: string[] = [];
  const read = <P extends HostStatePart>(name: P): HostState[P] => {
    if (!parts.has(name)) return initial[name];
    const parsed = PART_SCHEMAS[name].safeParse(parts.get(name));
    if (parsed.success) return parsed.data as HostState[P];
    problems.push(`saved ${name} did not match this version (${z.prettifyError(parsed.error).split('\n')[0] ?? ''}); using the default`);
    return initial[name];
  };
  const layoutIds = new Set(config.layouts.map((l) => l.id));
  const wallIds = new Set(config.walls.map((w) => w.id));
  const savedWalls = read('walls');
  const walls = Object.fromEntries(
    config.walls.map((wall) => {
      const saved = savedWalls[wall.id];
      if (saved && !usableBase(saved, layoutIds)) problems.push(`wall ${wall.id}: saved layout "${saved.layoutId}" no longer exists; showing its configured layout`);
      return [wall.id, saved && usableBase(saved, layoutIds) ? saved : initial.walls[wall.id]!];
    }),
  );
  const presets = read('presets');
  const target = read('target');
  let agenda = read('agenda');
  if (agenda && !config.agendas.some((a) => a.id === agenda!.agendaId)) {
    problems.push(`agenda "${agenda.agendaId}" no longer exists; it is not resumed`);
    agenda = null;
  }
  const tours = Object.fromEntries(Object.entries(read('tours')).filter(([wallId]) => wallIds.has(wallId)));
  const state: HostState = {
    walls,
    presets: config.presets.some((p) => p.id === presets.activePresetId) ? presets : { activePresetId: null },
    target: target.wallId !== null && wallIds.has(target.wallId) ? target : initial.target,
    undo: read('undo').filter((entry) => Object.keys(entry.before).every((id) => wallIds.has(id))),
    schedule: read('schedule'),
    agenda,
    takeovers: read('takeovers'),
    tours,
    language: read('language'),
  };
  problems.forEach((line) => log.warn(`host state: ${line}`));
  return { state, problems };
}

/** The parts `next` replaced, by name, ready to save. */
export function changedParts(before: HostState, next: HostState): Partial<Record<HostStatePart, unknown>> {
  const out: Partial<Record<HostStatePart, unknown>> = {};
  for (const name of HOST_STATE_PARTS) if (before[name] !== next[name]) out[name] = next[name];
  return out;
}

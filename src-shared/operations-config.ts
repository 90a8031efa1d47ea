import { z } from 'zod';
import { englishText, idSchema, severitySchema } from './domain';
import { subsystemIdSchema } from './subsystems';
import { pushedContentSchema } from './wall-view';

/**
 * What operators set up once and the host then runs by itself: briefing agendas, schedules in
 * Vietnam time and alert-triggered layouts. Parsed from the config file, shown on the console.
 */

/** A change to one tile of one wall: the pushed content replaces the tile's own in its place. */
export const tilePushSchema = z.object({ wallId: idSchema, tileId: idSchema, content: pushedContentSchema });
export type TilePush = z.infer<typeof tilePushSchema>;

/** One step of a briefing: a preset, per-wall changes on top, a note for the chair, and how long it stays. */
export const agendaStepSchema = z
  .object({
    /** Shown on the console; defaults to the preset's name or the note. */
    title: z.string().min(1).max(120).optional(),
    titleEn: englishText(120),
    presetId: idSchema.optional(),
    /** Per-wall layouts applied after the preset. */
    layouts: z.record(idSchema, idSchema).optional(),
    pushes: z.array(tilePushSchema).max(64).optional(),
    note: z.string().max(500).optional(),
    noteEn: englishText(500),
    /** Seconds before the next step; absent: the step stays until an operator moves on. */
    dwellSeconds: z.number().int().min(5).max(86_400).optional(),
  })
  .refine((step) => step.presetId !== undefined || step.layouts !== undefined || step.pushes !== undefined || step.note !== undefined, {
    message: 'a step needs a presetId, layouts, pushes or a note',
  });
export type AgendaStep = z.infer<typeof agendaStepSchema>;

export const agendaSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(80),
  nameEn: englishText(80),
  steps: z.array(agendaStepSchema).min(1).max(100),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

/** A point in the week, in Vietnam time, that applies a preset, starts an agenda or reloads every wall. */
export const scheduleSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(80).optional(),
    nameEn: englishText(80),
    days: z.array(weekdaySchema).min(1).max(7).default([...WEEKDAYS]),
    /** HH:MM, 24-hour, Vietnam time (UTC+7). */
    at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour'),
    presetId: idSchema.optional(),
    agendaId: idSchema.optional(),
    /**
     * Reload every wall's page: a renderer that plays video for days grows (Chromium's media
     * pipeline; README, "Running for months"), and a reload in a quiet hour starts it afresh. It
     * changes no layout, so it neither ends an operator's manual change nor is carried out late.
     */
    reloadWalls: z.literal(true).optional(),
    /**
     * A point missed while the host was off is still carried out on start if it is at most this
     * old. Default: a preset always (it is what the schedule says the walls show now); an agenda
     * 30 minutes (a briefing that is long over is not started).
     */
    catchUpMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
  })
  .refine((s) => [s.presetId, s.agendaId, s.reloadWalls].filter((action) => action !== undefined).length === 1, { message: 'a schedule needs exactly one of presetId, agendaId, reloadWalls' });
export type Schedule = z.infer<typeof scheduleSchema>;

export const SCHEDULE_KINDS = ['preset', 'agenda', 'reload'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** What a schedule's points do: apply a preset, start an agenda, or reload the walls. */
export function scheduleKind(schedule: Schedule): ScheduleKind {
  return schedule.presetId !== undefined ? 'preset' : schedule.agendaId !== undefined ? 'agenda' : 'reload';
}

export const ruleActionSchema = z.discriminatedUnion('kind', [
  /** The alert's camera: into `tileId` when given, else enlarged over the whole wall. */
  z.object({ kind: z.literal('camera'), tileId: idSchema.optional() }),
  /** Another layout on the wall; with `cameraTileId`, the alert's camera goes into that tile. */
  z.object({ kind: z.literal('layout'), layoutId: idSchema, cameraTileId: idSchema.optional() }),
  /** The wall's map tile `tileId` flies to the alert and follows it while the takeover lasts. */
  z.object({ kind: z.literal('map'), tileId: idSchema }),
]);
export type RuleAction = z.infer<typeof ruleActionSchema>;

/** Which alerts a rule reacts to; every given field must match, an absent one matches anything. */
export const ruleMatchSchema = z.object({
  /** The alert's category, e.g. "un-tac-giao-thong". */
  categories: z.array(idSchema).min(1).optional(),
  subsystems: z.array(subsystemIdSchema).min(1).optional(),
  /** The least severe level that matches. */
  minSeverity: severitySchema.optional(),
  districts: z.array(z.string().min(1).max(80)).min(1).optional(),
  /** Only alerts that carry these: a camera id, a map point. */
  needs: z.array(z.enum(['camera', 'point'])).optional(),
});
export type RuleMatch = z.infer<typeof ruleMatchSchema>;

/** An alert-triggered layout: a matching alert takes over a wall (or one tile) for a while. */
export const ruleSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(80),
  nameEn: englishText(80),
  match: ruleMatchSchema,
  wallId: idSchema,
  action: ruleActionSchema,
  /** The takeover ends by itself after this long. */
  revertAfterMinutes: z.number().int().min(1).max(24 * 60).default(10),
  /** …or as soon as the alert reaches one of these. */
  revertOn: z.array(z.enum(['acknowledged', 'resolved'])).default(['acknowledged', 'resolved']),
  /** At most one takeover of this wall per this many seconds, so an alert storm cannot make it flicker. */
  minIntervalSeconds: z.number().int().min(0).max(3600).default(60),
});
export type Rule = z.infer<typeof ruleSchema>;

import { z } from 'zod';
import { bilingualSchema } from './bilingual';
import { idSchema, presetSchema, severitySchema } from './domain';
import { agendaSchema, SCHEDULE_KINDS, weekdaySchema } from './operations-config';
import { wallViewSchema } from './wall-view';

/**
 * Everything the console shows about driving the walls, in one object the host sends whole on
 * every change: each wall as it is now and whether its window is there, the presets, the agenda
 * and the schedule, rule takeovers waiting their turn, what undo would do, the keys, and the last
 * commands. A few kilobytes even for a big room, so one message beats a protocol of patches.
 */

const isoTime = z.iso.datetime({ offset: true });

/** Whether a wall's window is there: how many are connected, and since when it is (or is not). */
export const wallPresenceSchema = z.object({
  windows: z.number().int().min(0),
  /** When `windows` last went from 0 to more, or back to 0; null: never seen since the host started. */
  since: isoTime.nullable(),
});
export type WallPresence = z.infer<typeof wallPresenceSchema>;

export const operatorWallSchema = z.object({
  view: wallViewSchema,
  /**
   * The display the wall holds (desktop app), or null when it has none (browser mode, or more walls
   * than displays). A wall whose display went (switched off, asleep, unplugged) keeps it here with
   * `present: false` and has no window until it comes back; `index` is its reading-order position
   * while present, for people only (walls are held by the display's identity, not by position).
   */
  display: z
    .object({
      index: z.number().int().min(0).nullable(),
      label: z.string(),
      present: z.boolean(),
      /** When it went; null while present, or for a display pinned by name and not yet seen. */
      missingSince: isoTime.nullable(),
    })
    .nullable(),
  /** Browser-mode address of the wall, for thin-client kiosks. */
  url: z.string().optional(),
  presence: wallPresenceSchema,
  /** Rule takeovers of this wall waiting for the current one to end. */
  queued: z.number().int().min(0),
});
export type OperatorWall = z.infer<typeof operatorWallSchema>;

/** A display the desktop host knows: plugged in now, or gone while a wall waits for it. */
export const operatorDisplaySchema = z.object({
  /** The host's name for it, kept while it is replugged under a new Electron id. */
  key: z.string().max(40),
  /** The monitor's name (EDID, as the OS gives it), else its size ("1920×1080"). */
  label: z.string().max(200),
  width: z.number().int().min(0),
  height: z.number().int().min(0),
  scaleFactor: z.number().positive(),
  present: z.boolean(),
  /** When it went (ISO); null while present. */
  missingSince: isoTime.nullable(),
  /** The wall it shows, or waits to show again when it comes back. */
  wallId: idSchema.nullable(),
  /** Whether the console window is on it. */
  console: z.boolean(),
});
export type OperatorDisplay = z.infer<typeof operatorDisplaySchema>;

export const agendaStatusSchema = z.object({
  agendaId: idSchema,
  /** 0-based. */
  step: z.number().int().min(0),
  /** running: the clock counts; held: by an operator; paused: by a rule takeover, resumes after it. */
  state: z.enum(['running', 'held', 'paused']),
  /** Time left on the step now; null for a step without a dwell ("until next"). */
  remainingMs: z.number().int().min(0).nullable(),
});
export type AgendaStatus = z.infer<typeof agendaStatusSchema>;

export const scheduledPointSchema = z.object({
  scheduleId: idSchema,
  at: isoTime,
  /** What it will do, for the console: the schedule's own name, else the preset's or agenda's. */
  name: z.string().max(120),
  nameEn: z.string().max(120).optional(),
  kind: z.enum(SCHEDULE_KINDS),
});
export type ScheduledPoint = z.infer<typeof scheduledPointSchema>;

export const queuedTakeoverSchema = z.object({
  wallId: idSchema,
  ruleName: z.string().max(80),
  ruleNameEn: z.string().max(80).optional(),
  alertId: idSchema,
  alertText: z.string().max(500),
  alertTextEn: z.string().max(500).optional(),
  severity: severitySchema,
  /** When it takes the wall: set for the next one of a free wall (it waits out its rule's interval), else null. */
  startsAt: isoTime.nullable(),
});

export const recentCommandSchema = z.object({
  /** Counts up from 1 since the host started: the console keeps a row's element while it moves down. */
  id: z.number().int().min(1),
  at: isoTime,
  /** The command's name; a rule's own actions are "takeover.start" and "takeover.end". */
  command: z.string().max(64),
  /** What it did, in both UI languages ("Kịch bản: Điều hành giao thông" / "Preset: Traffic control"). */
  label: bilingualSchema(300),
  /** Who asked, in words ("bàn điều khiển (IOC-WS-01) — an.nguyen" / "console (IOC-WS-01) — an.nguyen"). */
  by: bilingualSchema(200),
  ok: z.boolean(),
  error: bilingualSchema(500).optional(),
});
export type RecentCommand = z.infer<typeof recentCommandSchema>;

/** Whether a wall's page answers: what the host's heartbeat watch and recovery policy see. */
export const wallHealthSchema = z.object({
  wallId: idSchema,
  /**
   * answering: its page beats; silent: a window is there but its page stopped answering;
   * recovering: the host is reloading or recreating it; none: no window of it is open.
   */
  state: z.enum(['answering', 'silent', 'recovering', 'none']),
  /** When it entered that state; null when never seen since the host started. */
  since: isoTime.nullable(),
  /** Reloads and re-creations the host made since it started. */
  recoveries: z.number().int().min(0),
  /** What went wrong, in both UI languages (the console shows the one in force). */
  lastProblem: z.object({ at: isoTime, what: bilingualSchema(300) }).nullable(),
});
export type WallHealth = z.infer<typeof wallHealthSchema>;

export const shellErrorSchema = z.object({ at: isoTime, scope: z.string().max(120), message: z.string().max(500) });
export type ShellError = z.infer<typeof shellErrorSchema>;

/** How the app itself is running on this PC: what an operator checks before blaming the data. */
export const shellHealthSchema = z.object({
  /** blocked: the host keeps the displays awake; allowed: no wall is shown; browser: the kiosk PC's own settings decide. */
  displaySleep: z.enum(['blocked', 'allowed', 'browser']),
  /** Video decoding as Chromium reports it (app.getGPUFeatureStatus); unknown in browser mode. */
  videoDecode: z.object({ status: z.enum(['hardware', 'software', 'unknown']), detail: z.string().max(200) }),
  /** The log file on this PC, for whoever reads it after an incident; null when logging to the terminal only. */
  logFile: z.string().max(500).nullable(),
  walls: z.array(wallHealthSchema),
  /** The latest errors and warnings of the host and its pages, newest first. */
  errors: z.array(shellErrorSchema).max(20),
  /** Conditions that will hurt a wall, in the UI language (e.g. a Wayland session). */
  warnings: z.array(bilingualSchema(300)).max(10),
});
export type ShellHealth = z.infer<typeof shellHealthSchema>;

export const operatorStateSchema = z.object({
  walls: z.array(operatorWallSchema),
  /** The displays (desktop app): empty in browser mode, where walls are kiosk browsers. */
  displays: z.array(operatorDisplaySchema),
  /** The wall the wall keys (next layout, pin, dismiss) act on. */
  targetWallId: idSchema.nullable(),
  layouts: z.array(z.object({ id: idSchema, name: z.string(), nameEn: z.string().optional(), cols: z.number().int(), rows: z.number().int() })),
  presets: z.array(presetSchema),
  /** The preset applied last, while every wall it names still shows its layout. */
  activePresetId: idSchema.nullable(),
  agendas: z.array(agendaSchema),
  agenda: agendaStatusSchema.nullable(),
  /** Every schedule, to name a wall's source and list the week. */
  schedules: z.array(z.object({ id: idSchema, name: z.string().max(120), nameEn: z.string().max(120).optional(), at: z.string(), days: z.array(weekdaySchema), kind: z.enum(SCHEDULE_KINDS) })),
  /**
   * The next point that changes the walls (a preset or an agenda); whether an operator's change since
   * the last such point holds until then; and the next reload of the walls, on its own.
   */
  schedule: z.object({ next: scheduledPointSchema.nullable(), manualSince: isoTime.nullable(), nextReload: scheduledPointSchema.nullable() }),
  takeoverQueue: z.array(queuedTakeoverSchema),
  /** What Ctrl+Alt+Z would undo; null when nothing. */
  undo: z.object({ label: bilingualSchema(300), at: isoTime }).nullable(),
  keys: z.object({
    /** active: registered; unavailable: the desktop does not allow them (Wayland); browser: no desktop app. */
    global: z.enum(['active', 'unavailable', 'browser']),
    reason: z.string().max(300).nullable(),
    /** Keys another program holds, so they only work inside IOC windows. */
    taken: z.array(z.string()),
  }),
  /** Where the operator state is kept: a rebuilt or unavailable store means the walls started from the config. */
  stateStore: z.object({ status: z.enum(['ok', 'rebuilt', 'unavailable']), detail: z.string().max(1000).optional() }),
  recent: z.array(recentCommandSchema).max(20),
  shell: shellHealthSchema,
});
export type OperatorState = z.infer<typeof operatorStateSchema>;

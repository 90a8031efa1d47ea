import { z } from 'zod';
import { CAMERA_DECODE_BUDGET_MAX, LAYOUTS_KEPT_READY_DEFAULT, LAYOUTS_KEPT_READY_MAX } from '../../src-shared/ipc';
import { displayPinSchema, languageSchema, layoutSchema, presetSchema, wallSchema } from '../../src-shared/domain';
import { hubTopicSchema } from '../../src-shared/hub-topics';
import { keyOverridesSchema } from '../../src-shared/keys/key-table';
import { agendaSchema, ruleSchema, scheduleSchema } from '../../src-shared/operations-config';
import { operatorAccountsSchema, accessSchema } from './access-schema';
import { mapConfigSchema } from './map-config-schema';
import { updatesConfigSchema } from './updates-config-schema';

/**
 * The app's config file (JSON). Every field has a safe default, so a missing file is a normal
 * first start; a malformed one is reported field by field and only the bad fields fall back to
 * their defaults (load-config.ts). Every object is strict, nested ones too: a misspelt key such as
 * `hub.ulr` is reported by name instead of being dropped in silence.
 */
export const appConfigSchema = z
  .object({
    language: languageSchema.default('vi'),
    hub: z
      .strictObject({
        /** The province's IOC hub. Absent: an embedded demo hub starts on 127.0.0.1. */
        url: z.url({ protocol: /^(https?|wss?)$/ }).optional(),
        /**
         * The nodes of a hub cluster (README, "Hub cluster"): the wall talks to one and goes over to
         * the next when it is lost. With `url` too, `url` is tried first.
         */
        urls: z.array(z.url({ protocol: /^(https?|wss?)$/ })).min(1).max(16).optional(),
        token: z.string().min(1).max(512).default('demo-wall-token'),
        /** Port for the embedded demo hub; 0 picks a free one. */
        demoPort: z.number().int().min(0).max(65535).default(0),
      })
      .prefault({}),
    /** Extra origins cameras stream from (e.g. a VMS server); added to the CSP's connect-src. */
    mediaOrigins: z.array(z.url({ protocol: /^https?$/ })).default([]),
    /**
     * Per topic, the age in seconds past which tiles show data as stale, e.g. { "kpi": 900 }.
     * Topics left out keep their default from src-shared/hub-topics.ts.
     */
    staleAfterSeconds: z.partialRecord(hubTopicSchema, z.number().int().min(1).max(400 * 86_400)).default({}),
    cameras: z
      .strictObject({
        /**
         * Most camera streams one wall decodes at once (an enlarged main stream counts as several).
         * Absent: the wall picks from its machine's CPU count. Tiles over it show their last still.
         */
        decodeBudget: z.number().int().min(1).max(CAMERA_DECODE_BUDGET_MAX).optional(),
        /** An alert holds a camera tour on its camera at most this long, so an unclosed incident cannot freeze it. */
        tourAlertHoldMinutes: z.number().int().min(1).max(24 * 60).default(10),
      })
      .prefault({}),
    /**
     * Layouts each wall keeps drawn but hidden after showing them, so switching back only reveals
     * them (a few MB each for a wall of charts); 0 for a thin client short of memory.
     */
    layoutsKeptReady: z.number().int().min(0).max(LAYOUTS_KEPT_READY_MAX).default(LAYOUTS_KEPT_READY_DEFAULT),
    walls: z.array(wallSchema).min(1).optional(),
    layouts: z.array(layoutSchema).min(1).optional(),
    /** Briefing presets; absent: the demo's presets when the walls are the demo's. */
    presets: z.array(presetSchema).optional(),
    /** Briefing agendas: steps of presets and per-wall changes; absent: the demo's when the walls are the demo's. */
    agendas: z.array(agendaSchema).optional(),
    /** Weekday and time (Vietnam time) rules that apply a preset or start an agenda; absent: the demo's. */
    schedules: z.array(scheduleSchema).optional(),
    /** Alert-triggered layouts; absent: the demo's when the walls are the demo's. */
    rules: z.array(ruleSchema).optional(),
    /** The map tile's deployment data: an MBTiles overlay, administrative units, named views (map-config-schema.ts). */
    map: mapConfigSchema,
    /** Where this wall looks for new versions on the LAN; absent: never (updates-config-schema.ts). */
    updates: updatesConfigSchema,
    /** Operator accounts: who may sign in on a console, with which role (README, "Security"). */
    operators: operatorAccountsSchema,
    /** How long sessions last and how failed sign-ins are slowed down. */
    access: accessSchema,
    /** Key bindings by id, overriding the defaults (src-shared/keys/key-table.ts); null switches one off. */
    keys: keyOverridesSchema.default({}),
    console: z
      .strictObject({
        display: displayPinSchema.optional(),
        /** This workstation's name, recorded with what its operators do (acknowledgements, commands); default: the host name. */
        station: z.string().min(1).max(120).optional(),
        /**
         * Desktop app only: the account the console on this workstation runs as without signing in
         * (the workstation itself is in the locked IOC room). Browser-mode consoles always sign in.
         */
        localOperator: z.string().min(1).max(64).optional(),
      })
      .prefault({}),
    browser: z
      .strictObject({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(4780),
        /** Open kiosk windows when a Chromium or Chrome is installed. */
        openKiosk: z.boolean().default(true),
        /** Path to the browser for kiosk windows; found on PATH when absent. */
        executable: z.string().optional(),
        /**
         * Names the host answers to besides 127.0.0.1, localhost and ::1 (and, when bound to every
         * interface, this machine's own names and addresses): e.g. "ioc-wall.brvt.gov.vn". Requests
         * for any other Host are refused, which is what stops DNS rebinding.
         */
        allowedHosts: z.array(z.string().trim().toLowerCase().min(1).max(253)).default([]),
      })
      .prefault({}),
  })
  .strict();

export type AppConfigInput = z.input<typeof appConfigSchema>;
export type ParsedAppConfig = z.infer<typeof appConfigSchema>;

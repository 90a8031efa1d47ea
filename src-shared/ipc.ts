import { z } from 'zod';
import { sessionInfoSchema, signInRequestSchema, signInResultSchema } from './access';
import { auditExportRequestSchema, auditExportSchema, auditListSchema, auditQuerySchema } from './audit';
import { commandEnvelopeSchema, commandNameSchema } from './commands';
import { idSchema, languageSchema } from './domain';
import { hubMessageSchema, hubSnapshotSchema, hubTopicSchema } from './hub-protocol';
import { keyBindingSchema } from './keys/key-table';
import { mapInfoSchema } from './map-info';
import { operatorStateSchema } from './operator-state';
import { BOOT_CAMERAS_MAX, CAMERA_DECODE_BUDGET_MAX } from './wall-boot';
import { wallBootCamerasSchema } from './wall-boot-schema';
import { tourViewSchema, wallViewSchema } from './wall-view';
import type { EventChannel, InvokeChannel } from './ipc-channels';

export * from './ipc-channels';

/**
 * The one contract between the host (Electron main, or the browser-mode server) and the renderer.
 * Channels are named `domain:verb`. Invoke channels answer with a promise; event channels are
 * fire-and-forget from host to renderer. Both transports (Electron IPC, socket.io in browser mode)
 * carry exactly these channels, validated with these schemas at the host boundary.
 */

/** connecting: no answer yet; resyncing: catching up on what was missed; live; offline: showing the cache. */
export const connectionStatusSchema = z.enum(['connecting', 'resyncing', 'live', 'offline']);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionStateSchema = z.object({
  status: connectionStatusSchema,
  /** When the status last changed (ISO-8601). */
  since: z.iso.datetime({ offset: true }),
  hubUrl: z.string(),
  /** Why the connection is not live, in plain words, when known. */
  error: z.string().max(500).optional(),
  /** Hub messages rejected at the boundary since start; a rising count means a misbehaving hub. */
  rejected: z.number().int().min(0),
  /** The last hub sequence number this wall holds. */
  seq: z.number().int().min(0),
  /**
   * The local cache: ok, rebuilt (it was corrupt and was moved aside; the hub refills it) or
   * unavailable (running from memory only). `detail` says what happened, for the console.
   */
  cache: z.object({ status: z.enum(['ok', 'rebuilt', 'unavailable']), detail: z.string().max(1000).optional() }),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/**
 * Layouts a wall keeps drawn but hidden (src-renderer/wall/standby-layouts.ts): three keep the usual
 * back-and-forth (two presets, an agenda's steps, a takeover's revert) instant at a bounded cost.
 */
export const LAYOUTS_KEPT_READY_DEFAULT = 3;
export const LAYOUTS_KEPT_READY_MAX = 8;

export { CAMERA_DECODE_BUDGET_MAX } from './wall-boot';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  language: languageSchema,
  /** How the renderer is hosted: a desktop window or a kiosk browser. */
  mode: z.enum(['electron', 'browser']),
  hub: z.enum(['embedded', 'remote']),
  /** Problems found in the config file, shown on the console so nobody needs the log. */
  configErrors: z.array(z.string()),
  /** Per topic, the age in seconds past which tiles show data as stale (defaults, then config). */
  staleAfterSeconds: z.record(hubTopicSchema, z.number().int().min(1)),
  /** Most camera streams a wall decodes at once; null: the renderer picks from its own CPU count. */
  cameraDecodeBudget: z.number().int().min(1).max(CAMERA_DECODE_BUDGET_MAX).nullable(),
  /** Layouts each wall keeps drawn but hidden for a quick switch back (0: none). */
  layoutsKeptReady: z.number().int().min(0).max(LAYOUTS_KEPT_READY_MAX),
  /** The key table in force (defaults with the config's overrides): keys in every window and the help overlay. */
  keys: z.array(keyBindingSchema),
  /** The deployment's map data (map-info.ts). This host always sends it; optional so test doubles need not. */
  map: mapInfoSchema.optional(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const hubStateSchema = z.object({ connection: connectionStateSchema, snapshot: hubSnapshotSchema });
export type HubState = z.infer<typeof hubStateSchema>;

/**
 * The whole `wall:boot` answer. The wall's first script reads only the camera part (by hand, before
 * zod has loaded: wall-boot.ts); the app then paints the wall from the rest before its bridge has
 * answered (bridge/boot-seed.ts): the info `app:info` would give, the view `wall:get` would give,
 * and the registry records of the wall's cameras, which `hub:state` replaces with the whole registry.
 */
export const wallBootAnswerSchema = wallBootCamerasSchema.extend({
  info: appInfoSchema,
  view: wallViewSchema,
  cameraRecords: z.array(hubMessageSchema).max(BOOT_CAMERAS_MAX),
});
export type WallBootAnswer = z.infer<typeof wallBootAnswerSchema>;

export { SNAPSHOT_MAX_BASE64_CHARS, snapshotRequestSchema, snapshotSavedSchema, type SnapshotRequest, type SnapshotSaved } from './snapshot';

/** Most messages in one `hub:messages` event; the host sends a larger burst as several. */
export const HUB_MESSAGE_BATCH = 2000;

/** How often a wall page says it is alive, and how long the host waits before it calls the page silent. */
export const HEARTBEAT_INTERVAL_MS = 5_000;
export const HEARTBEAT_TIMEOUT_MS = 20_000;

export const rendererReportSchema = z.object({
  level: z.enum(['error', 'warn']),
  /** Cut by the page to this length; the host refuses longer ones rather than log megabytes. */
  message: z.string().min(1).max(2000),
  /** Where: "uncaught", "unhandled rejection", "console.error", or a file:line. */
  source: z.string().max(200).optional(),
});
export type RendererReport = z.infer<typeof rendererReportSchema>;

// JSON (socket.io) turns a missing argument into null, IPC keeps it undefined: both mean "none".
const noArgs = z.union([z.undefined(), z.null()]).transform(() => undefined);

export const invokeChannels = {
  'app:info': { request: noArgs, response: appInfoSchema },
  /** What a wall shows now. */
  'wall:get': { request: z.object({ wallId: z.string().min(1).max(64) }), response: wallViewSchema },
  /**
   * A wall's camera tiles and decode budget, asked by the page's first script so the streams start
   * before the app has loaded (src-renderer/wall/boot-cameras.ts). Browser mode also answers it over
   * plain HTTP (WALL_BOOT_PATH): it is asked before the bridge's socket exists.
   */
  'wall:boot': { request: z.object({ wallId: z.string().min(1).max(64) }), response: wallBootAnswerSchema },
  /** The console's whole picture of the walls (the console only). */
  'operator:state': { request: noArgs, response: operatorStateSchema },
  'hub:state': { request: noArgs, response: hubStateSchema },
  /**
   * Runs a command (commands.ts) as this window: the host checks the payload and whether this
   * window may issue it, and answers the command's own result (its schema is in COMMANDS).
   */
  'command:run': { request: commandEnvelopeSchema, response: z.unknown() },
  /**
   * A key of the key table pressed inside this window. The host looks the key up itself and runs
   * its command as a key press, so a window can only trigger what the key table binds.
   */
  'key:press': { request: z.object({ accelerator: z.string().min(1).max(64) }), response: z.object({ command: commandNameSchema.nullable() }) },
  /**
   * Who is signed in on this console (null: nobody) and whether this window may sign in itself:
   * a desktop console may; a browser console signed in before it connected (POST /auth/session).
   */
  'session:get': { request: noArgs, response: z.object({ session: sessionInfoSchema.nullable(), canSignIn: z.boolean() }) },
  /** Desktop console only: signs in on this window. */
  'session:sign-in': { request: signInRequestSchema, response: signInResultSchema },
  'session:sign-out': { request: noArgs, response: z.null() },
  /** The latest audit rows, newest first, filtered (operators and admins). */
  'audit:list': { request: auditQuerySchema, response: auditListSchema },
  /** A date range of the audit log as CSV (operators and admins). */
  'audit:export': { request: auditExportRequestSchema, response: auditExportSchema },
  /**
   * A wall page saying it is alive, every HEARTBEAT_INTERVAL_MS from its main thread: a page whose
   * script hangs stops sending while its socket or window stays open, and the host recovers it.
   */
  'wall:heartbeat': { request: noArgs, response: z.null() },
  /** An error the page met (uncaught, rejected, console.error): written to the host's log file. */
  'log:report': { request: rendererReportSchema, response: z.null() },
} as const;

export const eventChannels = {
  'hub:status': connectionStateSchema,
  /** New hub messages in sequence order, batched by the host (one event per burst, not per message). */
  'hub:messages': z.array(hubMessageSchema).min(1).max(HUB_MESSAGE_BATCH),
  /** A fresh full state, e.g. after a reconnect: replaces what the renderer holds. */
  'hub:snapshot': hubSnapshotSchema,
  /** A wall's view changed (layout, pushes, enlarged tile, takeover); every window filters on its wall id. */
  'wall:view': z.object({ wallId: idSchema, view: wallViewSchema }),
  /** Where a wall's camera tours stand now, sent at each switch, pause or hold. */
  'wall:tours': z.object({ wallId: idSchema, tours: z.record(idSchema, tourViewSchema) }),
  /** The console's picture changed (consoles only). */
  'operator:state': operatorStateSchema,
  /** An operator asked for a fresh start of this wall (or of every wall when wallId is null). */
  'wall:reload': z.object({ wallId: idSchema.nullable() }),
  /** This console's session ended (signed out, expired, idle, account changed): show the sign-in again. */
  'session:ended': z.object({ seat: z.string(), why: z.enum(['signed-out', 'expired', 'idle', 'account-changed']) }),
  /** A row was added to the audit log (consoles only): an open audit view refreshes. */
  'audit:appended': z.object({ id: z.number().int().min(1) }),
  /** An operator changed the UI language (app.set-language): every window repaints in it. */
  'app:language': z.object({ language: languageSchema }),
} as const;

// Compile-time check: the name lists in ipc-channels.ts and the schema maps above agree exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const invokeNamesAgree: Same<InvokeChannel, keyof typeof invokeChannels> = true;
const eventNamesAgree: Same<EventChannel, keyof typeof eventChannels> = true;
void invokeNamesAgree;
void eventNamesAgree;

export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

/**
 * The API the renderer sees, identical in Electron (preload) and browser mode (socket.io).
 * The preload exposes it as `window.iocWall`.
 */
export interface HostApi {
  invoke<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): Promise<InvokeResponse<C>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

import { z } from 'zod';
import { idSchema, languageSchema, layoutSchema, presetSchema, wallSchema, wallViewSchema } from './domain';
import { hubMessageSchema, hubSnapshotSchema, hubTopicSchema } from './hub-protocol';
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

/** The highest decode budget a config may set: beyond it no machine we know keeps up. */
export const CAMERA_DECODE_BUDGET_MAX = 64;

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
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const hubStateSchema = z.object({ connection: connectionStateSchema, snapshot: hubSnapshotSchema });
export type HubState = z.infer<typeof hubStateSchema>;

export const wallSummarySchema = z.object({
  wall: wallSchema,
  layout: layoutSchema,
  /** The display the wall is on, or null when it has none (more walls than displays). */
  display: z.object({ index: z.number().int(), label: z.string() }).nullable(),
  /** Browser-mode address of the wall, for thin-client kiosks. */
  url: z.string().optional(),
});
export type WallSummary = z.infer<typeof wallSummarySchema>;

export const presetStateSchema = z.object({
  presets: z.array(presetSchema),
  /** The preset applied last, while every wall still shows its layout; null once a wall changed on its own. */
  activePresetId: idSchema.nullable(),
  /** Names of the layouts the presets use, so the console can say what each one shows. */
  layoutNames: z.record(idSchema, z.string()),
});
export type PresetState = z.infer<typeof presetStateSchema>;

/** A PNG is about 1–3 MB at 1080p; base64 adds a third. Anything bigger is not a snapshot. */
export const SNAPSHOT_MAX_BASE64_CHARS = 16 * 1024 * 1024;

export const snapshotRequestSchema = z.object({
  cameraId: idSchema,
  /** When the frame was shown (ISO-8601), which names the file. */
  takenAt: z.iso.datetime({ offset: true }),
  /** The stamped image, PNG, base64 without a data: prefix. */
  pngBase64: z.string().min(8).max(SNAPSHOT_MAX_BASE64_CHARS).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});
export type SnapshotRequest = z.infer<typeof snapshotRequestSchema>;

export const snapshotSavedSchema = z.object({
  /** Where the host wrote it, for the operator to find for the briefing minutes. */
  path: z.string(),
  bytes: z.number().int().min(1),
});
export type SnapshotSaved = z.infer<typeof snapshotSavedSchema>;

/** Most messages in one `hub:messages` event; the host sends a larger burst as several. */
export const HUB_MESSAGE_BATCH = 2000;

// JSON (socket.io) turns a missing argument into null, IPC keeps it undefined: both mean "none".
const noArgs = z.union([z.undefined(), z.null()]).transform(() => undefined);

export const invokeChannels = {
  'app:info': { request: noArgs, response: appInfoSchema },
  'wall:get': { request: z.object({ wallId: z.string().min(1).max(64) }), response: wallViewSchema },
  'wall:list': { request: noArgs, response: z.array(wallSummarySchema) },
  /** Shows another layout on one wall; cameras on both layouts keep playing. */
  'wall:set-layout': { request: z.object({ wallId: idSchema, layoutId: idSchema }), response: wallViewSchema },
  'preset:list': { request: noArgs, response: presetStateSchema },
  /** Puts every wall the preset names on its layout at once. */
  'preset:apply': { request: z.object({ presetId: idSchema }), response: presetStateSchema },
  'hub:state': { request: noArgs, response: hubStateSchema },
  'camera:save-snapshot': { request: snapshotRequestSchema, response: snapshotSavedSchema },
} as const;

export const eventChannels = {
  'hub:status': connectionStateSchema,
  /** New hub messages in sequence order, batched by the host (one event per burst, not per message). */
  'hub:messages': z.array(hubMessageSchema).min(1).max(HUB_MESSAGE_BATCH),
  /** A fresh full state, e.g. after a reconnect: replaces what the renderer holds. */
  'hub:snapshot': hubSnapshotSchema,
  /** A wall's layout changed (layout set, preset applied); every window filters on its wall id. */
  'wall:view': z.object({ wallId: idSchema, view: wallViewSchema }),
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

/**
 * The channel names of the IPC contract, without their schemas. The sandboxed preload imports only
 * this file, so it stays a few hundred bytes instead of carrying zod; `ipc.ts` checks at compile
 * time that these lists and its schema maps name exactly the same channels.
 */

export const INVOKE_CHANNELS = [
  'app:info',
  'wall:get',
  'wall:boot',
  'operator:state',
  'hub:state',
  'command:run',
  'key:press',
  'session:get',
  'session:sign-in',
  'session:sign-out',
  'audit:list',
  'audit:export',
  'wall:heartbeat',
  'log:report',
] as const;
export const EVENT_CHANNELS = ['hub:status', 'hub:messages', 'hub:snapshot', 'wall:view', 'wall:tours', 'operator:state', 'wall:reload', 'session:ended', 'audit:appended', 'app:language'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}
export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

/** What an invoke answers over either transport: errors travel as data, never as thrown objects. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Browser mode: GET answers `{ "language": "vi" | "en" }`, the UI language in force, for the
 * sign-in page, which has no bridge link until someone signs in. Nothing secret: the walls show it.
 */
export const LANGUAGE_PATH = '/app/language';

/**
 * Browser mode: GET `?wall=<id>` with the wall's key in the `X-Wall-Key` header answers the
 * `wall:boot` invoke (an InvokeResult as JSON). A custom header cannot be sent by another site's
 * page without a CORS preflight, which this host never grants, and keeps the key out of URLs and logs.
 */
export const WALL_BOOT_PATH = '/app/wall-boot';
export const WALL_KEY_HEADER = 'x-wall-key';

/** Name of the socket.io path the browser-mode host serves its bridge on. */
export const BROWSER_BRIDGE_PATH = '/bridge';

/** Paths that are app routes; both hosts answer them with index.html, the renderer routes on them. */
export const APP_ROUTE_PATTERN = /^\/(?:wall\/[A-Za-z0-9._-]{1,64}|console)\/?$/;

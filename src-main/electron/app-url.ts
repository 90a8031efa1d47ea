/**
 * The desktop app's own origin, `app://ioc`, as plain functions (no electron import) so the rules
 * that decide what a window may load and who may call IPC are unit-tested.
 */

import { APP_ROUTE_PATTERN } from '../../src-shared/ipc-channels';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ioc';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;


export function wallUrl(wallId: string): string {
  return `${APP_ORIGIN}/wall/${encodeURIComponent(wallId)}`;
}

export function consoleUrl(): string {
  return `${APP_ORIGIN}/console`;
}

/** Whether a URL belongs to the app; anything else is the outside world, which no window may load. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

export type AppRequestTarget = { kind: 'route' } | { kind: 'file'; path: string } | { kind: 'not-found' };

/**
 * What an `app://` request asks for: an app route (served index.html), a file of the renderer build
 * (path still to be resolved inside the build folder), or nothing we serve.
 */
export function classifyAppRequest(url: string): AppRequestTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'not-found' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'not-found' };
  const path = parsed.pathname;
  if (APP_ROUTE_PATTERN.test(path)) return { kind: 'route' };
  if (path === '/' || path.endsWith('/')) return { kind: 'not-found' };
  return { kind: 'file', path };
}

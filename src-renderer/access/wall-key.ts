import { storage } from './tab-storage';

/**
 * A wall window's key arrives in the URL fragment (`/wall/1#key=…`), is taken out of the address
 * bar at once and kept in sessionStorage (this tab only, never a cookie) for reloads. Kept apart
 * from credentials.ts so the wall's first script (wall/boot-cameras.ts) can read it without zod.
 */
const wallKeyName = (wallId: string): string => `ioc-wall.wall-key.${wallId}`;

/** The wall's key from the fragment (kept for reloads) or from an earlier load of this tab. */
export function takeWallKey(wallId: string): string | null {
  const fromHash = /(?:^#|&)key=([A-Za-z0-9_-]{16,128})(?:&|$)/.exec(window.location.hash)?.[1];
  if (fromHash) {
    storage()?.setItem(wallKeyName(wallId), fromHash);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return storage()?.getItem(wallKeyName(wallId)) ?? null;
}

import { WALL_BOOT_PATH, WALL_KEY_HEADER } from '../../src-shared/ipc-channels';
import { takeWallKey } from '../access/wall-key';
import { electronTransport } from '../bridge/electron-transport';

/**
 * How long the wall's first script waits for its boot answer before it loads the app anyway: the
 * host answers in milliseconds, so a longer wait means something is wrong, and the app's own path
 * (the bridge's stores, then prestart.ts) still starts the cameras.
 */
const BOOT_WAIT_MS = 1_500;

/**
 * Asks the host for `wall:boot` (ipc.ts) as the wall page's very first step, over the preload
 * (desktop) or plain HTTP with the wall's key (browser mode: the bridge's socket does not exist
 * yet). Answers the raw InvokeResult, unchecked: the caller parses it; null when nothing came.
 */
export async function requestWallBoot(wallId: string): Promise<unknown> {
  try {
    const desktop = electronTransport();
    if (desktop) return await desktop.invoke('wall:boot', { wallId });
    const response = await fetch(`${WALL_BOOT_PATH}?wall=${encodeURIComponent(wallId)}`, {
      headers: { [WALL_KEY_HEADER]: takeWallKey(wallId) ?? '' },
      cache: 'no-store',
      signal: AbortSignal.timeout(BOOT_WAIT_MS),
    });
    return await response.json();
  } catch (error) {
    console.warn(`[boot] no answer from the host, the app starts the cameras itself: ${String(error)}`);
    return null;
  }
}

import type { Locator, Page } from '@playwright/test';

/**
 * What camera specs read from a wall page, through the camera tile's DOM contract only:
 *   [data-tile-id] > … [data-camera-state][data-camera-id][data-camera-stream][data-decoding] … video
 */

export interface CameraStateRecord {
  tileId: string | null;
  cameraId: string | null;
  state: string;
  /** Why an offline tile has no picture (data-camera-cause: camera, media, host); null otherwise. */
  cause: string | null;
  /** Date.now() in the page when the observer saw it; the test process shares the machine's clock. */
  at: number;
}

declare global {
  interface Window {
    __cameraStates?: CameraStateRecord[];
  }
}

export async function waitWallReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'wall', undefined, { timeout: 30_000 });
}

/** The element carrying the camera state of a tile. */
export function cameraOf(page: Page, tileId: string): Locator {
  return page.locator(`[data-tile-id="${tileId}"] [data-camera-state]`);
}

/** The tile's playing video: the one visible video element in it. */
export function videoOf(page: Page, tileId: string): Locator {
  return page.locator(`[data-tile-id="${tileId}"] video:visible`);
}

/** totalVideoFrames of the tile's visible video. */
export function framesOf(page: Page, tileId: string): Promise<number> {
  return videoOf(page, tileId).evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);
}

/**
 * Records every camera state the page shows from now on (and the current ones), with the time it
 * appeared, via a MutationObserver: catches a state that lasts a single frame, which polling
 * would miss, and times transitions without polling latency.
 */
export async function recordCameraStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__cameraStates) return;
    const records: CameraStateRecord[] = [];
    window.__cameraStates = records;
    const last = new WeakMap<Element, string>();
    const note = (el: Element): void => {
      const state = el.getAttribute('data-camera-state') ?? '';
      const cameraId = el.getAttribute('data-camera-id');
      const cause = el.getAttribute('data-camera-cause');
      const key = `${cameraId ?? ''}|${state}|${cause ?? ''}`;
      if (last.get(el) === key) return;
      last.set(el, key);
      records.push({ tileId: el.closest('[data-tile-id]')?.getAttribute('data-tile-id') ?? null, cameraId, state, cause, at: Date.now() });
    };
    const scan = (root: Element | Document): void => root.querySelectorAll('[data-camera-state]').forEach(note);
    scan(document);
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (mutation.type === 'attributes' && mutation.target instanceof Element && mutation.target.hasAttribute('data-camera-state')) note(mutation.target);
        mutation.addedNodes.forEach((node) => {
          if (!(node instanceof Element)) return;
          if (node.hasAttribute('data-camera-state')) note(node);
          scan(node);
        });
      }
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-camera-state', 'data-camera-id', 'data-camera-cause'] });
  });
}

export function cameraStates(page: Page): Promise<CameraStateRecord[]> {
  return page.evaluate(() => window.__cameraStates ?? []);
}

/**
 * Waits for the first record of `cameraId` in `state` seen at or after `since` (and with `cause`,
 * when given), and returns it.
 */
export async function waitForCameraState(page: Page, cameraId: string, state: string, since: number, timeoutMs: number, cause?: string): Promise<CameraStateRecord> {
  const handle = await page.waitForFunction(
    ({ cameraId, state, since, cause }) =>
      (window.__cameraStates ?? []).find((r) => r.cameraId === cameraId && r.state === state && r.at >= since && (cause === null || r.cause === cause)) ?? false,
    { cameraId, state, since, cause: cause ?? null },
    { timeout: timeoutMs, polling: 100 },
  );
  return (await handle.jsonValue()) as CameraStateRecord;
}

/**
 * Live objects in the page's heap whose prototype chain holds `constructorName`.prototype, after a
 * forced GC: what a leaked player leaves behind even once it is out of the DOM.
 */
export async function countLiveObjects(page: Page, constructorName: 'HTMLVideoElement' | 'MediaSource'): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const objectGroup = 'camera-spec-count';
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const prototype = await cdp.send('Runtime.evaluate', { expression: `${constructorName}.prototype`, objectGroup });
    if (!prototype.result.objectId) throw new Error(`${constructorName}.prototype has no object id`);
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId, objectGroup });
    if (!found.objects.objectId) throw new Error('queryObjects returned no array');
    const length = await cdp.send('Runtime.callFunctionOn', { objectId: found.objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true, objectGroup });
    return Number(length.result.value);
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

import type { Page } from '@playwright/test';
import { waitForReady } from './page-ready';

/**
 * What a test reads of a map tile in the page, through `window.__iocMaps` (map-registry.ts): where
 * maplibre puts a place on screen, the colour it painted there, what a source holds and what is
 * drawn. Pixels are read from the WebGL drawing buffer inside maplibre's own `render` event, the
 * only moment the frame is still there (the canvas is not kept after it is shown).
 */

export type Rgb = [number, number, number];

export async function waitMapReady(page: Page, tileId: string): Promise<void> {
  await waitForReady(page, 'wall');
  await page.locator(`[data-tile-id="${tileId}"] .map-tile[data-map-status="ready"]`).waitFor({ timeout: 45_000 });
  // The first frames of the basemap: its three GeoJSON sources loaded and drawn.
  await page.waitForFunction((id) => {
    const map = window.__iocMaps?.get(id)?.main;
    return map !== undefined && map.isStyleLoaded() && map.isSourceLoaded('land') && map.isSourceLoaded('places') && map.isSourceLoaded('provinces');
  }, tileId, { timeout: 45_000 });
}

/** The CSS pixel of a place on the tile's main map, relative to its canvas. */
export function project(page: Page, tileId: string, lng: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(({ id, lng, lat }) => {
    const p = window.__iocMaps!.get(id)!.main.project([lng, lat]);
    return { x: p.x, y: p.y };
  }, { id: tileId, lng, lat });
}

/** The colour the map painted at a place (the next frame's, forced). */
export function mapPixel(page: Page, tileId: string, lng: number, lat: number): Promise<Rgb> {
  return page.evaluate(({ id, lng, lat }) => {
    const map = window.__iocMaps!.get(id)!.main;
    return new Promise<[number, number, number]>((resolve) => {
      map.once('render', () => {
        const canvas = map.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
        const p = map.project([lng, lat]);
        const ratio = canvas.width / canvas.clientWidth;
        const pixel = new Uint8Array(4);
        gl.readPixels(Math.round(p.x * ratio), Math.round(canvas.height - p.y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        resolve([pixel[0]!, pixel[1]!, pixel[2]!]);
      });
      map.triggerRepaint();
    });
  }, { id: tileId, lng, lat });
}

export function hexRgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

/** Whether two colours are within `tolerance` on every channel (antialiasing, premultiplied alpha). */
export function near(a: Rgb, b: Rgb, tolerance = 12): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);
}

/** The ids a live source holds (what the map will draw). */
export function sourceIds(page: Page, tileId: string, source: string): Promise<string[]> {
  return page.evaluate(({ id, source }) => {
    const map = window.__iocMaps!.get(id)!.main;
    return map.querySourceFeatures(source).flatMap((f) => (typeof f.properties?.id === 'string' ? [f.properties.id as string] : []));
  }, { id: tileId, source });
}

/** The features of `layers` drawn at a place, as maplibre's hit test finds them. */
export function drawnAt(page: Page, tileId: string, lng: number, lat: number, layers: string[]): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(({ id, lng, lat, layers }) => {
    const map = window.__iocMaps!.get(id)!.main;
    const p = map.project([lng, lat]);
    return map.queryRenderedFeatures([[p.x - 3, p.y - 3], [p.x + 3, p.y + 3]], { layers }).map((f) => ({ ...f.properties }));
  }, { id: tileId, lng, lat, layers });
}

export function mapCenter(page: Page, tileId: string): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate((id) => {
    const map = window.__iocMaps!.get(id)!.main;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  }, tileId);
}

/**
 * Starts watching a live source for a feature, in the page, on maplibre's own events (no polling
 * round trips to measure): call before the record is sent, then `appearedAt` resolves to the
 * page's `Date.now()` (the same system clock as the test's) when the map first holds it.
 */
export async function watchForFeature(page: Page, tileId: string, source: string, featureId: string): Promise<{ appearedAt(): Promise<number> }> {
  const key = `${source}:${featureId}`;
  await page.evaluate(({ id, source, featureId, key }) => {
    const map = window.__iocMaps!.get(id)!.main;
    const watches = ((window as unknown as { __mapWatch?: Record<string, Promise<number>> }).__mapWatch ??= {});
    watches[key] = new Promise<number>((resolve) => {
      const check = (): void => {
        if (!map.querySourceFeatures(source).some((f) => f.properties?.id === featureId)) return;
        map.off('sourcedata', check);
        map.off('render', check);
        resolve(Date.now());
      };
      map.on('sourcedata', check);
      map.on('render', check);
    });
  }, { id: tileId, source, featureId, key });
  return { appearedAt: () => page.evaluate((key) => (window as unknown as { __mapWatch: Record<string, Promise<number>> }).__mapWatch[key]!, key) };
}

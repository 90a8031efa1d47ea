import 'maplibre-gl/dist/maplibre-gl.css';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

/**
 * Once per page, before the first map: maplibre's worker from the app's own origin (the CSP allows
 * workers from 'self' only), and the label font loaded, because maplibre draws labels from the
 * page's fonts (the style has no glyph server) and a label drawn before the font arrives would be
 * drawn in a fallback font for good.
 */
let ready: Promise<void> | null = null;

export function mapLibraryReady(): Promise<void> {
  ready ??= (async () => {
    setWorkerUrl(workerUrl);
    await Promise.all([document.fonts.load('400 16px "Be Vietnam Pro"', 'Vũng Tàu'), document.fonts.load('600 16px "Be Vietnam Pro"', 'Vũng Tàu')]);
  })();
  return ready;
}

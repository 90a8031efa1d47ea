/**
 * The renderer's Content-Security-Policy, one builder for both hosts (Electron's app:// scheme and
 * the browser-mode server), so a wall is locked down the same way whichever way it is shown.
 * Scripts, styles and fonts come only from the app itself; network access only to the app, the hub
 * and the configured camera origins (streams and stills); hls.js needs blob: for MediaSource (media-src). Workers only from the app itself: maplibre's and hls.js's transmuxer (hls-player.ts).
 */
export function buildContentSecurityPolicy(mediaOrigins: readonly string[]): string {
  const origins = [...new Set(mediaOrigins.map((url) => new URL(url).origin))];
  const connect = ["'self'", ...origins].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    `img-src 'self' data: blob: ${origins.join(' ')}`.trim(),
    `media-src 'self' blob: ${origins.join(' ')}`.trim(),
    `connect-src ${connect}`,
    // maplibre-gl draws its tiles and hls.js transmuxes in workers loaded from the app's own files, nothing else (no blob:).
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

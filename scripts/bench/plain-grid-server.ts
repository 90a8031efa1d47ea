// The camera bench's baseline page, served by a plain HTTP server of its own: like the IOC wall, the
// page comes from one origin and the streams from the hub's (which answers with CORS *), and no
// request goes through Playwright's interception, which would slow every playlist and segment.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface PlainGridServer {
  /** The page for n tiles; `config` is passed to `new Hls(config)` (the baseline passes none). */
  pageUrl(urls: readonly string[], config?: object): string;
  stop(): Promise<void>;
}

/**
 * The baseline grid: n videos in a CSS grid, each with `new Hls(config)` started as soon as the script
 * runs. `window.__swap(urls)` changes the streams of the tiles whose url differs, as a plain page
 * would on a layout change: hls.destroy(), then a new Hls with loadSource and attachMedia on the same
 * video. It returns when it was called (page clock) and which tiles changed; each changed tile's
 * first frame after that (requestVideoFrameCallback, registered once the old stream is gone, so no
 * old frame counts) is in `window.__swapFrames()`.
 */
function pageHtml(urls: readonly string[], config: object | undefined): string {
  const cols = Math.ceil(Math.sqrt(urls.length));
  const rows = Math.ceil(urls.length / cols);
  return `<!doctype html><html><head><meta charset="utf-8"><title>plain hls.js grid</title><style>
    html,body{margin:0;height:100%;background:#000}
    #grid{display:grid;height:100%;gap:4px;grid-template-columns:repeat(${cols},1fr);grid-template-rows:repeat(${rows},1fr)}
    video{width:100%;height:100%;min-height:0;object-fit:contain;background:#111}
  </style></head><body><div id="grid"></div>
  <script src="/hls.js"></script>
  <script>
    function play(tile, url) {
      var hls = new Hls(${config ? JSON.stringify(config) : ''});
      tile.hls = hls;
      tile.url = url;
      hls.loadSource(url);
      hls.attachMedia(tile.video);
      hls.on(Hls.Events.MANIFEST_PARSED, function () { tile.video.play().catch(function () {}); });
    }
    var tiles = ${JSON.stringify(urls)}.map(function (url) {
      var video = document.createElement('video');
      video.muted = true; video.autoplay = true; video.playsInline = true;
      document.getElementById('grid').appendChild(video);
      var tile = { video: video, hls: null, url: null, swapFrame: null };
      play(tile, url);
      return tile;
    });
    window.__swap = function (urls) {
      var at = performance.now();
      var changed = [];
      urls.forEach(function (url, i) {
        var tile = tiles[i];
        if (!tile || tile.url === url) return;
        changed.push(i);
        tile.hls.destroy();
        tile.swapFrame = null;
        play(tile, url);
        tile.video.requestVideoFrameCallback(function () { tile.swapFrame = performance.now(); });
      });
      return { at: at, changed: changed };
    };
    window.__swapFrames = function () { return tiles.map(function (tile) { return tile.swapFrame; }); };
  </script></body></html>`;
}

/**
 * Serves the grid pages and hls.js's light build, the same build the wall bundles, so the two
 * pages differ in player setup and app, not in hls.js code.
 */
export async function startPlainGridServer(): Promise<PlainGridServer> {
  const hlsScript = readFileSync(join(ROOT, 'node_modules/hls.js/dist/hls.light.min.js'));
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/hls.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Length': hlsScript.length, 'Cache-Control': 'no-cache' }).end(hlsScript);
      return;
    }
    const html = pages.get(path);
    if (html === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: (urls, config) => {
      const path = `/grid-${pages.size}.html`;
      pages.set(path, pageHtml(urls, config));
      return `http://127.0.0.1:${port}${path}`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

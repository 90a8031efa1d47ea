import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Asset URLs must be absolute (`/assets/…`): the renderer is served at nested routes
 * (`/wall/1`, `app://ioc/wall/1`), where electron-vite's forced relative base would break.
 * electron-vite sets `base: './'` in a `pre` plugin for production builds, so this runs after it.
 */
function absoluteBase(): Plugin {
  return { name: 'ioc-wall:absolute-base', enforce: 'post', config: () => ({ base: '/' }) };
}

/**
 * A wall's first script starts its cameras from a chunk it imports dynamically (the player pool and
 * hls.js: src-renderer/wall/boot-cameras.ts), so the console never evaluates it. Preloading that
 * chunk from the HTML fetches it alongside the entry instead of after the entry has run, which put
 * the first stream about 100 ms later on a 2-core wall (issue 13). The console fetches it too
 * (once: assets are cached for good) but never runs it.
 */
function preloadWallBoot(): Plugin {
  return {
    name: 'ioc-wall:preload-wall-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const boot = Object.values(ctx.bundle ?? {}).find((output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/wall/boot-cameras.ts'));
        if (boot?.type !== 'chunk') throw new Error('the build has no chunk for src-renderer/wall/boot-cameras.ts');
        return [boot.fileName, ...boot.imports].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * One build for the three runtimes.
 * main: the Electron entry plus the two plain-Node entries (browser-mode host, standalone hub),
 * so `npm run serve` and `npm run hub` run the same bundled code as the desktop app.
 * preload: CommonJS, because a sandboxed renderer cannot load an ES module preload.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          serve: resolve(__dirname, 'src-main/web/serve.ts'),
          hub: resolve(__dirname, 'src-hub/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react(), absoluteBase(), preloadWallBoot()],
    // maplibre-gl 6's worker is an ES module that imports a shared chunk.
    worker: { format: 'es' },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
      // electron-vite leaves the renderer unminified; walls load it on every start and reload.
      minify: true,
      // The basemap's GeoJSON stays a file of its own: inlined as a data: URL, maplibre would fetch
      // it from an origin the CSP does not allow (connect-src 'self').
      assetsInlineLimit: (file: string) => (file.endsWith('.geojson') ? false : undefined),
      chunkSizeWarningLimit: 2000,
    },
  },
});

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packages the app with the real electron-builder.yml for a Linux `dir` target and inspects the
 * result. Electron's binary cannot be downloaded here, so a stub distribution stands in for it:
 * a script carrying a fuse wire, which also lets the test check the fuses the config flips.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];
/** @electron/fuses finds the wire right after this marker in the Electron binary. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's stock wire, in FuseV1Options order: RunAsNode, CookieEncryption, NodeOptions, CliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolExtra. */
const STOCK_FUSES = '10110001';

const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;
const unpackedDir = arch === Arch.x64 ? 'linux-unpacked' : 'linux-arm64-unpacked';

/** Builds out/ when absent, as `npm test` would have; a failure names the build's own error. */
function ensureBuilt(): void {
  if (BUILT.every((file) => existsSync(join(ROOT, file)))) return;
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, encoding: 'utf8' });
  const missing = BUILT.filter((file) => !existsSync(join(ROOT, file)));
  if (run.status !== 0 || missing.length > 0) {
    throw new Error(`electron-vite build failed (status ${run.status}), missing ${missing.join(', ')}:\n${`${run.stdout}\n${run.stderr}`.slice(-3000)}`);
  }
}

/** An unpacked "Electron" with the files electron-builder moves or deletes, and a stock fuse wire. */
function stubElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stub Electron for packaging tests"\nexit 0\n# ');
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, Buffer.from(FUSE_SENTINEL), Buffer.from([1, STOCK_FUSES.length]), Buffer.from(STOCK_FUSES), Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stub Electron license\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stub Chromium licenses</p>\n');
  writeFileSync(join(dir, 'version'), JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version);
}

/** The fuse wire of a packaged executable, as the '0'/'1' characters Electron reads at start-up. */
function fuseWire(executable: string): string {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = bytes[at + 1] ?? 0;
  return bytes.subarray(at + 2, at + 2 + length).toString('latin1');
}

describe('packaging with electron-builder.yml (linux dir target)', () => {
  let work: string;
  let app: string;
  let entries: string[];

  beforeAll(async () => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'ioc-wall-pack-'));
    const dist = join(work, 'electron-dist');
    stubElectronDist(dist);
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', arch),
      publish: 'never',
      config: {
        // A path in `extends` makes electron-builder load that file and deep-merge the rest over it.
        extends: join(ROOT, 'electron-builder.yml'),
        electronDist: dist,
        // The installed better-sqlite3 is built for Node; rebuilding for Electron needs its headers (network).
        npmRebuild: false,
        directories: { output: join(work, 'release') },
      },
    });
    app = join(work, 'release', unpackedDir);
    entries = listPackage(join(app, 'resources', 'app.asar'), { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('names the executable from the config and packs the app into app.asar', () => {
    expect(existsSync(join(app, 'ioc-wall'))).toBe(true);
    expect(existsSync(join(app, 'resources', 'app.asar'))).toBe(true);
    expect(entries).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']));
  });

  it('ships the runtime dependencies and none of the bundled renderer libraries or sources', () => {
    // Transitive ones too: a collector that misses them packs an app that dies on its first require.
    const runtime = ['socket.io', 'socket.io-client', 'engine.io', 'engine.io-client', 'ws', 'better-sqlite3', 'bindings'];
    expect(entries).toEqual(expect.arrayContaining(runtime.map((name) => `/node_modules/${name}/package.json`)));
    for (const bundled of ['react', 'react-dom', 'hls.js', 'echarts', 'zustand', 'zod', 'electron', 'vite', 'typescript', '@types']) {
      expect(entries.filter((entry) => entry.startsWith(`/node_modules/${bundled}/`)), bundled).toEqual([]);
    }
    for (const source of ['/src-main', '/src-renderer', '/src-shared', '/src-hub', '/test', '/scripts', '/assets', '/node_modules/.bin']) {
      expect(entries.filter((entry) => entry === source || entry.startsWith(`${source}/`)), source).toEqual([]);
    }
  });

  it('unpacks better-sqlite3 with its native addon, since dlopen cannot read inside an asar', () => {
    const unpacked = join(app, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    expect(existsSync(unpacked)).toBe(true);
    expect(readdirSync(join(unpacked, 'build', 'Release')).filter((file) => file.endsWith('.node'))).toEqual(['better_sqlite3.node']);
    // Its C sources and object files only matter for building: ~20 MB a wall PC does not need.
    expect(['deps', 'src', 'build/Release/obj'].filter((dir) => existsSync(join(unpacked, dir)))).toEqual([]);
  });

  it('copies the runtime assets next to the app', () => {
    const source = join(ROOT, 'assets');
    for (const name of existsSync(source) ? readdirSync(source) : []) {
      expect(existsSync(join(app, 'resources', 'assets', name)), name).toBe(true);
    }
    if (existsSync(join(source, 'cameras'))) expect(existsSync(join(app, 'resources', 'assets', 'cameras'))).toBe(true);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspector, code only from app.asar', () => {
    const wire = fuseWire(join(app, 'ioc-wall'));
    expect({ runAsNode: wire[0], nodeOptions: wire[2], cliInspect: wire[3], onlyLoadAppFromAsar: wire[5] }).toEqual({
      runAsNode: '0',
      nodeOptions: '0',
      cliInspect: '0',
      onlyLoadAppFromAsar: '1',
    });
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { DOMParser } from '@xmldom/xmldom';
import { Arch, build, Platform, type AfterPackContext, type LinuxPackager } from 'electron-builder';
// electron-builder's own Linux targets, used to render what the deb and the AppImage would carry
// (desktop entry, install scripts) from the very packager that built the app: fpm and the AppImage
// tools are downloads this machine cannot make, so those targets cannot run here.
import AppImageTarget from 'app-builder-lib/out/targets/appimage/AppImageTarget';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { installPrefix, LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
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

/** The wire electron-builder.yml asks for, in the order above. */
const CONFIGURED_FUSES = '01001100';
/** Where the installer puts the executable's path into the scheduled task (build/windows, build/installer.nsh). */
const TASK_EXE_PLACEHOLDER = '__IOC_WALL_EXE__';

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

/** What the packager that built the app says the Linux packages and the Windows installer would carry. */
interface Rendered {
  sanitizedProductName: string;
  executableName: string;
  debDesktopEntry: string;
  appImageDesktopEntry: string;
  afterInstall: string;
  afterRemove: string;
  winExtraResources: unknown;
  nsisInclude: unknown;
}

/** Renders, from the real packager, the deb's and the AppImage's desktop entries and the deb's scripts. */
async function renderLinuxPackages(context: AfterPackContext): Promise<Rendered> {
  const packager = context.packager as LinuxPackager;
  const helper = new LinuxTargetHelper(packager);
  const deb = new FpmTarget('deb', packager, helper, context.outDir);
  const appImage = new AppImageTarget('appImage', packager, helper, context.outDir);
  // Private in the typings: the rendered scripts, and the AppImage's desktop entry (its Exec is AppRun).
  const scripts = await (deb as unknown as { scriptFiles: Promise<{ afterInstall: string; afterRemove: string }> }).scriptFiles;
  return {
    sanitizedProductName: packager.appInfo.sanitizedProductName,
    executableName: packager.executableName,
    debDesktopEntry: await helper.computeDesktopEntry(deb.options),
    appImageDesktopEntry: await (appImage as unknown as { desktopEntry: { value: Promise<string> } }).desktopEntry.value,
    afterInstall: readFileSync(scripts.afterInstall, 'utf8'),
    afterRemove: readFileSync(scripts.afterRemove, 'utf8'),
    winExtraResources: packager.config.win?.extraResources,
    nsisInclude: packager.config.nsis?.include,
  };
}

/** The value of `key` in an INI-style file (desktop entry, systemd unit); every value when it repeats. */
function iniValues(text: string, key: string): string[] {
  return text.split('\n').flatMap((line) => (line.startsWith(`${key}=`) ? [line.slice(key.length + 1)] : []));
}

describe('packaging with electron-builder.yml (linux dir target)', () => {
  let work: string;
  let app: string;
  let entries: string[];
  let rendered: Rendered | undefined;

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
        afterPack: async (context) => {
          rendered = await renderLinuxPackages(context);
        },
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
    const runtime = ['socket.io', 'socket.io-client', 'engine.io', 'engine.io-client', 'ws', 'better-sqlite3', 'bindings', 'electron-updater', 'builder-util-runtime', 'js-yaml', 'lazy-val'];
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

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspector, encrypted cookies, code only from a checked app.asar, no file:// privileges', () => {
    const wire = fuseWire(join(app, 'ioc-wall'));
    // The whole wire, so a fuse flipped by mistake (or an electron-builder that stops flipping one) shows.
    expect(wire).toBe(CONFIGURED_FUSES);
    expect({ runAsNode: wire[0], cookieEncryption: wire[1], nodeOptions: wire[2], cliInspect: wire[3], asarIntegrity: wire[4], onlyLoadAppFromAsar: wire[5], v8Snapshot: wire[6], fileProtocolExtra: wire[7] }).toEqual({
      runAsNode: '0',
      cookieEncryption: '1',
      nodeOptions: '0',
      cliInspect: '0',
      asarIntegrity: '1',
      onlyLoadAppFromAsar: '1',
      v8Snapshot: STOCK_FUSES[6],
      fileProtocolExtra: '0',
    });
  });

  it('writes app-update.yml for the generic update provider, so electron-updater finds its settings', () => {
    const updateConfig = readFileSync(join(app, 'resources', 'app-update.yml'), 'utf8');
    expect(updateConfig).toMatch(/^provider: generic$/m);
  });

  it('starts the Linux packages on X11: the deb and AppImage desktop entries carry --ozone-platform=x11', () => {
    expect(rendered).toBeDefined();
    const { debDesktopEntry, appImageDesktopEntry, sanitizedProductName, executableName } = rendered!;
    expect(iniValues(debDesktopEntry, 'Exec')).toEqual([`"${installPrefix}/${sanitizedProductName}/${executableName}" --ozone-platform=x11 %U`]);
    expect(iniValues(appImageDesktopEntry, 'Exec')).toEqual(['AppRun --ozone-platform=x11 %U']);
  });

  it('ships the systemd user unit that runs the installed executable and restarts it forever', () => {
    const shipped = join(app, 'resources', 'autostart', 'ioc-wall.service');
    const unit = readFileSync(shipped, 'utf8');
    expect(unit).toBe(readFileSync(join(ROOT, 'build', 'linux', 'ioc-wall.service'), 'utf8'));
    // The deb installs the app in /opt/<productName> (electron-builder's installPrefix): "/opt/IOC Wall".
    const installed = `${installPrefix}/${rendered!.sanitizedProductName}/${rendered!.executableName}`;
    expect(iniValues(unit, 'ExecStart')).toEqual([`"${installed}" --ozone-platform=x11 --kiosk`]);
    expect({
      restart: iniValues(unit, 'Restart'),
      restartSec: iniValues(unit, 'RestartSec'),
      startLimit: iniValues(unit, 'StartLimitIntervalSec'),
      after: iniValues(unit, 'After'),
      partOf: iniValues(unit, 'PartOf'),
      wantedBy: iniValues(unit, 'WantedBy'),
    }).toEqual({
      restart: ['always'],
      restartSec: ['5'],
      startLimit: ['0'],
      after: ['graphical-session.target'],
      partOf: ['graphical-session.target'],
      wantedBy: ['graphical-session.target'],
    });
  });

  it('passes systemd-analyze verify as a user unit, with its executable where the deb puts it', (context) => {
    const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (analyze.error) context.skip('systemd-analyze is not installed on this machine');
    // "/opt/IOC Wall" stands in a scratch root pointing at the packaged app, so the quoted path with
    // its space is parsed as systemd will and the executable it names exists.
    const opt = join(work, 'root', 'opt');
    mkdirSync(opt, { recursive: true });
    symlinkSync(app, join(opt, rendered!.sanitizedProductName));
    const unit = readFileSync(join(app, 'resources', 'autostart', 'ioc-wall.service'), 'utf8').replace(`"${installPrefix}/`, `"${opt}/`);
    writeFileSync(join(work, 'ioc-wall.service'), unit);
    const runtimeDir = mkdtempSync(join(tmpdir(), 'ioc-wall-xdg-'));
    chmodSync(runtimeDir, 0o700);
    const verify = spawnSync('systemd-analyze', ['--user', 'verify', join(work, 'ioc-wall.service')], { encoding: 'utf8', env: { ...process.env, XDG_RUNTIME_DIR: runtimeDir } });
    rmSync(runtimeDir, { recursive: true, force: true });
    // verify exits 0 on mere warnings (an unknown key, a bad value ignored): they must be absent too.
    expect({ status: verify.status, output: `${verify.stdout}${verify.stderr}`.trim() }).toEqual({ status: 0, output: '' });
  });

  it("installs the unit from the deb's scripts, keeping electron-builder's own, and removes it only on removal", () => {
    const { afterInstall, afterRemove, sanitizedProductName } = rendered!;
    const templates = join(ROOT, 'node_modules', 'app-builder-lib', 'templates', 'linux');
    // Ours are electron-builder's stock scripts plus a tail: an upgrade that changes the stock ones fails here.
    for (const name of ['after-install.tpl', 'after-remove.tpl']) {
      expect(readFileSync(join(ROOT, 'build', 'linux', name), 'utf8').startsWith(readFileSync(join(templates, name), 'utf8')), name).toBe(true);
    }
    const from = `/opt/${sanitizedProductName}/resources/autostart/ioc-wall.service`;
    expect(afterInstall).toContain(`install -D -m 0644 '${from}' '/usr/lib/systemd/user/ioc-wall.service'`);
    expect(existsSync(join(app, from.slice(`/opt/${sanitizedProductName}/`.length)))).toBe(true);
    expect(afterInstall).toContain('systemctl --user enable --now ioc-wall');
    expect(afterRemove).toMatch(/if \[ "\$1" = remove \] \|\| \[ "\$1" = purge \]; then\n\s+rm -f '\/usr\/lib\/systemd\/user\/ioc-wall\.service'/);
    for (const [name, script] of [['after-install', afterInstall], ['after-remove', afterRemove]] as const) {
      const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
      expect({ name, status: check.status, stderr: check.stderr }).toEqual({ name, status: 0, stderr: '' });
    }
  });

  it('registers the Windows scheduled task from the installer: at logon, restarted on failure, no time limit', () => {
    const { winExtraResources, nsisInclude } = rendered!;
    expect(nsisInclude).toBe('build/installer.nsh');
    expect(winExtraResources).toEqual([{ from: 'build/windows/ioc-wall-task.xml', to: 'autostart/ioc-wall-task.xml' }]);
    const xml = readFileSync(join(ROOT, 'build', 'windows', 'ioc-wall-task.xml'), 'utf8');
    // The installer reads it line by line as ANSI text before writing the UTF-16 copy schtasks gets.
    expect([...xml].filter((char) => !'\t\r\n'.includes(char) && (char < ' ' || char > '~'))).toEqual([]);
    const errors: string[] = [];
    const task = new DOMParser({ errorHandler: { error: (message: string) => errors.push(message), fatalError: (message: string) => errors.push(message) } }).parseFromString(xml, 'text/xml');
    expect(errors).toEqual([]);
    const text = (name: string): string[] => Array.from(task.getElementsByTagName(name), (element) => element.textContent ?? '');
    expect({
      logon: task.getElementsByTagName('LogonTrigger').length,
      restartInterval: text('Interval'),
      restartCount: text('Count'),
      timeLimit: text('ExecutionTimeLimit'),
      group: text('GroupId'),
      command: text('Command'),
      arguments: text('Arguments'),
    }).toEqual({
      logon: 1,
      restartInterval: ['PT1M'],
      // unsignedByte in Task Scheduler's schema: 255 is the most schtasks accepts.
      restartCount: ['255'],
      timeLimit: ['PT0S'],
      group: ['S-1-5-32-545'],
      command: [`"${TASK_EXE_PLACEHOLDER}"`],
      arguments: ['--kiosk'],
    });
    const nsh = readFileSync(join(ROOT, 'build', 'installer.nsh'), 'utf8');
    expect(nsh).toContain('"$INSTDIR\\resources\\autostart\\ioc-wall-task.xml"');
    expect(nsh).toContain(`"${TASK_EXE_PLACEHOLDER}" "$INSTDIR\\\${APP_EXECUTABLE_FILENAME}"`);
    expect(nsh).toMatch(/schtasks\.exe" \/Create \/F \/TN "IOC Wall" \/XML /);
    expect(nsh).toMatch(/schtasks\.exe" \/Delete \/F \/TN "IOC Wall"/);
  });

  it("compiles the installer include with NSIS's makensis, warnings as errors", (context) => {
    if (spawnSync('makensis', ['-VERSION']).error) context.skip('makensis is not installed on this machine (Debian package nsis)');
    // electron-builder's installer defines these; the stand-ins only let the include compile alone.
    const harness = [
      'Unicode true',
      `OutFile "${join(work, 'nsis-harness.exe')}"`,
      'RequestExecutionLevel user',
      '!include "LogicLib.nsh"',
      '!define APP_EXECUTABLE_FILENAME "IOC Wall.exe"',
      '!define isUpdated `${Silent}`',
      `!include "${join(ROOT, 'build', 'installer.nsh')}"`,
      'Section "install"',
      '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
      '  !insertmacro customInstall',
      'SectionEnd',
      'Section "un.uninstall"',
      '  !insertmacro customUnInstall',
      'SectionEnd',
    ].join('\n');
    writeFileSync(join(work, 'nsis-harness.nsi'), harness);
    const compile = spawnSync('makensis', ['-V2', '-WX', join(work, 'nsis-harness.nsi')], { encoding: 'utf8' });
    expect({ status: compile.status, output: `${compile.stdout}${compile.stderr}`.slice(-2000) }).toMatchObject({ status: 0 });
  });
});

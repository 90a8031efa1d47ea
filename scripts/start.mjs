#!/usr/bin/env node
// `npm start` / `npm run serve` / `npm run hub`: build, then run the desktop app, browser mode or the hub.
// The desktop app needs Electron's binary; an offline install has none, so `npm start` says so in
// one line and runs browser mode instead: the main command works on every machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-available.mjs';
import { ensureNativeDeps } from './native-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mode = args.includes('--hub-only') ? 'hub' : args.includes('--browser') ? 'browser' : 'electron';
const passThrough = args.filter((a) => a !== '--hub-only' && a !== '--browser' && a !== '--no-build');

if (!args.includes('--no-build') || !existsSync(join(root, 'out/main/index.js'))) {
  process.stdout.write('IOC Wall: building…\n');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('IOC Wall: build failed (see above)\n');
    process.exit(build.status ?? 1);
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Runs a plain-Node entry once better-sqlite3 is built for Node. */
function runNode(entry) {
  if (!ensureNativeDeps(root, 'node')) process.exit(1);
  run(process.execPath, [join(root, entry), ...passThrough]);
}

if (mode === 'hub') {
  runNode('out/main/hub.js');
} else if (mode === 'browser') {
  runNode('out/main/serve.js');
} else {
  const electron = electronBinaryPath();
  if (electron) {
    if (!ensureNativeDeps(root, 'electron', electron)) process.exit(1);
    run(electron, [root, ...passThrough]);
  } else {
    process.stdout.write('IOC Wall: Electron binary not installed (offline install) — starting browser mode instead.\n');
    runNode('out/main/serve.js');
  }
}

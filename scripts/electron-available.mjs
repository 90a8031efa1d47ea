// Whether Electron's binary is on this machine, without `require('electron')` (which throws when the
// binary was never downloaded, as on an offline install where its install script is not allowed).
// Mirrors node_modules/electron/index.js: path.txt names the binary inside dist/, and
// ELECTRON_OVERRIDE_DIST_PATH points at a binary installed some other way.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary's path, or why there is none. */
export function electronBinaryStatus(root = defaultRoot, env = process.env) {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) return { path: null, reason: `the electron package is not installed (${packageDir})` };
  let relative = null;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    relative = null;
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) {
    return { path: null, reason: 'node_modules/electron/path.txt is missing: the binary was never downloaded (its install script did not run)' };
  }
  const path = override ? join(override, relative ?? 'electron') : join(packageDir, 'dist', relative);
  if (!existsSync(path)) return { path: null, reason: `the Electron binary is missing at ${path}` };
  return { path, reason: null };
}

/** The Electron binary's path, or null when it is not installed. */
export function electronBinaryPath(root = defaultRoot, env = process.env) {
  return electronBinaryStatus(root, env).path;
}

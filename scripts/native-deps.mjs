// better-sqlite3 is a native addon, built for one runtime's ABI at a time: Node's (tests, browser
// mode, the hub) or Electron's (the desktop app). One node_modules serves both, so before running
// either we check that the addon loads in the runtime about to use it, and rebuild it when it does
// not — one clear line instead of a wall that cannot open its cache.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PROBE = "new (require('better-sqlite3'))(':memory:').close()";

/** Whether better-sqlite3 loads under `command` (node, or Electron run as node); the error if not. */
export function probeNativeDeps(root, command, env = {}) {
  const run = spawnSync(command, ['-e', PROBE], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  return run.status === 0 ? null : (run.stderr || run.stdout || `exit ${run.status}`).trim().split('\n').find((line) => line.includes('NODE_MODULE_VERSION') || line.includes('Error')) ?? `exit ${run.status}`;
}

/**
 * Makes better-sqlite3 loadable by `runtime` ('node' or 'electron', with the Electron binary path),
 * rebuilding it when it was built for the other one. Returns false when that failed.
 */
export function ensureNativeDeps(root, runtime, electronPath) {
  const command = runtime === 'electron' ? electronPath : process.execPath;
  const env = runtime === 'electron' ? { ELECTRON_RUN_AS_NODE: '1' } : {};
  const problem = probeNativeDeps(root, command, env);
  if (problem === null) return true;
  process.stdout.write(`IOC Wall: better-sqlite3 is not built for ${runtime} (${problem}); rebuilding it…\n`);
  const rebuild =
    runtime === 'electron'
      ? spawnSync(join(root, 'node_modules', '.bin', 'electron-builder'), ['install-app-deps'], { cwd: root, stdio: 'inherit' })
      : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' });
  if (rebuild.status !== 0 || probeNativeDeps(root, command, env) !== null) {
    process.stderr.write(`IOC Wall: could not rebuild better-sqlite3 for ${runtime}; see the lines above.\n`);
    return false;
  }
  return true;
}

#!/usr/bin/env node
// `npm test`: build once, run the vitest suites (unit + integration with real servers and files),
// then the Playwright suites (Debian Chromium against browser mode; Electron where it exists),
// and end with a summary (test-summary.mjs): each failed test named, and "total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNativeDeps } from './native-deps.mjs';
import { testSummary } from './test-summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Not test-results/: Playwright empties that folder when it starts.
const results = join(root, '.cache', 'reports');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(title, command, args) {
  process.stdout.write(`\n== ${title}\n`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return run.status ?? 1;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  process.stderr.write(`Chromium not found at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.\n`);
  process.exit(1);
}

// A desktop run (`npm start` with Electron) leaves better-sqlite3 built for Electron; the suites run on Node.
if (!ensureNativeDeps(root, 'node')) process.exit(1);
if (step('build', bin('electron-vite'), ['build']) !== 0) {
  process.stderr.write('build failed\n');
  process.exit(1);
}
const unitStatus = step('vitest (unit + integration)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'unit.json')}`,
]);
const e2eStatus = step('playwright (e2e)', bin('playwright'), ['test']);

function read(file) {
  try {
    return JSON.parse(readFileSync(join(results, file), 'utf8'));
  } catch {
    return null;
  }
}
const summary = testSummary({ unit: read('unit.json'), e2e: read('e2e.json'), unitStatus, e2eStatus, root });
process.stdout.write(`\n${summary.lines.join('\n')}\n`);
process.exit(summary.ok ? 0 : 1);

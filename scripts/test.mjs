#!/usr/bin/env node
// `npm test`: build once, run the vitest suites (unit + integration with real servers and files),
// then the Playwright suites (Debian Chromium against browser mode; Electron where it exists),
// and end with one summary line: "total: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNativeDeps } from './native-deps.mjs';

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
const unit = read('unit.json');
const e2e = read('e2e.json');
const counts = { passed: 0, failed: 0, skipped: 0 };
if (unit) {
  counts.passed += unit.numPassedTests;
  counts.failed += unit.numFailedTests;
  counts.skipped += unit.numPendingTests + unit.numTodoTests;
  process.stdout.write(`\nvitest: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${unit.numPendingTests + unit.numTodoTests} skipped\n`);
}
/** Why tests were skipped, once per reason: Playwright's list reporter shows a skip but not its reason. */
function skipReasons(suite, reasons = new Set()) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests) {
      if (t.status !== 'skipped') continue;
      for (const note of t.annotations) if (note.type === 'skip' && note.description) reasons.add(note.description);
    }
  }
  for (const child of suite.suites ?? []) skipReasons(child, reasons);
  return reasons;
}
if (e2e) {
  const { expected, unexpected, flaky, skipped } = e2e.stats;
  const reasons = new Set();
  for (const suite of e2e.suites ?? []) skipReasons(suite, reasons);
  for (const reason of reasons) process.stdout.write(`skipped: ${reason}\n`);
  counts.passed += expected + flaky;
  counts.failed += unexpected;
  counts.skipped += skipped;
  process.stdout.write(`playwright: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped\n`);
}
// A suite that crashed before writing its report is a failure, not a pass.
if (!unit || (unitStatus !== 0 && unit.numFailedTests === 0)) counts.failed += 1;
if (!e2e || (e2eStatus !== 0 && e2e.stats.unexpected === 0)) counts.failed += 1;
process.stdout.write(`total: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
process.exit(counts.failed === 0 && unitStatus === 0 && e2eStatus === 0 ? 0 : 1);

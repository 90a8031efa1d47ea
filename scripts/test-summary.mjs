// The end of `npm test`'s output, from the two suites' JSON reports: why tests were skipped, the counts
// per suite, each failed test named (file, title, first line of its error: a CI log that keeps only its
// tail still says what failed) and one line "total: N passed, N failed, N skipped".

import { stripVTControlCharacters } from 'node:util';

/** The first non-empty line of an error, without colours, at most 300 characters. */
const firstLine = (text) =>
  stripVTControlCharacters(String(text ?? ''))
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 300) ?? '';

/** Vitest's failed tests; a file that failed to load has no test results, only its own message. */
function unitFailures(unit, root) {
  const out = [];
  for (const file of unit?.testResults ?? []) {
    const name = file.name.startsWith(`${root}/`) ? file.name.slice(root.length + 1) : file.name;
    const failed = file.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failed) out.push(`${name} › ${t.fullName ?? t.title}: ${firstLine(t.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === 'failed') out.push(`${name}: ${firstLine(file.message)}`);
  }
  return out;
}

/** Walks Playwright's nested suites, calling `visit(spec, test)` for every test of every spec. */
function eachE2eTest(suites, visit) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) visit(spec, t);
    eachE2eTest(suite.suites, visit);
  }
}

/**
 * The summary lines and whether the run failed. `unit` and `e2e` are the parsed reports (null when a
 * suite wrote none: it crashed, which counts as a failure), the statuses the suites' exit codes.
 */
export function testSummary({ unit, e2e, unitStatus, e2eStatus, root }) {
  const lines = [];
  const failures = unitFailures(unit, root);
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (unit) {
    const skipped = unit.numPendingTests + unit.numTodoTests;
    counts.passed += unit.numPassedTests;
    counts.failed += unit.numFailedTests;
    counts.skipped += skipped;
    lines.push(`vitest: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${skipped} skipped`);
  }
  if (e2e) {
    const { expected, unexpected, flaky, skipped } = e2e.stats;
    // Playwright's list reporter shows a skip but not its reason: say each reason once.
    const reasons = new Set();
    eachE2eTest(e2e.suites, (spec, t) => {
      if (t.status === 'skipped') for (const note of t.annotations) if (note.type === 'skip' && note.description) reasons.add(note.description);
      if (t.status === 'unexpected') failures.push(`${spec.file}:${spec.line} › ${spec.title} [${t.projectName}]: ${firstLine(t.results.at(-1)?.error?.message)}`);
    });
    for (const reason of reasons) lines.push(`skipped: ${reason}`);
    counts.passed += expected + flaky;
    counts.failed += unexpected;
    counts.skipped += skipped;
    lines.push(`playwright: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
  }
  for (const failure of failures) lines.push(`failed: ${failure}`);
  // A suite that crashed before writing its report is a failure, not a pass.
  if (!unit || (unitStatus !== 0 && unit.numFailedTests === 0)) counts.failed += 1;
  if (!e2e || (e2eStatus !== 0 && e2e.stats.unexpected === 0)) counts.failed += 1;
  lines.push(`total: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return { lines, ok: counts.failed === 0 && unitStatus === 0 && e2eStatus === 0 };
}

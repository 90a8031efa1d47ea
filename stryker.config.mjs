// @ts-check
/**
 * Mutation testing (`npm run mutate`, not part of `npm test`): StrykerJS breaks the data-path
 * modules one change at a time and runs the tests that cover each change; a change no test notices
 * is a test missing. The HTML report lands in reports/mutation/.
 *
 * - The vitest runner runs tests in worker threads inside Stryker's sandbox copy of the repo, whose
 *   node_modules is a link to ours, so better-sqlite3's native build loads as in `npm test`.
 * - Tests that spawn a process of our source under tsx (the hub in hub-restart-dedup, the
 *   wall-writer fixture with MUTATE_KILL_TESTS=1) run the sandbox's instrumented copy;
 *   test/helpers/child-env.ts hands them the active mutant, so a mutant is live there too.
 * - out/ is copied too: kill-hub-mid-stream runs the built hub (unmutated) against the mutated wall.
 * - perTest coverage and vitest's `related` keep each mutant to the tests that reach its file.
 * - Concurrency 2: the machine has two cores, shared.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.mts', related: true },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants and the zod schemas built at import) need every related
  // test file per mutant, about 80% of the run for a quarter of the mutants: on two shared cores a
  // run would take most of a day. The schemas' limits are exercised through load-config's tests.
  ignoreStatic: true,
  mutate: [
    'src-hub/store/**/*.ts',
    'src-hub/ingest/**/*.ts',
    'src-main/cache/**/*.ts',
    'src-main/hub/**/*.ts',
    'src-main/snapshots/**/*.ts',
    'src-main/config/**/*.ts',
    // The demo's walls and operations are data, not behaviour: a changed title or tile kills nothing worth having.
    '!src-main/config/default-walls.ts',
    '!src-main/config/default-operations.ts',
  ],
  // Only our sources: assets/ holds MPEG-TS clips named *.ts, which are video, not TypeScript.
  disableTypeChecks: '{src-hub,src-main,src-shared,test}/**/*.{ts,tsx,mts}',
  ignorePatterns: ['/release', '/dist', '/reports', '/test-results', '/playwright-report', '/.cache', '/.stryker-tmp*'],
  concurrency: 2,
  // Integration tests wait on real servers and processes; a mutant that stalls one is a timeout (killed).
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};

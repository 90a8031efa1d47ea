import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/hub-fixtures';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'test-summary');
const temp = tempDir('ioc-test-summary-');

/** scripts/test-summary.mjs, loaded at run time as `npm test` loads it. */
async function summaryModule(): Promise<typeof import('../../../scripts/test-summary.mjs')> {
  return (await import(pathToFileURL(join(ROOT, 'scripts/test-summary.mjs')).href)) as typeof import('../../../scripts/test-summary.mjs');
}

/**
 * Real reports: the sample suites run by vitest and Playwright. Each has a test that passes, one
 * that fails and one that is skipped; vitest's also has a file that fails as it loads.
 */
let unit: unknown;
let e2e: unknown;
beforeAll(() => {
  const unitFile = join(temp.dir, 'unit.json');
  const vitest = spawnSync(join(ROOT, 'node_modules', '.bin', 'vitest'), ['run', '--config', join(FIXTURE, 'vitest.config.mjs'), '--reporter=json', `--outputFile.json=${unitFile}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SAMPLE_CACHE: join(temp.dir, 'cache') },
  });
  expect(vitest.status).toBe(1);
  unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  const playwright = spawnSync(join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', '--config', join(FIXTURE, 'playwright.config.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PLAYWRIGHT_SAMPLE_OUT: join(temp.dir, 'results') },
  });
  expect(playwright.status).toBe(1);
  e2e = JSON.parse(playwright.stdout);
}, 60_000);
afterAll(() => temp.remove());

describe("npm test's summary", () => {
  it('names each failed test with its file and first error line, says why tests were skipped, and adds up', async () => {
    const { testSummary } = await summaryModule();
    const { lines, ok } = testSummary({ unit, e2e, unitStatus: 1, e2eStatus: 1, root: ROOT });
    expect(ok).toBe(false);
    expect(lines.slice(0, 3)).toEqual(['vitest: 1 passed, 1 failed, 1 skipped', 'skipped: a reason given once', 'playwright: 1 passed, 1 failed, 1 skipped']);
    // The failed ones, vitest's in the order its report lists its files, then Playwright's; the total last.
    const failed = lines.slice(3, -1);
    expect(failed).toHaveLength(3);
    expect(failed).toEqual(
      expect.arrayContaining([
        'failed: test/fixtures/test-summary/broken.sample.ts: this sample file cannot load',
        expect.stringMatching(/^failed: test\/fixtures\/test-summary\/summary\.sample\.ts › fails on purpose: AssertionError: expected 'shown' to be 'in the summary'/),
      ]),
    );
    expect(failed[2]).toMatch(/^failed: summary\.spec\.mjs:\d+ › fails on purpose \[sample\]: Error: expect\(received\)\.toBe\(expected\)/);
    expect(lines.at(-1)).toBe('total: 2 passed, 2 failed, 2 skipped');
  });

  it('counts a suite that wrote no report, or failed with every test passing, as a failure', async () => {
    const { testSummary } = await summaryModule();
    expect(testSummary({ unit: null, e2e, unitStatus: 1, e2eStatus: 1, root: ROOT }).lines.at(-1)).toBe('total: 1 passed, 2 failed, 1 skipped');
    const passing = { ...(unit as object), numFailedTests: 0, testResults: [] };
    const { lines, ok } = testSummary({ unit: passing, e2e: null, unitStatus: 1, e2eStatus: 0, root: ROOT });
    expect(ok).toBe(false);
    expect(lines).toEqual(['vitest: 1 passed, 0 failed, 1 skipped', 'total: 1 passed, 2 failed, 1 skipped']);
  });
});

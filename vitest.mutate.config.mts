import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Stryker stops a mutant's run at the first failing test (bail), so the cheap tests go first: unit
 * tests, then integration tests, then the ones that spawn processes. vitest's own order (slowest
 * first) would start every mutant with the 8-second kill test.
 */
class CheapFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number =>
      /\/test\/unit\//.test(file.moduleId) ? 0 : /kill-|hub-restart|hub-process/.test(file.moduleId) ? 2 : 1;
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}


/**
 * The vitest run StrykerJS uses (`npm run mutate`, stryker.config.mjs): only the unit and
 * integration tests of the modules it mutates, so each mutant runs the tests that can kill it.
 * Left out: tests of the built bundle (hub-process, packaging, browser-host: they run out/, which
 * Stryker never mutates), the HLS and demo-feed tests (no mutated module), and Playwright e2e.
 */
export default defineConfig({
  test: {
    include: [
      'test/unit/hub/hub-store.test.ts',
      'test/unit/hub/ingest-records.test.ts',
      'test/unit/hub/alert-ack.test.ts',
      'test/unit/main/hub-sync.test.ts',
      'test/unit/main/load-config.test.ts',
      'test/unit/main/open-wall-cache.test.ts',
      'test/unit/main/offline-hub-client.test.ts',
      'test/unit/main/rejection-log.test.ts',
      'test/unit/main/renderer-outbox.test.ts',
      'test/unit/main/snapshot-store.test.ts',
      'test/unit/main/wall-cache.test.ts',
      'test/unit/operations/**/*.test.ts',
      'test/integration/hub-client.test.ts',
      'test/integration/hub/alert-ack.test.ts',
      'test/integration/hub/hub-client-ack.test.ts',
      'test/integration/hub/ingest-api.test.ts',
      'test/integration/hub/ingest-fuzz.test.ts',
      'test/integration/hub/wall-resync.test.ts',
      'test/integration/hub/hub-restart-dedup.test.ts',
      'test/integration/operations/**/*.test.ts',
      'test/integration/wall/**/*.test.ts',
    ],
    // The kill tests (a wall or hub process SIGKILLed over and over) take 10 to 60 s a run on two
    // shared cores, and would run for every mutant the quicker tests leave alive: hours. The
    // behaviour they guard has quick tests of its own (wall-cache, hub-store, hub-restart-dedup);
    // MUTATE_KILL_TESTS=1 npm run mutate takes them in too, for a long run.
    exclude: process.env.MUTATE_KILL_TESTS === '1' ? [] : ['test/integration/wall/kill-*.test.ts'],
    sequence: { sequencer: CheapFirst },
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';

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
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

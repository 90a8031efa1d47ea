import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against browser mode (and Electron where its binary exists).
 * Flags: the machines here have no route out, so Chromium's background calls are switched off;
 * --disable-gpu leaves WebGL to SwiftShader, which Playwright enables by default.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.cache/reports/e2e.json' }]],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1920, height: 1080 },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser-mode', testDir: 'test/e2e/browser' },
    { name: 'electron', testDir: 'test/e2e/electron' },
  ],
});

import type { Page } from '@playwright/test';

export type ReadyState = 'wall' | 'console' | 'sign-in' | 'wall-error';

/**
 * Waits for `<html data-ready>` to say `state` (src-renderer/readiness.ts). Asks the page afresh
 * every 100 ms rather than through `waitForFunction`, whose in-page poll can be lost when the page
 * reloads under it (signing in reloads the console).
 */
export async function waitForReady(page: Page, state: ReadyState, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string | undefined;
  while (Date.now() < deadline) {
    // During a reload there is no page to ask: that counts as not ready yet.
    last = await page.evaluate(() => document.documentElement.dataset.ready).catch(() => undefined);
    if (last === state) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`page ${page.url()} did not become "${state}" in ${timeoutMs} ms (last: ${last ?? 'nothing'})`);
}

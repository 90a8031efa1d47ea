import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../helpers/browser-host';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process';

/**
 * Offline-first, as an operator sees it: a wall that has been live keeps its picture when the hub
 * dies, and a wall restarted while the hub is still down paints the same values from its SQLite
 * cache, each tile saying how old its data is and marking it stale.
 */

const TOKEN = 'e2e-offline-token';
let hub: HubProcess | undefined;
let host: BrowserHost | undefined;

test.afterEach(async () => {
  await host?.stop();
  await hub?.kill();
  host = undefined;
  hub = undefined;
});

async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'wall', undefined, { timeout: 30_000 });
}

/** Every KPI tile's shown value, keyed by tile id. */
function kpiValues(page: Page): Promise<Record<string, string | null>> {
  return page
    .locator('[data-tile-kind="kpi"]')
    .evaluateAll((tiles) => Object.fromEntries(tiles.map((tile) => [tile.getAttribute('data-tile-id'), tile.querySelector('[data-kpi-value]')?.getAttribute('data-kpi-value') ?? null])));
}

test('a wall restarted with the hub down paints its cached state, with the age of each tile', async ({ page }) => {
  const work = mkdtempSync(join(tmpdir(), 'ioc-wall-offline-'));
  const dataDir = join(work, 'wall');
  hub = await startHubProcess([`--db=${join(work, 'hub.db')}`, '--port=0', `--token=${TOKEN}`]);
  const hubUrl = hub.url;
  host = await startBrowserHost({ hub: { url: hubUrl, token: TOKEN } }, { dataDir });

  await page.goto(host.wallUrl('1'));
  await waitReady(page);
  await expect(page.locator('[data-connection-status="live"]')).toBeVisible();
  await expect.poll(async () => Object.values(await kpiValues(page)).filter((v) => v !== null).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(9);

  // The hub dies: the live wall says so and keeps what it had.
  await hub.kill();
  hub = undefined;
  const pill = page.locator('[data-connection-status="offline"]');
  await expect(pill).toBeVisible({ timeout: 20_000 });
  // The last messages before the hub died may still be on their way to the screen (they are applied
  // once per frame): wait until the page shows everything the host holds.
  const hostSeq = await pill.getAttribute('data-host-seq');
  expect(Number(hostSeq)).toBeGreaterThan(0);
  await expect(pill).toHaveAttribute('data-applied-seq', hostSeq!);
  const lastSeen = await kpiValues(page);
  expect(Object.values(lastSeen).every((v) => v !== null && Number.isFinite(Number(v)))).toBe(true);

  // The wall restarts while the hub is still down; a 1 s threshold makes every KPI stale by now.
  await host.stop();
  host = await startBrowserHost({ hub: { url: hubUrl, token: TOKEN }, staleAfterSeconds: { kpi: 1 } }, { dataDir });
  await page.goto(host.wallUrl('1'));
  await waitReady(page);
  await expect(page.locator('[data-connection-status="live"]')).toHaveCount(0);
  expect(await kpiValues(page)).toEqual(lastSeen);

  const kpiTiles = page.locator('[data-tile-kind="kpi"]');
  const count = await kpiTiles.count();
  expect(count).toBeGreaterThanOrEqual(9);
  for (let i = 0; i < count; i += 1) {
    const tile = kpiTiles.nth(i);
    await expect(tile).not.toHaveAttribute('data-stale', 'fresh');
    await expect(tile.locator('.tile__age')).toContainText(/giây trước|phút trước|giờ trước/);
  }
  await page.screenshot({ path: join(work, 'offline-wall.png') });
  test.info().annotations.push({ type: 'screenshot', description: join(work, 'offline-wall.png') });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Layout } from '../../../src-shared/domain';
import { DEFAULT_LAYOUTS, DEFAULT_WALLS } from '../../../src-main/config/default-walls';
import { startBrowserHost, type BrowserHost } from '../../helpers/browser-host';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process';
import { ingestOrThrow } from '../../helpers/ingest';
import { brokenImages, smallestFont, textOverflows } from '../../helpers/text-fit';

/**
 * A wall read from across the room by people who did not configure it (issue 12): the demo's three
 * walls at the four screen sizes a province buys, with no text cut or spilling out of its box; at
 * 4K the type is as large as a reader at 5 m needs; data at the schema's limits (an unbroken
 * 120-character KPI name, a 24-character unit) stays inside its tile and the console stays as wide
 * as its window; and the pointer shows while it moves and hides when still.
 */

const TOKEN = 'e2e-legibility-token';
const KEY = 'e2e-legibility-key';
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 2560, height: 1440 },
  { width: 3840, height: 2160 },
] as const;
const LONG_KPI = 'chi-so-rat-dai';
const LONG_NAME = 'Tỷ'.padEnd(120, 'x');
const LONG_UNIT = 'đơn-vị-rất-dài-24-ký-tự'.padEnd(24, 'x');
const LONG_LAYOUT: Layout = {
  id: 'du-lieu-dai',
  name: 'Dữ liệu dài',
  cols: 3,
  rows: 2,
  tiles: [
    { id: 'dai', kind: 'kpi', kpiId: LONG_KPI, chart: 'line', area: { col: 1, row: 1, colSpan: 1, rowSpan: 1 } },
    { id: 'dai-gauge', kind: 'kpi', kpiId: LONG_KPI, chart: 'gauge', area: { col: 2, row: 1, colSpan: 1, rowSpan: 1 } },
    { id: 'thuong', kind: 'kpi', kpiId: 'tthc-on-time-rate', chart: 'line', area: { col: 3, row: 1, colSpan: 1, rowSpan: 1 } },
    { id: 'canh-bao', kind: 'ticker', area: { col: 1, row: 2, colSpan: 3, rowSpan: 1 } },
  ],
};

let hub: HubProcess | undefined;
let host: BrowserHost | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const work = mkdtempSync(join(tmpdir(), 'ioc-e2e-legibility-'));
  const hubConfig = join(work, 'hub.json');
  writeFileSync(hubConfig, JSON.stringify({ port: 0, dbPath: join(work, 'hub.db'), wallTokens: [TOKEN], demo: true, departments: [{ id: 'so-thu-nghiem', name: 'Sở thử nghiệm', apiKey: KEY, topics: ['kpi-definition', 'kpi'] }] }));
  hub = await startHubProcess([`--config=${hubConfig}`]);
  await ingestOrThrow(hub.url, KEY, 'kpi-definition', [{ id: LONG_KPI, subsystem: 'socio-economic', vi: LONG_NAME, en: LONG_NAME, unit: LONG_UNIT, decimals: 1, target: 123456.7 }]);
  await ingestOrThrow(hub.url, KEY, 'kpi', [{ kpiId: LONG_KPI, subsystem: 'socio-economic', value: 987654321.5, unit: LONG_UNIT, time: new Date().toISOString() }]);
  host = await startBrowserHost(
    { hub: { url: hub.url, token: TOKEN }, layouts: [...DEFAULT_LAYOUTS, LONG_LAYOUT], walls: [...DEFAULT_WALLS, { id: 'dai', name: 'Màn hình dữ liệu dài', layoutId: LONG_LAYOUT.id }] },
    { dataDir: join(work, 'host') },
  );
});

test.afterAll(async () => {
  await host?.stop();
  await hub?.stop();
});

async function openWall(page: Page, wallId: string): Promise<void> {
  await page.goto(host!.wallUrl(wallId));
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'wall', undefined, { timeout: 30_000 });
  // What a reader sees once settled: the KPI charts arrived, the map drawn.
  await page.waitForFunction(() => document.querySelectorAll('.kpi-chart--pending').length === 0, undefined, { timeout: 20_000 });
  // The map's text is its legend and callout (HTML); its drawing is checked by map.spec.ts.
  if (wallId === '3') await page.locator('[data-tile-id="ban-do"] .map-legend').waitFor({ timeout: 30_000 });
}

for (const wallId of ['1', '2', '3']) {
  test(`demo wall ${wallId} at 1366×768, 1920×1080, 2560×1440 and 3840×2160: no text cut or spilling out of its box`, async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await browser.newPage({ viewport: SIZES[0] });
    await openWall(page, wallId);
    // One page resized through the sizes: the layout is all CSS and resize observers, as on a screen of that size.
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForFunction((width) => window.innerWidth === width, size.width);
      await page.waitForTimeout(800);
      expect.soft(await textOverflows(page, '.wall-bar, .tile, .takeover-banner'), `wall ${wallId} at ${size.width}×${size.height}`).toEqual([]);
      expect.soft(await brokenImages(page), `wall ${wallId} at ${size.width}: images without a picture`).toEqual([]);
    }
    await page.close();
  });
}

test('at 3840×2160 the type is large enough to read from 5 m', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
  await openWall(page, '1');
  const minimum: Array<[string, string, number]> = [
    ['tile titles', '.tile__title', 36],
    ['tile subsystem lines', '.tile__eyebrow', 24],
    ['data ages', '.tile__age', 24],
    ['camera badges', '.camera__badge', 24],
    ['alert rows', '.ticker-row', 24],
    ['the clock', '.wall-clock__time', 56],
    ['the connection state', '.connection-pill', 24],
  ];
  for (const [role, selector, px] of minimum) {
    const smallest = await smallestFont(page, selector);
    expect(smallest, `${role} (${selector}) are shown`).not.toBeNull();
    expect(smallest!, `${role} (${selector})`).toBeGreaterThanOrEqual(px);
  }
  // The same roles at 1920×1080 are half that: the size follows the screen, not a fixed pixel count.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(() => smallestFont(page, '.tile__title')).toBeLessThan(20);
  await page.close();
});

test('data at the schema limits stays inside its tile, on the wall and on the console', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const size of [SIZES[0], SIZES[1], SIZES[3]]) {
    const page = await browser.newPage({ viewport: size });
    await openWall(page, 'dai');
    await expect(page.locator('[data-tile-id="dai"] .kpi-reading__unit')).toHaveText(LONG_UNIT);
    // The unbroken name may end in an ellipsis (it is past 120 characters of sense), but nothing spills.
    expect(await textOverflows(page, '.tile'), `${size.width}×${size.height}`).toEqual([]);
    for (const tile of ['dai', 'dai-gauge']) {
      const outside = await page.locator(`[data-tile-id="${tile}"]`).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return [...el.querySelectorAll('*')]
          .filter((child) => {
            const r = child.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
          })
          .map((child) => `${child.tagName}.${child.getAttribute('class') ?? ''}`);
      });
      expect(outside, `parts of tile ${tile} past its sides at ${size.width}`).toEqual([]);
    }
    await page.close();
  }
  const console = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await host!.openConsole(console);
  await expect(console.locator('.kpi-groups').getByText(LONG_UNIT, { exact: false }).first()).toBeVisible();
  expect(await console.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1920);
  await console.close();
});

test('the pointer shows while it moves and hides after 3 s still', async ({ browser }) => {
  const page = await browser.newPage();
  await openWall(page, '1');
  const cursor = () => page.evaluate(() => getComputedStyle(document.querySelector('.tile')!).cursor);
  // A wall opens with nobody at it: no arrow over the pictures.
  expect(await cursor()).toBe('none');
  // The page's own clock times the hiding, so a busy test machine cannot blur it.
  await page.evaluate(() => {
    const w = window as unknown as { moves: number[]; hiddenAt: number[] };
    w.moves = [];
    w.hiddenAt = [];
    window.addEventListener('pointermove', () => w.moves.push(performance.now()), { capture: true });
    new MutationObserver(() => {
      if (document.documentElement.dataset.pointer === 'idle') w.hiddenAt.push(performance.now());
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-pointer'] });
  });
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  expect(await cursor()).not.toBe('none');
  // Moving again before 3 s keeps it …
  await page.waitForTimeout(2_000);
  await page.mouse.move(440, 330);
  expect(await cursor()).not.toBe('none');
  // … and it goes once the pointer has been still for 3 s, never sooner after any move.
  await expect.poll(cursor, { timeout: 10_000, intervals: [250] }).toBe('none');
  const timing = await page.evaluate(() => {
    const w = window as unknown as { moves: number[]; hiddenAt: number[] };
    return { moves: w.moves, hiddenAt: w.hiddenAt };
  });
  expect(timing.hiddenAt.length).toBeGreaterThan(0);
  for (const hidden of timing.hiddenAt) {
    const lastMoveBefore = Math.max(...timing.moves.filter((move) => move < hidden));
    expect(hidden - lastMoveBefore, `hidden ${hidden} after the move at ${lastMoveBefore}`).toBeGreaterThanOrEqual(2_950);
  }
  // It comes back with the next move.
  await page.mouse.move(300, 200);
  expect(await cursor()).not.toBe('none');
  await page.close();
});

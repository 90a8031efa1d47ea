import { expect, test, type Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../helpers/browser-host';

let host: BrowserHost;
test.beforeAll(async () => {
  host = await startBrowserHost();
});
test.afterAll(async () => {
  await host?.stop();
});

/** Collects what the page complains about, so CSP violations and crashes fail the test. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

async function waitReady(page: Page, app: 'wall' | 'console'): Promise<void> {
  await page.waitForFunction((expected) => document.documentElement.dataset.ready === expected, app, { timeout: 30_000 });
}

test('wall 1 goes live: camera decodes frames and a KPI changes value', async ({ page }) => {
  const problems = watchProblems(page);
  const response = await page.goto(host.wallUrl('1'));
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await waitReady(page, 'wall');
  await expect(page.locator('[data-connection-status="live"]')).toBeVisible();

  const camera = page.locator('[data-tile-kind="camera"]').first();
  await expect(camera.locator('[data-camera-state]')).toHaveAttribute('data-camera-state', 'live', { timeout: 30_000 });
  const frames = () => camera.locator('video').evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);
  const first = await frames();
  expect(first).toBeGreaterThan(0);
  await expect.poll(frames, { timeout: 15_000 }).toBeGreaterThan(first + 10);

  // Every KPI tile on the overview; at least one updates every two seconds in the demo.
  const values = page.locator('[data-tile-kind="kpi"] [data-kpi-value]');
  await expect(values.first()).toBeVisible();
  const before = await values.evaluateAll((els) => els.map((el) => el.getAttribute('data-kpi-value')));
  expect(before.length).toBeGreaterThanOrEqual(9);
  expect(before.every((v) => v !== null && Number.isFinite(Number(v)))).toBe(true);
  await expect
    .poll(async () => {
      const now = await values.evaluateAll((els) => els.map((el) => el.getAttribute('data-kpi-value')));
      return now.some((v, i) => v !== before[i]);
    }, { timeout: 15_000 })
    .toBe(true);

  expect(problems).toEqual([]);
});

test('every tile of the overview shows content, in Vietnamese', async ({ page }) => {
  await page.goto(host.wallUrl('1'));
  await waitReady(page, 'wall');
  const tiles = page.locator('[data-tile-id]');
  await expect(tiles).toHaveCount(13);
  await expect(page.locator('body')).toContainText('Hồ sơ TTHC');
  await expect(page.locator('[data-tile-kind="ticker"]')).toContainText(/Phường |Xã |Đặc khu /);
  const empty = await tiles.evaluateAll((els) => els.filter((el) => (el.textContent ?? '').trim().length === 0).map((el) => el.getAttribute('data-tile-id')));
  expect(empty).toEqual([]);
});

test('the console lists the walls with links to them', async ({ page }) => {
  const problems = watchProblems(page);
  await host.openConsole(page);
  await expect(page.locator('.wall-card[data-wall-id="1"]')).toContainText('Màn hình tổng quan');
  await expect(page.locator('.wall-card[data-wall-id="2"]')).toContainText('Màn hình camera');
  // The link carries the wall's key, so a wall opened from the console connects.
  await expect(page.locator(`a[href="${host.wallUrl('1')}"]`)).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('a preset applied on the console moves the open wall to its layout, and the console says which is on', async ({ page, context }) => {
  const problems = watchProblems(page);
  const wall = await context.newPage();
  await wall.goto(host.wallUrl('1'));
  await waitReady(wall, 'wall');
  await expect(wall.locator('main.wall-grid')).toHaveAttribute('data-layout-id', 'tong-quan');

  await host.openConsole(page);
  const traffic = page.locator('[data-preset-id="dieu-hanh-giao-thong"]');
  await expect(traffic).toContainText('Điều hành giao thông');
  await expect(traffic).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('[data-preset-id="giao-ban-thu-hai"]')).toHaveAttribute('aria-pressed', 'true');
  await traffic.click();
  await expect(wall.locator('main.wall-grid')).toHaveAttribute('data-layout-id', 'giao-thong');
  await expect(wall.locator('[data-tile-kind="camera-tour"] [data-camera-state]')).toHaveAttribute('data-camera-state', 'live', { timeout: 20_000 });
  await expect(traffic).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.wall-card[data-wall-id="1"]')).toContainText('Điều hành giao thông');

  // Back to the morning briefing, so the other tests see the demo's first layout.
  await page.locator('[data-preset-id="giao-ban-thu-hai"]').click();
  await expect(wall.locator('main.wall-grid')).toHaveAttribute('data-layout-id', 'tong-quan');
  await expect(page.locator('[data-preset-id="giao-ban-thu-hai"]')).toHaveAttribute('aria-pressed', 'true');
  expect(problems).toEqual([]);
});

test('an unknown wall shows a clear error instead of an empty screen', async ({ page }) => {
  await page.goto(host.wallUrl('khong-co'));
  await expect(page.locator('body')).toContainText('khong-co', { timeout: 20_000 });
  await expect(page.locator('[data-tile-id]')).toHaveCount(0);
});

test('the bridge refuses requests that break the contract', async ({ page }) => {
  await host.openConsole(page);
  const session = await host.signIn();
  // Talk to the host's socket.io bridge the way a hostile page script would, via a raw WebSocket.
  const answers = await page.evaluate(async (token) => {
    const ws = new WebSocket(`${location.origin.replace('http', 'ws')}/bridge/?EIO=4&transport=websocket`);
    const received: string[] = [];
    await new Promise<void>((resolve) => {
      ws.onmessage = (event) => {
        const data = String(event.data);
        received.push(data);
        if (data.startsWith('0')) ws.send(`40${JSON.stringify({ role: 'console', session: token })}`);
        if (data.startsWith('40')) {
          ws.send('421["invoke","fs:read","/etc/passwd"]');
          ws.send('422["invoke","wall:get",{"wallId":{"$ne":1}}]');
        }
        if (received.filter((r) => r.startsWith('43')).length === 2) resolve();
      };
    });
    ws.close();
    return received.filter((r) => r.startsWith('43'));
  }, session);
  expect(answers.join('\n')).toContain('unknown channel');
  expect(answers.join('\n')).toContain('invalid request');
});

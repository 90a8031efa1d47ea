import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { OPERATOR_CONFIG, startOperatorWalls, waitReady, type OperatorWalls } from '../../helpers/operator-walls';

/**
 * A wall page whose script hangs keeps its socket open, so only its heartbeats tell the host. In
 * browser mode the host did not start this page (Playwright did), so it cannot reload it: it says so
 * in its log and on the console, and clears it when the page answers again. Errors the page meets
 * reach the host's log file and the console's list.
 */

const CONFIG = { ...OPERATOR_CONFIG, walls: [{ id: '1', name: 'Tường trái', layoutId: OPERATOR_CONFIG.walls[0]!.layoutId }], presets: [], agendas: [], rules: [], schedules: [] };

let walls: OperatorWalls;
test.beforeAll(async () => {
  test.setTimeout(90_000);
  walls = await startOperatorWalls(CONFIG);
});
test.afterAll(async () => {
  await walls?.stop();
});

const logFile = (): string => readFileSync(join(walls.host.dataDir, 'logs', 'ioc-wall.log'), 'utf8');

test('a hung wall page is reported silent on the console and in the log, then answering again; its errors reach the log file', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await wall.goto(walls.host.wallUrl('1'));
  await waitReady(wall, 'wall');
  const desk = await context.newPage();
  await walls.host.openConsole(desk, 'admin');
  const row = desk.locator('.shell-walls__wall[data-wall-id="1"]');
  await expect(row).toHaveAttribute('data-wall-health', 'answering');
  await expect(desk.locator('[data-display-sleep]')).toHaveAttribute('data-display-sleep', 'browser');
  await expect(desk.locator('.shell-panel .facts__mono')).toContainText('ioc-wall.log');

  // An error of the page's own: in the host's log file under the wall's name, and on the console.
  await wall.evaluate(() => setTimeout(() => { throw new Error('lỗi thử nghiệm e2e'); }, 0));
  await expect.poll(logFile).toMatch(/ERROR \[serve:liveness:page:wall 1\] .*lỗi thử nghiệm e2e/);
  await expect(desk.locator('.shell-errors')).toContainText('lỗi thử nghiệm e2e');

  // The page's main thread stops for 35 s (a script in a loop): no heartbeat for longer than 20 s.
  await wall.evaluate(() => setTimeout(() => { const end = Date.now() + 35_000; while (Date.now() < end); }, 0));
  await expect(row).toHaveAttribute('data-wall-health', 'silent', { timeout: 40_000 });
  await expect(row).toContainText('Không phản hồi');
  await expect(row.locator('.shell-walls__problem')).toContainText('Trang không phản hồi');
  // Also on the wall's card, where the operator looks first.
  await expect(desk.locator('.wall-card[data-wall-id="1"] .wall-health-note')).toContainText('Không phản hồi');
  expect(logFile()).toMatch(/wall window 1 has not answered for \d+ s: this host cannot reload it; reported on the console/);
  await desk.screenshot({ path: test.info().outputPath('console-wall-silent.png'), fullPage: true });
  // The loop ends, the page beats again.
  await expect(row).toHaveAttribute('data-wall-health', 'answering', { timeout: 30_000 });
  expect(logFile()).toMatch(/wall window 1 answers again/);
  await expect(desk.locator('.wall-card[data-wall-id="1"] .wall-health-note')).toHaveCount(0);
  await context.close();
});

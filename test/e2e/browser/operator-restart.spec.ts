import { expect, test, type Page } from '@playwright/test';
import { signInOnPage } from '../../helpers/browser-host';
import { OPERATOR_CONFIG, startOperatorWalls, waitReady, type OperatorWalls } from '../../helpers/operator-walls';

/**
 * What the walls show survives the wall PC: a preset applied before a host restart is on the walls
 * (and named on the console) after it, and a running briefing agenda comes back on the same step,
 * its clock having stopped while the host was down. The pages stay open through the restart and
 * reconnect by themselves, as kiosk walls do.
 */

let walls: OperatorWalls;
test.beforeAll(async () => {
  // Short steps, so the agenda's own clock is seen to move.
  const agendas = [{ ...OPERATOR_CONFIG.agendas[0]!, steps: OPERATOR_CONFIG.agendas[0]!.steps.map((s, i) => (i === 0 ? { ...s, dwellSeconds: 6 } : s)) }];
  walls = await startOperatorWalls({ ...OPERATOR_CONFIG, agendas });
});
test.afterAll(async () => {
  await walls?.stop();
});

const layoutOf = (page: Page) => page.locator('main.wall-grid');

test('a host restart keeps the applied preset: the walls come back on it and the console says so', async ({ context }) => {
  test.setTimeout(120_000);
  const { console, walls: pages } = await walls.openAll(context);
  await console.locator('[data-preset-id="giao-thong"]').click();
  await expect(layoutOf(pages['1']!)).toHaveAttribute('data-layout-id', 'giao-thong');
  await expect(console.locator('[data-preset-id="giao-thong"]')).toHaveAttribute('aria-pressed', 'true');

  await walls.restartHost();
  // The open walls find the host again and reload on their own; the console's session did not
  // survive the restart (sessions live in the host's memory), so it asks the operator to sign in.
  for (const page of Object.values(pages)) await waitReady(page, 'wall');
  await expect(console.locator('.sign-in__notice')).toHaveAttribute('data-reason', 'refused', { timeout: 30_000 });
  await signInOnPage(console);
  await expect(layoutOf(pages['1']!)).toHaveAttribute('data-layout-id', 'giao-thong');
  await expect(layoutOf(pages['2']!)).toHaveAttribute('data-layout-id', 'tong-quan');
  await expect(layoutOf(pages['3']!)).toHaveAttribute('data-layout-id', 'moi-truong');
  await expect(console.locator('[data-preset-id="giao-thong"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(console.locator('[data-preset-id="giao-ban"]')).toHaveAttribute('aria-pressed', 'false');
});

test('an agenda steps by its own clock and, after a host restart, resumes the same step', async ({ context }) => {
  test.setTimeout(120_000);
  const { console, walls: pages } = await walls.openAll(context);
  await walls.bridge.command('preset.apply', { presetId: 'ban-dem' });
  await expect(layoutOf(pages['1']!)).toHaveAttribute('data-layout-id', 'ban-dem');
  await walls.bridge.command('agenda.start', { agendaId: 'giao-ban-e2e' });
  await expect(layoutOf(pages['1']!)).toHaveAttribute('data-layout-id', 'tong-quan');
  // Step 1 lasts 6 s; then the agenda moves the walls to step 2 by itself.
  await expect(layoutOf(pages['1']!)).toHaveAttribute('data-layout-id', 'giao-thong', { timeout: 12_000 });
  await expect(layoutOf(pages['3']!)).toHaveAttribute('data-layout-id', 'moi-truong');
  expect((await walls.state()).agenda).toMatchObject({ agendaId: 'giao-ban-e2e', step: 1, state: 'running' });
  await expect(pages['1']!.locator('.wall')).toHaveAttribute('data-source', 'agenda');

  await walls.restartHost();
  for (const page of Object.values(pages)) await waitReady(page, 'wall');
  await signInOnPage(console);
  expect((await walls.state()).agenda).toMatchObject({ agendaId: 'giao-ban-e2e', step: 1, state: 'running' });
  await expect(layoutOf(pages['1']!)).toHaveAttribute('data-layout-id', 'giao-thong');
  await walls.bridge.command('agenda.next', {});
  await expect(layoutOf(pages['3']!)).toHaveAttribute('data-layout-id', 'tong-quan');
  await walls.bridge.command('agenda.stop', {});
});

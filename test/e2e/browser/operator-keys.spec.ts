import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_KEY_TABLE } from '../../../src-shared/keys/key-table';
import { operatorAlert, startOperatorWalls, waitReady, type OperatorWalls } from '../../helpers/operator-walls';

/**
 * Every default key, pressed as an operator would in browser mode: in the console and in a wall
 * window, each doing what the key table says on every open wall (the host runs it as a key press),
 * the help overlay listing them all, and a refused key saying why on screen.
 */

let walls: OperatorWalls;
test.beforeAll(async () => {
  walls = await startOperatorWalls();
});
test.afterAll(async () => {
  await walls?.stop();
});

const layoutOf = (page: Page) => page.locator('main.wall-grid');

async function expectLayouts(pages: Record<string, Page>, expected: Record<string, string>): Promise<void> {
  for (const [wallId, layoutId] of Object.entries(expected)) await expect(layoutOf(pages[wallId]!), `wall ${wallId}`).toHaveAttribute('data-layout-id', layoutId);
}

test('every default key works in the console, on every open wall', async ({ context }) => {
  test.setTimeout(120_000);
  const { console, walls: pages } = await walls.openAll(context);
  const press = (key: string) => console.keyboard.press(key);

  // Ctrl+Alt+2: the second preset, in console order, on every wall at once.
  await press('Control+Alt+2');
  await expectLayouts(pages, { '1': 'giao-thong', '2': 'tong-quan', '3': 'moi-truong' });
  await expect(console.locator('[data-preset-id="giao-thong"]')).toHaveAttribute('aria-pressed', 'true');
  await press('Control+Alt+3');
  await expectLayouts(pages, { '1': 'ban-dem', '2': 'ban-dem', '3': 'ban-dem' });
  await press('Control+Alt+1');
  await expectLayouts(pages, { '1': 'tong-quan', '2': 'moi-truong', '3': 'ban-dem' });
  // Ctrl+Alt+Z: undo the last change to the walls (the first preset), back to the night preset.
  await press('Control+Alt+Z');
  await expectLayouts(pages, { '1': 'ban-dem', '2': 'ban-dem', '3': 'ban-dem' });

  // Ctrl+Alt+PageDown / PageUp choose the wall the wall keys act on; Ctrl+Alt+. and , step its layout.
  expect((await walls.state()).targetWallId).toBe('1');
  await press('Control+Alt+PageDown');
  await expect.poll(async () => (await walls.state()).targetWallId).toBe('2');
  await press('Control+Alt+.');
  await expectLayouts(pages, { '1': 'ban-dem', '2': 'tong-quan', '3': 'ban-dem' });
  await press('Control+Alt+.');
  await expectLayouts(pages, { '2': 'giao-thong' });
  await press('Control+Alt+,');
  await expectLayouts(pages, { '2': 'tong-quan' });
  await press('Control+Alt+PageUp');
  await expect.poll(async () => (await walls.state()).targetWallId).toBe('1');

  // The agenda: A start, N next, B back, H hold and resume, E end.
  await press('Control+Alt+A');
  await expect.poll(async () => (await walls.state()).agenda).toMatchObject({ agendaId: 'giao-ban-e2e', step: 0, state: 'running' });
  await expectLayouts(pages, { '1': 'tong-quan', '2': 'moi-truong', '3': 'ban-dem' });
  await press('Control+Alt+N');
  await expect.poll(async () => (await walls.state()).agenda?.step).toBe(1);
  await expectLayouts(pages, { '1': 'giao-thong', '2': 'tong-quan', '3': 'moi-truong' });
  await press('Control+Alt+B');
  await expect.poll(async () => (await walls.state()).agenda?.step).toBe(0);
  await press('Control+Alt+H');
  await expect.poll(async () => (await walls.state()).agenda?.state).toBe('held');
  await press('Control+Alt+H');
  await expect.poll(async () => (await walls.state()).agenda?.state).toBe('running');
  await press('Control+Alt+E');
  await expect.poll(async () => (await walls.state()).agenda).toBeNull();

  // A rule takes wall 3 over: Ctrl+Alt+P pins it, Ctrl+Alt+X gives the wall back.
  await walls.postAlerts([operatorAlert('e2e-keys-1')]);
  const banner = pages['3']!.locator('.takeover-banner');
  await expect(banner).toContainText('Va chạm giao thông e2e-keys-1');
  await expect(pages['3']!.locator('.wall')).toHaveAttribute('data-enlarged-tile', 'wall-focus');
  await press('Control+Alt+P');
  await expect(banner).toHaveAttribute('data-pinned', 'true');
  await press('Control+Alt+X');
  await expect(banner).toHaveCount(0);
  await expect(pages['3']!.locator('.wall')).not.toHaveAttribute('data-enlarged-tile', /./);
  // Closed at the source, so it holds no camera tour in the tests after this one.
  await walls.postAlerts([operatorAlert('e2e-keys-1', { status: 'resolved' })]);

  // Ctrl+Alt+R reloads every wall: each page starts afresh and is ready again.
  for (const page of Object.values(pages)) await page.evaluate(() => ((window as unknown as { beforeReload?: boolean }).beforeReload = true));
  await press('Control+Alt+R');
  for (const page of Object.values(pages)) {
    // While the page reloads there is no window to ask; that counts as not reloaded yet.
    const marked = () => page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload ?? false).catch(() => true);
    await expect.poll(marked).toBe(false);
    await waitReady(page, 'wall');
  }

  // Ctrl+Alt+C brings the desktop console forward; browser mode has none, and says so on screen.
  await press('Control+Alt+C');
  await expect(console.locator('[data-key-refused="Ctrl+Alt+C"]')).toContainText('Chế độ trình duyệt');
  // Ctrl+Alt+9 names a preset that does not exist: refused, visibly, nothing changes.
  const before = await walls.state();
  await press('Control+Alt+9');
  await expect(console.locator('[data-key-refused="Ctrl+Alt+9"]')).toContainText('Chưa có kịch bản số 9');
  expect((await walls.state()).walls.map((w) => w.view.layout.id)).toEqual(before.walls.map((w) => w.view.layout.id));

  // Every key went to the host as a key press from the console; the rule's own takeover is the rule's.
  const recent = (await walls.state()).recent;
  expect(recent.filter((r) => !r.command.startsWith('takeover.start')).map((r) => r.by.en.replace(/ \(.*$/, ''))).toEqual(
    recent.filter((r) => !r.command.startsWith('takeover.start')).map((r) => `key ${/Ctrl\+Alt\+\S+/.exec(r.by.en)?.[0] ?? '?'} on the console`),
  );
  expect(recent.find((r) => r.command === 'takeover.start')?.by.en).toBe('rule va-cham (alert e2e-keys-1)');
});

test('F1 and ? open the help overlay in the console and on a wall, listing every key in Vietnamese', async ({ context }) => {
  const { console, walls: pages } = await walls.openAll(context);
  const help = console.locator('.help-overlay');
  await console.keyboard.press('F1');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Phím tắt');
  // Every binding has its row, the nine preset keys sharing one ("Ctrl+Alt+1 … 9").
  const consoleBindings = DEFAULT_KEY_TABLE.filter((b) => b.scope !== 'wall');
  await expect(help.locator('[data-binding]')).toHaveCount(consoleBindings.length - 8);
  await expect(help.locator('[data-binding="preset.1-9"]')).toContainText('Áp dụng kịch bản số 1 … 9');
  await expect(help.locator('[data-binding="walls.undo"] [data-accelerator="Ctrl+Alt+Z"]')).toHaveCount(1);
  await console.keyboard.press('Shift+Slash');
  await expect(help).toHaveCount(0);

  const wall = pages['1']!;
  await wall.keyboard.press('Shift+Slash');
  const wallHelp = wall.locator('.help-overlay');
  await expect(wallHelp).toBeVisible();
  await expect(wallHelp.locator('[data-binding]')).toHaveCount(DEFAULT_KEY_TABLE.length - 8);
  await expect(wallHelp.locator('[data-scope="wall"]')).toContainText('Phóng to camera hoặc bản đồ đang chọn');
  await wall.keyboard.press('F1');
  await expect(wallHelp).toHaveCount(0);
});

test('keys pressed on a wall: the wall may only change itself — a preset key is refused on screen; wall keys act on that wall through the host', async ({ context }) => {
  const { walls: pages } = await walls.openAll(context);
  const wall = pages['1']!;
  // Nobody is signed in at a wall window: changing what the walls show is for a signed-in console.
  await wall.keyboard.press('Control+Alt+2');
  await expect(wall.locator('[data-key-refused="Ctrl+Alt+2"]')).toContainText('đăng nhập trên bảng điều khiển');
  await expectLayouts(pages, { '1': 'tong-quan', '2': 'moi-truong', '3': 'ban-dem' });
  await expect.poll(async () => (await walls.state()).recent[0]).toMatchObject({ ok: false, by: { en: expect.stringMatching(/^key Ctrl\+Alt\+2 on wall 1/) } });

  // Arrows select, Enter enlarges the selected camera (the console sees it), Esc brings it back.
  await wall.keyboard.press('ArrowRight');
  await expect(wall.locator('[data-cell-id="cam"]')).toHaveAttribute('data-selected', 'true');
  // The enlarged view says how to get back, only while something is enlarged.
  const hint = wall.locator('[data-enlarged-hint]');
  await expect(hint).toHaveCount(0);
  await wall.keyboard.press('Enter');
  await expect(wall.locator('.wall')).toHaveAttribute('data-enlarged-tile', 'cam');
  await expect(hint).toBeVisible();
  await expect(hint.locator('kbd')).toHaveText('Esc');
  await expect.poll(async () => (await walls.state()).walls[0]?.view.enlargedTileId).toBe('cam');
  await wall.keyboard.press('Escape');
  await expect(wall.locator('.wall')).not.toHaveAttribute('data-enlarged-tile', /./);
  await expect(hint).toHaveCount(0);

  // On the traffic layout (put there from the console) the tour keys move the tour the host runs: N next, P back, Space pause.
  await walls.bridge.command('preset.apply', { presetId: 'giao-thong' });
  const tour = wall.locator('[data-tile-id="tour"] .camera__tour');
  await expect(tour).toHaveAttribute('data-tour-position', '1');
  await wall.keyboard.press('n');
  await expect(tour).toHaveAttribute('data-tour-position', '2');
  await wall.keyboard.press('p');
  await expect(tour).toHaveAttribute('data-tour-position', '1');
  await wall.keyboard.press('Space');
  await expect(tour).toHaveAttribute('data-tour-paused', 'true');
  await expect.poll(async () => (await walls.state()).walls[0]?.view.tours.tour?.paused).toBe(true);
  await wall.keyboard.press('Space');
  await walls.bridge.command('preset.apply', { presetId: 'giao-ban' });
  await expectLayouts(pages, { '1': 'tong-quan' });
});

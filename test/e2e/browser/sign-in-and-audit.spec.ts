import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInOnPage } from '../../helpers/browser-host';
import { OPERATOR_CONFIG, startOperatorWalls, waitReady, type OperatorWalls } from '../../helpers/operator-walls';
import { TEST_OPERATORS } from '../../helpers/test-operators';

/**
 * Who may do what, as the people in the room meet it: the console's sign-in (a wrong password, the
 * wait after several, then in), what a viewer can and cannot touch, the audit log on the console
 * with its filters and CSV export, signing out, and a wall opened without its key.
 */

let walls: OperatorWalls;
test.beforeAll(async () => {
  // A long first wait after failed sign-ins, so a loaded machine cannot outlast it between two tries.
  walls = await startOperatorWalls({ ...OPERATOR_CONFIG, access: { signInBackoffSeconds: 8 } });
});
test.afterAll(async () => {
  await walls?.stop();
});

test('a wrong password is refused, several make the operator wait, then the right one opens the desk', async ({ page }) => {
  await page.goto(`${walls.host.url}/console`);
  await waitReady(page, 'sign-in');
  const { username, password } = TEST_OPERATORS.operator;
  const tryPassword = async (attempt: string): Promise<void> => {
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(attempt);
    await page.locator('.sign-in__submit').click();
    // The answer empties the password field: typing the next one before it would lose it.
    await expect(page.locator('.sign-in__card:not([data-busy])')).toBeVisible();
  };
  await tryPassword('sai-mat-khau');
  await expect(page.locator('.sign-in__error')).toHaveText('Sai tên đăng nhập hoặc mật khẩu.');
  // The password field is emptied after a failure; the username stays.
  await expect(page.locator('input[name="password"]')).toHaveValue('');
  for (let i = 0; i < 3; i += 1) await tryPassword(`sai-${i}`);
  await tryPassword(password);
  await expect(page.locator('.sign-in__error')).toContainText(/Vui lòng thử lại sau [1-8] giây/);
  await page.waitForTimeout(8_500);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('.sign-in__submit').click();
  await waitReady(page, 'console');
  const chip = page.locator('.session-chip');
  await expect(chip).toHaveAttribute('data-username', username);
  await expect(chip).toContainText('Nguyễn Văn An');
  await expect(chip).toContainText('Điều hành');
});

test('the audit log shows who applied a preset, before → after, filters by account, and exports the day as CSV', async ({ page }) => {
  await walls.host.openConsole(page, 'operator');
  await page.locator('[data-preset-id="giao-thong"]').click();
  const row = page.locator('.audit-row[data-action="preset.apply"]').first();
  await expect(row).toHaveAttribute('data-result', 'ok');
  await expect(row.locator('.audit-row__who')).toHaveText('e2e-operator');
  await expect(row.locator('.audit-row__what')).toContainText('Áp dụng kịch bản giao-thong');
  await expect(row.locator('.audit-row__change')).toContainText('1: tong-quan → giao-thong');
  // Failed sign-ins of the test before are in the log too.
  await expect(page.locator('.audit-row[data-kind="sign-in-failed"]').first()).toBeVisible();

  await page.locator('[data-filter="operator"]').fill('e2e-viewer');
  await expect(page.locator('.audit-panel')).toContainText('Không có dòng nào khớp bộ lọc');
  await page.locator('[data-filter="operator"]').fill('');
  await page.locator('[data-filter="result"]').selectOption('refused');
  await expect(page.locator('.audit-row').first()).toHaveAttribute('data-result', 'refused');
  await page.locator('[data-filter="result"]').selectOption('');

  const download = page.waitForEvent('download');
  await page.locator('[data-audit-export]').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^nhat-ky-thao-tac_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('preset.apply');
  expect(csv).toContain('e2e-operator');
  await expect(page.locator('.audit-export__note')).toContainText(/Đã xuất \d+ dòng/);
  await walls.bridge.command('preset.apply', { presetId: 'giao-ban' });
});

test('a viewer sees the walls with every control switched off and no audit log', async ({ page }) => {
  await walls.host.openConsole(page, 'viewer');
  await expect(page.locator('.desk-notice--viewer')).toContainText('Tài khoản theo dõi');
  await expect(page.locator('[data-preset-id="giao-thong"]')).toBeDisabled();
  await expect(page.locator('.wall-card[data-wall-id="1"]')).toBeVisible();
  await expect(page.locator('.audit-panel')).toHaveCount(0);
  // A key is refused by the host too, not only by the page.
  await page.keyboard.press('Control+Alt+2');
  await expect(page.locator('[data-key-refused="Ctrl+Alt+2"]')).toContainText('theo dõi');
  expect((await walls.state()).walls[0]?.view.layout.id).toBe('tong-quan');
});

test('signing out ends the session: the sign-in screen says so, and the old session opens nothing', async ({ page }) => {
  await walls.host.openConsole(page, 'admin');
  const token = await page.evaluate(() => sessionStorage.getItem('ioc-wall.session'));
  expect(token).toBeTruthy();
  const reloaded = page.waitForEvent('load');
  await page.locator('.session-chip__out').click();
  await reloaded;
  await expect(page.locator('.sign-in__notice')).toHaveText('Bạn đã đăng xuất.');
  // Putting the old token back does not help: the host ended it.
  await page.evaluate((t) => sessionStorage.setItem('ioc-wall.session', t!), token);
  await page.reload();
  await expect(page.locator('.sign-in__notice')).toHaveAttribute('data-reason', 'refused');
  await signInOnPage(page, 'admin');
});

test('a wall opened without its key says so on screen and shows nothing of the walls', async ({ page }) => {
  await page.goto(`${walls.host.url}/wall/1`);
  await waitReady(page, 'wall-error');
  await expect(page.locator('.wall-message')).toContainText('chưa được phép kết nối');
  await expect(page.locator('[data-tile-id]')).toHaveCount(0);
  // With the key it connects, and the key leaves the address bar.
  await page.goto(walls.host.wallUrl('1'));
  await waitReady(page, 'wall');
  expect(page.url()).not.toContain('key=');
});

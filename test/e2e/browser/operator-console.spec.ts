import { expect, test, type Page } from '@playwright/test';
import { operatorAlert, startOperatorWalls, type OperatorWalls } from '../../helpers/operator-walls';

/**
 * The console as an operator uses it, with the walls open beside it: push a camera onto a chosen
 * tile of a chosen wall and take it back with undo; a rule takes a wall over when an alert comes in
 * and gives it back when the operator acknowledges the alert on the console — the acknowledgement
 * going through the real hub, so every console sees who took it.
 */

let walls: OperatorWalls;
test.beforeAll(async () => {
  walls = await startOperatorWalls();
});
test.afterAll(async () => {
  await walls?.stop();
});

const card = (page: Page, wallId: string) => page.locator(`.wall-card[data-wall-id="${wallId}"]`);

test('a camera found by district goes onto a chosen tile of a chosen wall, and undo takes it back', async ({ context }) => {
  const { console, walls: pages } = await walls.openAll(context);
  const wall2 = pages['2']!;
  await expect(wall2.locator('main.wall-grid')).toHaveAttribute('data-layout-id', 'moi-truong');
  await expect(wall2.locator('[data-tile-id="m2"]')).toHaveAttribute('data-tile-kind', 'text');

  // Search without diacritics, pick the camera, then click the tile on wall 2's miniature.
  await console.locator('[data-push-source="camera"]').click();
  await console.locator('input[data-search="camera"]').fill('vung tau');
  await console.locator('[data-camera-id="cam-b"]').click();
  await card(console, '2').locator('.wall-thumb [data-tile-id="m2"]').click();

  await expect(wall2.locator('[data-tile-id="m2"]')).toHaveAttribute('data-tile-kind', 'camera');
  await expect(wall2.locator('[data-cell-id="m2"]')).toHaveAttribute('data-pushed', 'true');
  await expect(wall2.locator('[data-tile-id="m2"] [data-camera-id]').first()).toHaveAttribute('data-camera-id', 'cam-b');
  await expect(card(console, '2').locator('.wall-thumb [data-tile-id="m2"]')).toHaveAttribute('data-pushed', 'true');
  // The other walls did not move.
  await expect(pages['1']!.locator('[data-cell-id="cam"]')).not.toHaveAttribute('data-pushed', /./);

  const undo = console.locator('[data-action="undo"]');
  await expect(undo).toContainText('Camera B');
  await undo.click();
  await expect(wall2.locator('[data-tile-id="m2"]')).toHaveAttribute('data-tile-kind', 'text');
  await expect(wall2.locator('[data-cell-id="m2"]')).not.toHaveAttribute('data-pushed', /./);
  const recent = (await walls.state()).recent;
  expect(recent[0]).toMatchObject({ command: 'walls.undo', by: { en: 'console (127.0.0.1) — e2e-operator', vi: 'bàn điều khiển (127.0.0.1) — e2e-operator' }, ok: true });
  expect(recent[1]).toMatchObject({ command: 'wall.push', label: { vi: 'Tường giữa, ô m2: Camera B' }, ok: true });
});

test('an alert takes a wall over, and acknowledging it on the console gives the wall back', async ({ context }) => {
  const { console, walls: pages } = await walls.openAll(context);
  const wall3 = pages['3']!;
  await walls.postAlerts([operatorAlert('e2e-console-1', { text: 'Va chạm liên hoàn trên QL51, đoạn qua cầu Cỏ May' })]);

  // The wall: the alert's camera over the whole wall, and a banner saying why and until when.
  await expect(wall3.locator('.wall')).toHaveAttribute('data-enlarged-tile', 'wall-focus');
  await expect(wall3.locator('[data-tile-id="wall-focus"] [data-camera-id]').first()).toHaveAttribute('data-camera-id', 'cam-b');
  const banner = wall3.locator('.takeover-banner');
  await expect(banner).toContainText('Va chạm liên hoàn trên QL51');
  await expect(banner).toContainText(/tự trở lại sau (9|10) phút/);
  // The console: the takeover on wall 3's card, the alert in the list.
  await expect(card(console, '3').locator('[data-takeover-id]')).toContainText('Va chạm giao thông');
  const row = console.locator('[data-alert-id="e2e-console-1"]');
  await expect(row).toHaveAttribute('data-status', 'open');

  await row.locator('[data-action="acknowledge"]').click();
  // The hub records who took it; the rule gives the wall back when that version comes back.
  await expect(row).toHaveAttribute('data-status', 'acknowledged');
  await expect(row.locator('[data-acknowledged-by]')).toContainText('Nguyễn Văn An');
  await expect(banner).toHaveCount(0);
  await expect(wall3.locator('.wall')).not.toHaveAttribute('data-enlarged-tile', /./);
  await expect(wall3.locator('main.wall-grid')).toHaveAttribute('data-layout-id', 'ban-dem');
  await expect(card(console, '3').locator('[data-takeover-id]')).toHaveCount(0);
  // Every wall got the acknowledged version through the hub: wall 1's ticker says so too.
  await expect(pages['1']!.locator('[data-tile-kind="ticker"]')).toContainText('Va chạm liên hoàn trên QL51');
  const alertRecord = (await walls.bridge.invoke('hub:state', undefined)).snapshot.messages.filter((m) => m.topic === 'alert' && m.payload.id === 'e2e-console-1').at(-1);
  expect(alertRecord?.payload).toMatchObject({ status: 'acknowledged', acknowledged: { by: 'Nguyễn Văn An (127.0.0.1)' } });
});

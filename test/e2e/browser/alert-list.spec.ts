import { expect, test, type Page } from '@playwright/test';
import type { Alert, Layout } from '../../../src-shared/domain';
import { OPERATOR_CONFIG, OPERATOR_LAYOUTS, startOperatorWalls, waitReady, type OperatorWalls } from '../../helpers/operator-walls';

/**
 * The alert lists an operator can trust, with a real hub process, the browser-mode host and
 * Chromium: the wall's ticker in working order (open, acknowledged, resolved; most severe; newest),
 * one row per alert through a resend and a status change, the status from the record's field, only
 * whole rows with "+N cảnh báo khác" for the rest at 1366×768 and 3840×2160, the category chip
 * clear of the place; and the console's list in the same order, filtered, the filter kept while
 * alerts arrive.
 */

const cell = (col: number, row: number, colSpan = 1, rowSpan = 1) => ({ col, row, colSpan, rowSpan });
/** The ticker in one cell of a 3×2 grid: narrow (two-line rows, 450 px) at 1366 px, wide at 3840 px. */
const ALERTS_LAYOUT: Layout = {
  id: 'canh-bao',
  name: 'Cảnh báo',
  cols: 3,
  rows: 2,
  tiles: [
    { id: 'note', kind: 'text', title: 'Ghi chú', text: 'Ca trực', area: cell(1, 1, 3, 1) },
    { id: 'alerts', kind: 'ticker', area: cell(1, 2) },
    { id: 'note2', kind: 'text', title: 'Ghi chú', text: 'Ca trực', area: cell(2, 2, 2, 1) },
  ],
};
const CONFIG = { ...OPERATOR_CONFIG, layouts: [...OPERATOR_LAYOUTS, ALERTS_LAYOUT], walls: [{ id: '1', name: 'Tường cảnh báo', layoutId: 'canh-bao' }], presets: [], agendas: [], rules: [] };

const STATUS_TEXT: Record<Alert['status'], string> = { open: 'Mới', acknowledged: 'Đã tiếp nhận', resolved: 'Đã xử lý' };
const STATUSES: Alert['status'][] = ['open', 'acknowledged', 'resolved'];
const SEVERITIES: Alert['severity'][] = ['info', 'critical', 'warning'];
const SUBSYSTEMS: Alert['subsystem'][] = ['environment', 'camera', 'citizen-feedback', 'infosec'];
const PLACES = ['Phường Phước Thắng', 'Phường Vũng Tàu', 'Đặc khu Côn Đảo', 'Xã Long Hải'];
const TOTAL = 40;

/** Forty alerts of every state, severity and age; some raised in the same minute (ties broken by id). */
function makeAlerts(now: number): Alert[] {
  return Array.from({ length: TOTAL }, (_, i): Alert => ({
    id: `e2e-canh-bao-${String(i).padStart(2, '0')}`,
    time: new Date(now - Math.floor(i / 2) * 60_000 - 120_000).toISOString(),
    severity: SEVERITIES[i % 3]!,
    subsystem: SUBSYSTEMS[i % 4]!,
    category: 'e2e',
    // The text of number 5 says it is handled; its status field says open, and the field is what counts.
    text: i === 5 ? 'Phản ánh về rác thải sinh hoạt đã được xử lý' : `Sự cố thử nghiệm số ${i} cần theo dõi tại hiện trường`,
    location: { district: PLACES[i % 4]! },
    status: i === 5 ? 'open' : STATUSES[Math.floor(i / 3) % 3]!,
  }));
}

/** The working order, written independently of the app's: state, then severity, then newest, then id. */
function expectedOrder(alerts: readonly Alert[]): string[] {
  const state = { open: 0, acknowledged: 1, resolved: 2 };
  const severity = { critical: 0, warning: 1, info: 2 };
  return [...alerts]
    .sort((a, b) => state[a.status] - state[b.status] || severity[a.severity] - severity[b.severity] || Date.parse(b.time) - Date.parse(a.time) || (a.id < b.id ? -1 : 1))
    .map((a) => a.id);
}

interface TickerRowState {
  id: string;
  status: string;
  statusText: string;
  visible: boolean;
  bottom: number;
  /** Chip and place on one line overlap by this many pixels (0: apart, or on different lines). */
  overlap: number;
}
interface TickerState {
  rows: TickerRowState[];
  listBottom: number;
  moreTop: number;
  /** The list's row gap: the ticker keeps it between the last whole row and the "+N" line. */
  gap: number;
  moreVisible: boolean;
  moreText: string;
  hidden: number;
}

async function tickerState(page: Page): Promise<TickerState> {
  // Rows slide in for half a second: measure where they land.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  return page.locator('[data-tile-id="alerts"]').evaluate((tile) => {
    const list = tile.querySelector<HTMLElement>('.ticker')!;
    const more = tile.querySelector<HTMLElement>('.ticker__more')!;
    const listBottom = list.getBoundingClientRect().bottom - Number.parseFloat(getComputedStyle(list).paddingBottom);
    const rows = [...list.querySelectorAll<HTMLElement>('.ticker-row')].map((row) => {
      const chip = row.querySelector('.ticker-row__subsystem')!.getBoundingClientRect();
      const place = row.querySelector('.ticker-row__district')!.getBoundingClientRect();
      const sameLine = chip.top < place.bottom && place.top < chip.bottom;
      return {
        id: row.dataset.feedId ?? '',
        status: row.dataset.status ?? '',
        statusText: row.querySelector('.ticker-row__status')?.textContent ?? '',
        visible: getComputedStyle(row).visibility === 'visible',
        bottom: row.getBoundingClientRect().bottom,
        overlap: sameLine ? Math.max(0, Math.min(chip.right, place.right) - Math.max(chip.left, place.left)) : 0,
      };
    });
    return { rows, listBottom, moreTop: more.getBoundingClientRect().top, gap: Number.parseFloat(getComputedStyle(list).rowGap) || 0, moreVisible: getComputedStyle(more).visibility === 'visible', moreText: more.textContent ?? '', hidden: Number(more.dataset.hiddenAlerts) };
  });
}

/** Everything a full ticker must hold, whatever the screen: see the spec's header. */
function expectWholeRows(state: TickerState, alerts: readonly Alert[]): number {
  const order = expectedOrder(alerts);
  const ids = state.rows.map((r) => r.id);
  expect(new Set(ids).size, 'one row per alert').toBe(ids.length);
  expect(ids).toEqual(order.slice(0, 30));
  const shown = state.rows.filter((r) => r.visible).length;
  // The rows shown are the top of the list, and at least one fits.
  expect(shown).toBeGreaterThan(0);
  expect(state.rows.slice(0, shown).every((r) => r.visible)).toBe(true);
  expect(shown, 'the test needs more alerts than fit').toBeLessThan(alerts.length);
  // "+N" names exactly the alerts not shown, on a line below the last whole row.
  expect(state.hidden).toBe(alerts.length - shown);
  expect(state.moreVisible).toBe(true);
  expect(state.moreText).toBe(`+${alerts.length - shown} cảnh báo khác`);
  for (const row of state.rows.slice(0, shown)) {
    expect(row.bottom, `${row.id} is not cut`).toBeLessThanOrEqual(state.listBottom + 0.5);
    expect(row.bottom, `${row.id} clears the "+N" line`).toBeLessThanOrEqual(state.moreTop + 0.5);
    expect(row.overlap, `${row.id}: the category chip does not cover the place`).toBe(0);
  }
  // Not one row fewer than fits: the next one would run into the "+N" line or the gap above it.
  expect(state.rows[shown]!.bottom).toBeGreaterThan(state.moreTop - state.gap + 0.5);
  // The status is the record's own field, whatever the text says.
  const byId = new Map(alerts.map((a) => [a.id, a]));
  for (const row of state.rows) {
    expect(row.status).toBe(byId.get(row.id)!.status);
    expect(row.statusText).toBe(STATUS_TEXT[byId.get(row.id)!.status]);
  }
  return shown;
}

let walls: OperatorWalls;
/** What the hub holds: the forty alerts, then as the tests change them. */
let alerts: Alert[] = [];
test.beforeAll(async () => {
  walls = await startOperatorWalls(CONFIG);
  alerts = makeAlerts(Date.now());
  await walls.postAlerts(alerts);
});
test.afterAll(async () => {
  await walls?.stop();
});

test('the wall ticker: working order, one row per alert, whole rows and "+N cảnh báo khác" at 1366×768 and 3840×2160', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(walls.host.wallUrl('1'));
  await waitReady(page, 'wall');
  await expect(page.locator('[data-tile-id="alerts"] .ticker')).toHaveAttribute('data-alerts', String(TOTAL));

  const small = await tickerState(page);
  const shownSmall = expectWholeRows(small, alerts);
  // The handled-sounding text is tagged by its field.
  const five = small.rows.find((r) => r.id === 'e2e-canh-bao-05');
  expect(five?.statusText).toBe('Mới');

  // A resend of the same alert (the hub keeps it once) and a status change: still one row each,
  // and the alert that was top moves below every open one.
  const top = alerts.find((a) => a.id === small.rows[0]!.id)!;
  expect(top).toMatchObject({ status: 'open', severity: 'critical' });
  await walls.postAlerts([top]);
  const acknowledged = { ...top, status: 'acknowledged' as const };
  await walls.postAlerts([acknowledged]);
  alerts = alerts.map((a) => (a.id === top.id ? acknowledged : a));
  await expect(page.locator(`[data-tile-id="alerts"] [data-feed-id="${top.id}"]`)).toHaveAttribute('data-status', 'acknowledged');
  const moved = await tickerState(page);
  expectWholeRows(moved, alerts);
  const openCount = alerts.filter((a) => a.status === 'open').length;
  expect(moved.rows.findIndex((r) => r.id === top.id)).toBeGreaterThanOrEqual(openCount);
  expect(moved.rows[0]!.id).not.toBe(top.id);

  // The same page on a 4K wall: measured again on resize, more rows, the same rules.
  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect.poll(async () => Number(await page.locator('[data-tile-id="alerts"] .ticker').getAttribute('data-rows-shown'))).toBeGreaterThanOrEqual(shownSmall);
  expectWholeRows(await tickerState(page), alerts);

  // And back: fewer rows again, none cut.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(async () => Number(await page.locator('[data-tile-id="alerts"] .ticker').getAttribute('data-rows-shown'))).toBe(shownSmall);
  expectWholeRows(await tickerState(page), alerts);
});

test('the console alert list: the same order, one row per alert, filters kept while alerts arrive, counts per state', async ({ page }) => {
  test.setTimeout(90_000);
  await walls.host.openConsole(page);
  const panel = page.locator('.alert-panel');
  const rowIds = () => panel.locator('.alert-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.alertId ?? ''));
  const count = (state: string) => panel.locator(`[data-state-filter="${state}"]`).getAttribute('data-count');
  await expect(panel.locator('.alert-row').first()).toBeVisible();
  // Every alert once, in the wall's order.
  const all = await rowIdsOf(page, 'all');
  expect(all).toEqual(expectedOrder(alerts));

  // Default: the work list (not resolved), in the wall's order.
  await panel.locator('[data-state-filter="active"]').click();
  const active = await rowIds();
  expect(active.length).toBe(Number(await count('open')) + Number(await count('acknowledged')));
  expect(Number(await count('all'))).toBe(TOTAL);
  const activeStatuses = await panel.locator('.alert-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.status));
  // Open before acknowledged, never resolved.
  expect(activeStatuses.indexOf('acknowledged')).toBeGreaterThan(activeStatuses.lastIndexOf('open'));
  expect(activeStatuses).not.toContain('resolved');

  // Only critical ones: the list and the counts follow.
  await panel.locator('select[data-filter="severity"]').selectOption('critical');
  await expect.poll(async () => (await panel.locator('.alert-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.severity))).every((s) => s === 'critical')).toBe(true);
  const criticalActive = await rowIds();
  expect(criticalActive.length).toBe(Number(await count('open')) + Number(await count('acknowledged')));

  // A new critical alert arrives: on top, the filter still on; a new warning does not show.
  const now = new Date().toISOString();
  await walls.postAlerts([
    { id: 'e2e-moi-khan-cap', time: now, severity: 'critical', subsystem: 'camera', category: 'e2e', text: 'Va chạm mới tại Cầu Cỏ May', location: { district: 'Phường Phước Thắng' }, status: 'open' },
    { id: 'e2e-moi-canh-bao', time: now, severity: 'warning', subsystem: 'camera', category: 'e2e', text: 'Ùn tắc mới', location: { district: 'Phường Phước Thắng' }, status: 'open' },
  ]);
  await expect(panel.locator('.alert-row').first()).toHaveAttribute('data-alert-id', 'e2e-moi-khan-cap');
  await expect(panel.locator('select[data-filter="severity"]')).toHaveValue('critical');
  expect(await rowIds()).toEqual(['e2e-moi-khan-cap', ...criticalActive]);
  await expect(panel.locator('[data-alert-id="e2e-moi-canh-bao"]')).toHaveCount(0);

  // Resolved critical ones, then words typed without marks.
  await panel.locator('[data-state-filter="resolved"]').click();
  await expect(panel.locator('[data-state-filter="resolved"]')).toHaveAttribute('aria-checked', 'true');
  const resolved = await panel.locator('.alert-row').evaluateAll((rows) => rows.map((r) => `${(r as HTMLElement).dataset.status}/${(r as HTMLElement).dataset.severity}`));
  expect(resolved.length).toBe(Number(await count('resolved')));
  expect(new Set(resolved)).toEqual(new Set(['resolved/critical']));
  await panel.locator('[data-state-filter="all"]').click();
  await panel.locator('input[data-filter="text"]').fill('cau co may');
  await expect.poll(rowIds).toEqual(['e2e-moi-khan-cap']);
  await panel.locator('[data-action="clear-alert-filters"]').click();
  await expect(panel.locator('select[data-filter="severity"]')).toHaveValue('all');
  await expect.poll(async () => (await rowIds()).length).toBe(TOTAL + 2 - Number(await count('resolved')));
});

/** The rows of one state button, read after clicking it. */
async function rowIdsOf(page: Page, state: string): Promise<string[]> {
  const panel = page.locator('.alert-panel');
  await panel.locator(`[data-state-filter="${state}"]`).click();
  await expect(panel.locator(`[data-state-filter="${state}"]`)).toHaveAttribute('aria-checked', 'true');
  return panel.locator('.alert-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.alertId ?? ''));
}

import { expect, test, type Page } from '@playwright/test';
import type { KpiPoint, Layout } from '../../../src-shared/domain';
import { kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';
import { OPERATOR_CONFIG, OPERATOR_LAYOUTS, startOperatorWalls, waitReady, type OperatorWalls } from '../../helpers/operator-walls';

/**
 * A wall keeps the layouts it showed last drawn but hidden, so switching back (the briefing preset
 * and the incident preset in turn) reveals them instead of building their charts again. What must
 * hold: the kept layout is invisible and unreachable, its charts survive the switch, data that
 * arrived while it was hidden is what it shows once back, and camera layouts are never kept.
 */

const cell = (col: number, row: number) => ({ col, row, colSpan: 1, rowSpan: 1 });
const CHARTS: Layout = {
  id: 'chi-so',
  name: 'Chỉ số',
  cols: 2,
  rows: 1,
  tiles: [
    { id: 'line', kind: 'kpi', kpiId: TEST_DEFINITION.id, chart: 'line', area: cell(1, 1) },
    { id: 'gauge', kind: 'kpi', kpiId: TEST_DEFINITION.id, chart: 'gauge', area: cell(2, 1) },
  ],
};
const TICKER: Layout = { id: 'canh-bao', name: 'Cảnh báo', cols: 1, rows: 1, tiles: [{ id: 'alerts', kind: 'ticker', area: cell(1, 1) }] };

const CONFIG = {
  ...OPERATOR_CONFIG,
  layouts: [...OPERATOR_LAYOUTS, CHARTS, TICKER],
  walls: [{ id: '1', name: 'Tường trái', layoutId: 'chi-so' }],
  presets: [
    { id: 'chi-so', name: 'Chỉ số', layouts: { '1': 'chi-so' } },
    { id: 'canh-bao', name: 'Cảnh báo', layouts: { '1': 'canh-bao' } },
    { id: 'camera', name: 'Camera', layouts: { '1': 'tong-quan' } },
  ],
  agendas: [],
  rules: [],
};

/** A day of hourly values ending on `last`, so the line chart has a line to draw. */
const series = (last: number): KpiPoint[] =>
  Array.from({ length: 12 }, (_, h) => ({ ...kpiPoint(h === 11 ? last : 80 + (h % 3)), time: new Date(Date.now() - (11 - h) * 3_600_000).toISOString() }));

let walls: OperatorWalls;
test.beforeAll(async () => {
  walls = await startOperatorWalls(CONFIG);
  await walls.post('kpi-definition', [TEST_DEFINITION]);
  await walls.post('kpi', series(90));
});
test.afterAll(async () => {
  await walls?.stop();
});

const shownLayout = (page: Page) => page.locator('main.wall-grid');
const apply = (presetId: string) => walls.bridge.command('preset.apply', { presetId });

test('a layout switched away from is kept hidden and comes back as it was, with what arrived meanwhile', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(walls.host.wallUrl('1'));
  await waitReady(page, 'wall');
  const lineChart = page.locator('[data-cell-id="line"] .kpi-chart canvas');
  await expect(lineChart).toBeVisible();
  await expect(page.locator('[data-cell-id="line"] [data-kpi-value]')).toHaveAttribute('data-kpi-value', '90');
  // The line as drawn before the switch; the canvas element is marked to tell a rebuilt chart.
  await page.waitForTimeout(500);
  const lineBefore = await lineChart.screenshot();
  await lineChart.evaluate((canvas) => ((canvas as HTMLCanvasElement & { keptMark?: boolean }).keptMark = true));

  await apply('canh-bao');
  await expect(shownLayout(page)).toHaveAttribute('data-layout-id', 'canh-bao');
  const kept = page.locator('[data-standby-layout-id="chi-so"]');
  await expect(kept).toHaveCount(1);
  await expect(kept).toBeHidden();
  await expect(kept).toHaveAttribute('inert', '');
  // Nothing of it is reachable by id: the wall keys and the console see only the shown layout.
  await expect(page.locator('[data-cell-id="line"]')).toHaveCount(0);

  // A new value while it is hidden: the reading follows at once, the chart draws it once shown.
  await walls.post('kpi', [{ ...kpiPoint(42.5), time: new Date().toISOString() }]);
  await expect(kept.locator('[data-kpi-value]').first()).toHaveAttribute('data-kpi-value', '42.5');

  await apply('chi-so');
  await expect(shownLayout(page)).toHaveAttribute('data-layout-id', 'chi-so');
  await expect(page.locator('[data-standby-layout-id="canh-bao"]')).toHaveCount(1);
  await expect(lineChart).toBeVisible();
  expect(await lineChart.evaluate((canvas) => (canvas as HTMLCanvasElement & { keptMark?: boolean }).keptMark === true), 'the same chart, not a new one').toBe(true);
  await expect(page.locator('[data-cell-id="line"] [data-kpi-value]')).toHaveAttribute('data-kpi-value', '42.5');
  // The line now ends on 42.5, far below the earlier values: the picture changed.
  await expect.poll(async () => Buffer.compare(await lineChart.screenshot(), lineBefore) !== 0, { timeout: 5_000 }).toBe(true);
  await page.screenshot({ path: test.info().outputPath('standby-back.png') });
});

test('a camera layout is never kept hidden: its players would go on downloading', async ({ page }) => {
  await page.goto(walls.host.wallUrl('1'));
  await waitReady(page, 'wall');
  await apply('camera');
  await expect(shownLayout(page)).toHaveAttribute('data-layout-id', 'tong-quan');
  await expect(page.locator('[data-cell-id="cam"]')).toHaveCount(1);
  await apply('chi-so');
  await expect(shownLayout(page)).toHaveAttribute('data-layout-id', 'chi-so');
  await expect(page.locator('[data-standby-layout-id="tong-quan"]')).toHaveCount(0);
  await expect(page.locator('video')).toHaveCount(0);
});

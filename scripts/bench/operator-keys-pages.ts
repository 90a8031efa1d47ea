import type { BrowserHost } from '../../test/helpers/browser-host';
// The operator-keys bench's pages: the console and the three walls open at once in one Chromium, and
// one measured key press on the console.
import type { CDPSession, Page } from '@playwright/test';
import { PRESETS, WALL_IDS } from './operator-keys-config';
import { CONSOLE_KEY_PROBE, CONSOLE_PRESET_PROBE, lastKeyDown, pageNow, waitMark, settled, SOCKET_PROBE, WALL_PROBE, type Mark } from './operator-keys-probe';
import { pageSession } from './process-figures';

export interface Pages {
  console: Page;
  walls: Array<{ id: string; page: Page }>;
  /** CDP sessions by page name: console, wall1, wall2, wall3. */
  sessions: Array<{ name: string; cdp: CDPSession }>;
}

const all = (pages: Pages): Page[] => [pages.console, ...pages.walls.map((w) => w.page)];

/**
 * Each on its own page (1920×1080) in its own browser context, as on the wall PCs and the operator's
 * desk; resolves once all show real data. Pages that share a context are tabs of one window:
 * Chromium then gives all but the front one about one frame a second.
 */
export async function openPages(newPage: () => Promise<Page>, host: BrowserHost): Promise<Pages> {
  const consolePage = await newPage();
  await consolePage.addInitScript(CONSOLE_KEY_PROBE);
  await consolePage.addInitScript(SOCKET_PROBE);
  await host.openConsole(consolePage);
  const walls: Pages['walls'] = [];
  for (const id of WALL_IDS) {
    const page = await newPage();
    await page.addInitScript(SOCKET_PROBE);
    await page.goto(host.wallUrl(id));
    walls.push({ id, page });
  }
  await consolePage.waitForFunction(() => document.documentElement.dataset.ready === 'console' && document.querySelector('[data-preset-id][data-active]') !== null, undefined, { timeout: 30_000 });
  await consolePage.evaluate(CONSOLE_PRESET_PROBE);
  for (const { page } of walls) {
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'wall' && document.querySelector('main.wall-grid[data-layout-id]') !== null, undefined, { timeout: 30_000 });
    await page.evaluate(WALL_PROBE);
  }
  const pages = { console: consolePage, walls, sessions: [] };
  // A hidden page gets no frames: its "painted" would never come, or come throttled.
  const states = await Promise.all(all(pages).map((p) => p.evaluate(() => document.visibilityState)));
  if (states.some((s) => s !== 'visible')) throw new Error(`pages not all visible: ${states.join(', ')}`);
  const names = ['console', ...WALL_IDS.map((id) => `wall${id}`)];
  const sessions = await Promise.all(all(pages).map(pageSession));
  return { ...pages, sessions: sessions.map((cdp, i) => ({ name: names[i]!, cdp })) };
}

export interface Press {
  /** When the key went down in the console. */
  at: number;
  /** Each wall's marks, in WALL_IDS order. */
  walls: Mark[];
  console: Mark;
}

/**
 * Ctrl+Alt+n pressed in the console; resolves once every wall painted the preset's layout, the
 * console painted the preset as active, and every page painted two more frames after that, so the
 * next press starts on a settled system.
 */
export async function press(pages: Pages, n: number): Promise<Press> {
  const preset = PRESETS[n - 1]!;
  const before = await pageNow(pages.console);
  await pages.console.keyboard.press(`Control+Alt+${n}`);
  const at = await lastKeyDown(pages.console, `Digit${n}`, before);
  const [consoleMark, ...walls] = await Promise.all([waitMark(pages.console, preset.id, at), ...pages.walls.map(({ id, page }) => waitMark(page, preset.layouts[id]!, at))]);
  await Promise.all(all(pages).map(settled));
  return { at, walls, console: consoleMark! };
}

// `npm run screenshot`: the README's pictures, taken from the running app (browser mode on a demo
// hub with its simulator and cameras, in Debian's Chromium), once every camera plays, the map has
// drawn and the KPIs have moved. The console is shot mid-briefing: the Monday agenda running and a
// traffic collision taking the camera wall over, as an operator would see it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { ingestOrThrow } from '../test/helpers/ingest';
import { consoleBridge } from '../test/helpers/bridge-client';
import { startBrowserHost } from '../test/helpers/browser-host';
import { startHubProcess } from '../test/helpers/hub-process';
import { waitMapReady } from '../test/helpers/map-page';
import { DEFAULT_RULES, DEFAULT_SCHEDULES } from '../src-main/config/default-operations';

const ROOT = join(__dirname, '..');
const TOKEN = 'screenshot-wall-token';
const KEY = 'screenshot-operations-key';
const SETTLE_MS = Number(process.env.SCREENSHOT_SETTLE_MS ?? 8000);

async function open(browser: Browser, url: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, undefined, { timeout: 30_000 });
  // Every camera on screen shows a picture before the shot: an operator never sees a half-loaded wall.
  await page.waitForFunction(() => [...document.querySelectorAll('video')].every((v) => v.getVideoPlaybackQuality().totalVideoFrames > 5), undefined, { timeout: 30_000 });
  return page;
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.screenshot({ path: join(ROOT, 'docs', file) });
  process.stdout.write(`docs/${file}\n`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-screenshot-'));
  const hubConfig = join(work, 'hub.json');
  // The demo hub (simulator, cameras) plus one key of ours, to raise the alert the console shows.
  writeFileSync(hubConfig, JSON.stringify({ port: 0, dbPath: join(work, 'hub.db'), wallTokens: [TOKEN], demo: true, departments: [{ id: 'anh-minh-hoa', name: 'Ảnh minh họa', apiKey: KEY, topics: ['alert'] }] }));
  const hub = await startHubProcess([`--config=${hubConfig}`]);
  // The demo's rule, without its two minutes between takeovers: a simulated collision just before the
  // picture must not hold back the one the picture is about.
  const rules = DEFAULT_RULES.map((rule) => ({ ...rule, minIntervalSeconds: 0 }));
  // The demo's schedules too (test hosts have none unless given): the console shows what comes next.
  const host = await startBrowserHost({ hub: { url: hub.url, token: TOKEN }, console: { station: 'Bàn điều hành 1' }, rules, schedules: DEFAULT_SCHEDULES }, { dataDir: join(work, 'host') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const bridge = await consoleBridge(host);
  try {
    const overview = await open(browser, host.wallUrl('1'));
    const cameras = await open(browser, host.wallUrl('2'));
    const map = await open(browser, host.wallUrl('3'));
    await waitMapReady(map, 'ban-do');
    await overview.waitForTimeout(SETTLE_MS);
    await shoot(overview, 'wall-overview.png');
    await shoot(cameras, 'wall-cameras.png');
    // The map at home, not flown to one of the demo's incidents.
    await map.waitForSelector('[data-tile-id="ban-do"] .map-tile:not([data-following])', { timeout: 90_000 });
    await shoot(map, 'wall-map.png');

    // The briefing: the agenda on its traffic step, then a collision seen by a camera takes wall 2.
    await bridge.command('agenda.start', { agendaId: 'giao-ban-thu-hai' });
    await bridge.command('agenda.next', {});
    const collision = {
      id: `anh-minh-hoa-${Date.now()}`,
      time: new Date().toISOString(),
      severity: 'critical',
      subsystem: 'camera',
      category: 'va-cham-giao-thong',
      text: 'Va chạm giữa xe tải và xe máy trên cầu Cỏ May, ùn tắc hướng về Vũng Tàu',
      location: { district: 'Phường Phước Thắng', address: 'Cầu Cỏ May, QL51' },
      cameraId: 'cau-co-may',
      status: 'open',
    };
    await ingestOrThrow(hub.url, KEY, 'alert', [collision]);
    await cameras.waitForSelector('.takeover-banner');
    await cameras.waitForFunction(() => [...document.querySelectorAll('video')].some((v) => v.getVideoPlaybackQuality().totalVideoFrames > 5), undefined, { timeout: 30_000 });
    await shoot(cameras, 'wall-takeover.png');
    await shoot(overview, 'wall-traffic.png');
    const console = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await host.openConsole(console);
    await console.waitForSelector('.wall-card');
    await console.waitForTimeout(2000);
    await shoot(console, 'console.png');

    // The overview on a 4K screen: the same wall, every size doubled, as read from across the room.
    const overview4k = await open(browser, host.wallUrl('1'), { width: 3840, height: 2160 });
    await overview4k.waitForTimeout(SETTLE_MS);
    await shoot(overview4k, 'wall-overview-4k.png');

    // An outage: the data hub goes away, and the wall says so across its whole width with its cached data.
    await hub.stop();
    await overview.waitForSelector('[data-outage]', { timeout: 30_000 });
    await overview.waitForTimeout(3000);
    await shoot(overview, 'wall-outage.png');
  } finally {
    bridge.close();
    await browser.close();
    await host.stop();
    await hub.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshot failed: ${String(error)}\n`);
  process.exit(1);
});

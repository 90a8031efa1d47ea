import type { Page } from '@playwright/test';

/**
 * What outage specs read from a wall page: the band under the top bar (wall/outage-band.tsx), by
 * its DOM contract only — `.outage-band[data-outage-link][data-outage-since]` — and every <img>.
 */

export interface BandRecord {
  /** `hub`, `host`, or null once the band is gone. */
  link: string | null;
  /** data-outage-since: when the page says the link was lost (ms). */
  since: number | null;
  text: string;
  /** Date.now() in the page when the band changed; the test process shares the machine's clock. */
  at: number;
}

declare global {
  interface Window {
    __outageBand?: BandRecord[];
  }
}

/**
 * Records every change of the band from now on (and the current state), with its time, through a
 * MutationObserver: a band that shows for one frame is caught, and times need no polling. Lost when
 * the page reloads; a test that reloads reads the page afresh instead.
 */
export async function recordOutageBand(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__outageBand) return;
    const records: BandRecord[] = [];
    window.__outageBand = records;
    let last = '';
    const note = (): void => {
      const band = document.querySelector('.outage-band');
      const link = band?.getAttribute('data-outage-link') ?? null;
      const since = band?.getAttribute('data-outage-since');
      const key = `${link ?? ''}|${since ?? ''}`;
      if (key === last) return;
      last = key;
      records.push({ link, since: since ? Number(since) : null, text: band?.textContent ?? '', at: Date.now() });
    };
    note();
    new MutationObserver(note).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-outage-link', 'data-outage-since'] });
  });
}

export function bandRecords(page: Page): Promise<BandRecord[]> {
  return page.evaluate(() => window.__outageBand ?? []);
}

/** Waits for the first record with `link` (null: the band gone) at or after `since`, and returns it. */
export async function waitForBand(page: Page, link: 'hub' | 'host' | null, since: number, timeoutMs: number): Promise<BandRecord> {
  const handle = await page.waitForFunction(
    ({ link, since }) => (window.__outageBand ?? []).find((r) => r.link === link && r.at >= since) ?? false,
    { link, since },
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as BandRecord;
}

/** The band's state as the page shows it now; null while the page is reloading or has no wall yet. */
export function bandNow(page: Page): Promise<{ wall: boolean; link: string | null } | null> {
  return page
    .evaluate(() => ({ wall: document.querySelector('.wall') !== null, link: document.querySelector('.outage-band')?.getAttribute('data-outage-link') ?? null }))
    .catch(() => null);
}

/**
 * Every visible <img> that shows no loaded picture, described: what Chrome draws a broken-image
 * icon for. Empty when every visible image has loaded (complete, with a natural width).
 */
export function unloadedImages(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('img')]
      .filter((img) => img.checkVisibility() && img.getBoundingClientRect().width > 0)
      .filter((img) => !(img.complete && img.naturalWidth > 0))
      .map((img) => `${img.className || 'img'} in ${img.closest('[data-tile-id]')?.getAttribute('data-tile-id') ?? '?'} (src ${JSON.stringify(img.getAttribute('src'))}, complete ${img.complete})`),
  );
}

/** "10:58:12" in Vietnam time, as the band writes a time (format/time.ts). */
export function vietnamClock(at: number): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}

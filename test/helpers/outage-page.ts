import type { Page } from '@playwright/test';

/**
 * What outage specs read from a wall page: the band under the top bar (wall/outage-band.tsx), by
 * its DOM contract only — `.outage-band[data-outage-link][data-outage-since]` — and every <img>.
 */

export interface BandRecord {
  /** `hub`, `host`, or null while there is no band (a page that just loaded has none yet). */
  link: string | null;
  /** data-outage-since: when the page says the link was lost (ms). */
  since: number | null;
  text: string;
  /** Date.now() in the page when the band changed; the test process shares the machine's clock. */
  at: number;
}

export interface BandWatch {
  /** Every change of the band seen so far, across reloads, in order. */
  readonly records: readonly BandRecord[];
  /** The links in order, repeats (a reload's fresh "none") folded. */
  links(): (string | null)[];
  /** The first record with `link` (null: no band) at or after `since`. */
  waitFor(link: 'hub' | 'host' | null, since: number, timeoutMs: number): Promise<BandRecord>;
}

/** Installed in every document of the page: reports each change of the band as it happens. */
function observeBand(): void {
  const report = (window as unknown as { __outageBandChanged?: (record: BandRecord) => void }).__outageBandChanged;
  if (!report) return;
  let last: string | null = null;
  const note = (): void => {
    const band = document.querySelector('.outage-band');
    const link = band?.getAttribute('data-outage-link') ?? null;
    const since = band?.getAttribute('data-outage-since');
    const key = `${link ?? ''}|${since ?? ''}`;
    if (key === last) return;
    last = key;
    report({ link, since: since ? Number(since) : null, text: band?.textContent ?? '', at: Date.now() });
  };
  note();
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-outage-link', 'data-outage-since'] });
}

/**
 * Watches the band from now on, in this document and every one the page loads after it (a wall
 * reloads itself when its host returns): each change is timed in the page by a MutationObserver,
 * so a band that shows for one frame is caught and no polling delays a time, and reported to the
 * test at once, so a reload loses nothing.
 */
export async function watchOutageBand(page: Page): Promise<BandWatch> {
  const records: BandRecord[] = [];
  await page.exposeBinding('__outageBandChanged', (_source, record: BandRecord) => {
    records.push(record);
  });
  await page.addInitScript(observeBand);
  await page.evaluate(observeBand);
  return {
    records,
    links: () => records.map((r) => r.link).filter((link, i, all) => i === 0 || link !== all[i - 1]),
    waitFor: async (link, since, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = records.find((r) => r.link === link && r.at >= since);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no band "${link ?? 'none'}" since ${since} within ${timeoutMs} ms; seen: ${JSON.stringify(records.map((r) => [r.link, r.at]))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
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

import type { Page } from '@playwright/test';

/** A text that does not fit its box, as measured in the page. */
export interface TextOverflow {
  text: string;
  /** The nearest ancestor's class list, to find it in the code. */
  where: string;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
}

/**
 * Every visible text inside `scope` whose box is too small for it: the element holding the text (or
 * the nearest block-level ancestor, for inline text) has content wider than its box
 * (`scrollWidth > clientWidth`), or taller when it clamps lines. Ellipses are allowed only on data
 * of `allowLongerThan` characters or more (the schema maximum of a name), so a cut demo title or label is a failure.
 */
export async function textOverflows(page: Page, scope: string, allowLongerThan = 120): Promise<TextOverflow[]> {
  return page.evaluate(
    ({ scope, allowLongerThan }) => {
      const found: TextOverflow[] = [];
      const seen = new Set<Element>();
      for (const root of document.querySelectorAll(scope)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node.textContent ?? '').trim();
          if (text === '') continue;
          let box = node.parentElement;
          while (box && getComputedStyle(box).display === 'inline') box = box.parentElement;
          if (!box || seen.has(box)) continue;
          seen.add(box);
          // Hidden things (standby layouts, closed panels, aria-hidden cells) are not read by anyone.
          if (box.closest('[aria-hidden="true"], .wall-grid-standby') || box.getClientRects().length === 0) continue;
          if (getComputedStyle(box).visibility === 'hidden') continue;
          const wide = box.scrollWidth > box.clientWidth + 1;
          const clamped = getComputedStyle(box).webkitLineClamp !== 'none' && box.scrollHeight > box.clientHeight + 1;
          if (!wide && !clamped) continue;
          if ((box.textContent ?? '').trim().length >= allowLongerThan) continue;
          found.push({ text: (box.textContent ?? '').trim().slice(0, 80), where: box.className.toString(), scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, scrollHeight: box.scrollHeight, clientHeight: box.clientHeight });
        }
      }
      return found;
    },
    { scope, allowLongerThan },
  );
}

/** The smallest rendered font size (px) among visible elements matching `selector`, or null when none is shown. */
export async function smallestFont(page: Page, selector: string): Promise<number | null> {
  return page.evaluate((selector) => {
    const sizes = [...document.querySelectorAll(selector)]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"], .wall-grid-standby'))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return sizes.length === 0 ? null : Math.min(...sizes);
  }, selector);
}

/** Visible <img> elements that have no loaded picture: what a browser draws as a broken-image icon. */
export async function brokenImages(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((scope) => {
    return [...document.querySelectorAll<HTMLImageElement>(`${scope} img`)]
      .filter((img) => img.getClientRects().length > 0 && getComputedStyle(img).visibility !== 'hidden' && Number(getComputedStyle(img).opacity) > 0)
      .filter((img) => !(img.complete && img.naturalWidth > 0))
      .map((img) => `${img.className} src=${img.getAttribute('src') ?? '(none)'}`);
  }, scope);
}

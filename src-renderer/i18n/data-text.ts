import { localized } from '../../src-shared/bilingual';
import type { Language } from '../../src-shared/domain';

/**
 * Names and texts that come with the data (layouts, walls, presets, tiles, alerts, KPI units) in
 * the UI language: the English form where the language is English and the data has one, else the
 * Vietnamese, which every record has. Place and unit names: src-shared/unit-name-en.ts.
 */

export { localized, nameIn } from '../../src-shared/bilingual';
export { unitNameIn } from '../../src-shared/unit-name-en';

/** A tile's own title (camera tour, ticker, text, map), or undefined when the layout gave it none. */
export function titleIn(tile: { readonly title?: string | undefined; readonly titleEn?: string | undefined }, language: Language): string | undefined {
  return tile.title === undefined ? undefined : localized(tile.title, tile.titleEn, language);
}

/** An alert's line (or a takeover's, which carries its alert's). */
export function alertTextIn(alert: { readonly text: string; readonly textEn?: string | undefined }, language: Language): string {
  return localized(alert.text, alert.textEn, language);
}

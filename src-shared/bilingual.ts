import { z } from 'zod';
import type { Language } from './domain';

/**
 * Text the host writes for people in both UI languages at once: what a command did, who did it,
 * why it was refused. The host keeps both because the language can change after the text was
 * written (an operator switches the walls to English), and a log line that stays Vietnamese
 * on an English console is an untranslated string like any other.
 */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

export const bilingualSchema = (max: number) => z.object({ vi: z.string().max(max), en: z.string().max(max) });

export function both(vi: string, en: string): Bilingual {
  return { vi, en };
}

/** Text that reads the same in both languages: ids, a hub's own error, a technical message. */
export function same(text: string): Bilingual {
  return { vi: text, en: text };
}

/** Several texts joined side by side: "a; b" in each language. */
export function joined(texts: readonly Bilingual[], separator: string): Bilingual {
  return { vi: texts.map((t) => t.vi).join(separator), en: texts.map((t) => t.en).join(separator) };
}

/** Both sides cut to `max` characters, to fit a schema's limit. */
export function clip(text: Bilingual, max: number): Bilingual {
  return { vi: text.vi.slice(0, max), en: text.en.slice(0, max) };
}

/** The English form when English is asked and there is one, else the Vietnamese (the source of truth). */
export function localized(vi: string, en: string | undefined, language: Language): string {
  return language === 'en' && en !== undefined && en.trim() !== '' ? en : vi;
}

/** A configured item's name in the language: layouts, walls, presets, agendas, schedules, rules, map views. */
export function nameIn(item: { readonly name: string; readonly nameEn?: string | undefined }, language: Language): string {
  return localized(item.name, item.nameEn, language);
}

/** A configured item's name in both languages (the Vietnamese one where it has no English one). */
export function namesOf(item: { readonly name: string; readonly nameEn?: string | undefined }): Bilingual {
  return { vi: item.name, en: nameIn(item, 'en') };
}

/** The names of the two UI languages, each in both languages: "Tiếng Anh" / "English". */
export const LANGUAGE_NAMES: Readonly<Record<Language, Bilingual>> = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
};

import type { Language } from '../../src-shared/domain';
import { en } from './en';
import { vi, type MessageKey, type Messages } from './vi';

export type { MessageKey } from './vi';
export type MessageParams = Readonly<Record<string, string | number>>;
/**
 * A bound translator: what components and formatters receive instead of a language code. It says
 * its language too, so a formatter that also shows names from the data picks their English form.
 */
export type Translate = ((key: MessageKey, params?: MessageParams) => string) & { readonly language: Language };

const CATALOGS: Readonly<Record<Language, Messages>> = { vi, en };

/** Fills `{name}` placeholders; an unknown placeholder stays visible so a typo shows on screen. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return Object.assign((key: MessageKey, params?: MessageParams) => interpolate(catalog[key], params), { language });
}

/** BCP-47 locale for Intl formatters, so numbers read "97,2" on a Vietnamese wall. */
export function localeOf(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

import type { Language } from '../../src-shared/domain';
import { en } from './en';
import { vi, type MessageKey, type Messages } from './vi';

export type { MessageKey } from './vi';
export type MessageParams = Readonly<Record<string, string | number>>;
/** A bound translator: what components and formatters receive instead of a language code. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

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
  return (key, params) => interpolate(catalog[key], params);
}

/** BCP-47 locale for Intl formatters, so numbers read "97,2" on a Vietnamese wall. */
export function localeOf(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

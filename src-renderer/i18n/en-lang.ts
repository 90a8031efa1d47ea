import type { viLang } from './vi-lang';

/** English strings of the language switch and of the units and names the UI words itself. */
export const enLang: { readonly [K in keyof typeof viLang]: string } = {
  'language.switch': 'Display language on every screen',
  'language.switch.hint': 'Switch the language of every wall and console',
  'language.switch.viewer': 'A viewer account cannot switch the display language',
  'language.name.vi': 'Vietnamese',
  'language.name.en': 'English',
  'language.failed': 'Could not switch the language: {error}',
  'tile.updatedJustNow': 'updated just now',
};

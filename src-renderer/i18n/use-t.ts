import { useMemo } from 'react';
import type { Bilingual } from '../../src-shared/bilingual';
import type { Language } from '../../src-shared/domain';
import { useAppInfoStore } from '../stores/app-info-store';
import { translator, type Translate } from './translate';

/** The UI language in force (config, or an operator's switch); Vietnamese until the host says. */
export function useLanguage(): Language {
  return useAppInfoStore((s) => s.language ?? 'vi');
}

/** Translator for the language in force; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translator(language), [language]);
}

/** Picks the side of a text the host wrote in both languages (the console's log of commands). */
export function useBilingual(): (text: Bilingual) => string {
  const language = useLanguage();
  return useMemo(() => (text: Bilingual) => text[language], [language]);
}

import { useMemo } from 'react';
import type { Language } from '../../src-shared/domain';
import { useAppInfoStore } from '../stores/app-info-store';
import { translator, type Translate } from './translate';

/** The language the host configured; Vietnamese until `app:info` answers. */
export function useLanguage(): Language {
  return useAppInfoStore((s) => s.info?.language ?? 'vi');
}

/** Translator for the configured language; components re-render when the language arrives. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translator(language), [language]);
}

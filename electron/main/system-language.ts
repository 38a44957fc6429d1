import type { Language } from '../../shared/contract.ts';

/** The UI language to follow from the system's preferred languages, in order: Dutch or English. */
export function systemLanguageOf(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'nl') return 'nl';
    if (language === 'en') return 'en';
  }
  return 'en';
}

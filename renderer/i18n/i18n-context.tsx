import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../shared/contract.ts';
import { STRINGS, type Strings } from '../../shared/i18n/strings.ts';
import { createFormatters, type Formatters } from './formatters.ts';

export interface I18n {
  language: Language;
  t: Strings;
  fmt: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const t = STRINGS[language];
    return { language, t, fmt: createFormatters(t.locale) };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n needs an I18nProvider above it.');
  return value;
}

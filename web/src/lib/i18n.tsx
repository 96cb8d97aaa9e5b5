import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Locale, locales, type MessageKey } from '../locales';

const STORAGE_KEY = 'gatehouse.locale';
export const supportedLocales = ['en', 'fr'] as const satisfies readonly Locale[];

type Vars = Record<string, string | number>;
type PluralBase = { [K in MessageKey]: K extends `${infer B}_one` ? B : never }[MessageKey];

export type Translate = ((key: MessageKey, vars?: Vars) => string) & {
  /** `t.plural('spaces.memberCount', 3)` picks `…_one` or `…_other` and fills `{count}`. */
  plural: (base: PluralBase, count: number, vars?: Vars) => string;
  /** Translates a string key that is only known at run time (an error code); `fallback` when it is not in the catalogue. */
  dynamic: (key: string, fallback: MessageKey, vars?: Vars) => string;
  has: (key: string) => key is MessageKey;
};

type I18nContext = { locale: Locale; setLocale: (locale: Locale) => void; t: Translate };
const Context = createContext<I18nContext | null>(null);

const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'fr';

/** localStorage first, then the browser's language (French if it starts with `fr`), then English. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies): fall through to the browser language.
  }
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return languages.some((language) => language?.toLowerCase().startsWith('fr')) ? 'fr' : 'en';
}

export const hasStoredLocale = (): boolean => {
  try {
    return isLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
};

const fill = (text: string, vars?: Vars) =>
  vars ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match)) : text;

export function makeTranslate(locale: Locale): Translate {
  const messages = locales[locale];
  const rules = new Intl.PluralRules(locale);
  const has = (key: string): key is MessageKey => Object.hasOwn(messages, key);
  const t = ((key: MessageKey, vars?: Vars) => fill(messages[key] ?? key, vars)) as Translate;
  t.has = has;
  t.plural = (base, count, vars) => {
    const other = `${base}_other`;
    const key = rules.select(count) === 'one' ? `${base}_one` : other;
    return fill(has(key) ? messages[key] : has(other) ? messages[other] : base, { count, ...vars });
  };
  t.dynamic = (key, fallback, vars) => fill(has(key) ? messages[key] : messages[fallback], vars);
  return t;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, but the switch still applies to this page.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale, t: makeTranslate(locale) }), [locale, setLocale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

function useI18n(): I18nContext {
  const context = useContext(Context);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

export const useT = (): Translate => useI18n().t;
export const useLocale = () => {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
};

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en';
import { type MessageKey, zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

type Vars = Record<string, string | number>;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'grid.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Translate a known key, filling `{name}` placeholders from vars. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** Translate a computed key (e.g. an enum value from the API); unknown keys fall back. */
  tx: (key: string, fallback?: string) => string;
}

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage unavailable (private mode): fall through to the default
  }
  return 'zh-CN';
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    // The API client sends this as Accept-Language, so server messages come in the same language.
    document.documentElement.lang = lang;
    document.title = dictionaries[lang]['app.title'];
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // ignore: the choice simply is not remembered
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    return {
      lang,
      setLang,
      t: (key, vars) => interpolate(dict[key] ?? key, vars),
      tx: (key, fallback) => (key in dict ? dict[key as MessageKey] : (fallback ?? key)),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}

/** Label of an enum value from the API, e.g. enumLabel(tx, 'use', 'own') → 自住. */
export function enumLabel(tx: I18n['tx'], group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return tx(`enum.${group}.${value}`, value);
}

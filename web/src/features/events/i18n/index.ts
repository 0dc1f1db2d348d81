import { useMemo } from 'react';
import { type I18n, type MessageKey, useI18n } from '../../../i18n';
import { enEventScreens } from './en';
import { type EventScreensKey, zhCNEventScreens } from './zh-CN';

export type EventsKey = MessageKey | EventScreensKey;
export interface EventsI18n extends Omit<I18n, 't'> {
  t: (key: EventsKey, vars?: Record<string, string | number>) => string;
}

const DICTIONARIES: Record<I18n['lang'], Record<EventScreensKey, string>> = {
  'zh-CN': zhCNEventScreens,
  en: enEventScreens,
};

const fill = (text: string, vars?: Record<string, string | number>) =>
  vars
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : text;

/** The app's words and the events screens' own, in the chosen language. */
export function useEventsI18n(): EventsI18n {
  const base = useI18n();
  return useMemo(() => {
    const own: Record<string, string> = DICTIONARIES[base.lang];
    return {
      ...base,
      t: (key, vars) => (key in own ? fill(own[key]!, vars) : base.t(key as MessageKey, vars)),
      tx: (key, fallback) => own[key] ?? base.tx(key, fallback),
    };
  }, [base]);
}

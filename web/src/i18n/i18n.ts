/**
 * The interface languages. English is the fallback; the user's saved choice wins, then the browser's
 * language, so a first visit from a Chinese browser opens in Chinese.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types';
import { chineseTexts, englishTexts } from './texts';

declare module 'i18next' {
  // Module augmentation needs an interface; it makes every `t('...')` key checked at compile time.
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof englishTexts };
  }
}

/** The language a visitor gets before they have chosen one. */
export function browserLocale(languages: readonly string[] = navigator.languages): Locale {
  return (languages[0] ?? '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language the interface shows now. */
export function currentLocale(): Locale {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Switches the interface language, and the page's `lang` so fonts and screen readers follow. */
export async function showLocale(locale: Locale): Promise<void> {
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** A translation outside React for a key only known at run time (server error codes), if there is one. */
export function lookupText(key: string): string | undefined {
  const value: unknown = i18n.getResource(currentLocale(), 'translation', key);
  return typeof value === 'string' ? value : undefined;
}

/** Starts i18next with both languages bundled; they are small and switching must be instant. */
export async function startI18n(): Promise<typeof i18n> {
  const locale = browserLocale();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: englishTexts }, 'zh-CN': { translation: chineseTexts } },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return i18n;
}

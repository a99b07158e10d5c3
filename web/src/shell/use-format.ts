/** Dates shown the way the interface language writes them. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formatters for the current language, e.g. `date('2026-05-01T08:00:00Z')` -> "May 1, 2026" or "2026年5月1日". */
export function useFormat(): { date: (iso: string) => string; dateTime: (iso: string) => string } {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return { date: (iso) => date.format(new Date(iso)), dateTime: (iso) => dateTime.format(new Date(iso)) };
  }, [language]);
}

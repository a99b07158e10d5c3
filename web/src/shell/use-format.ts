/** Dates shown the way the interface language writes them. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Formatters of the current language. */
export type Formatters = {
  /** `date('2026-05-01T08:00:00Z')` -> "May 1, 2026" or "2026年5月1日". */
  date: (iso: string) => string;
  /**
   * Date and time in the browser's time zone, or in `timeZone` with its offset shown
   * ("May 1, 2026, 4:00 PM GMT+8"): what a warehouse shows, in the warehouse's own zone.
   */
  dateTime: (iso: string, timeZone?: string) => string;
};

/** Formatters for the current language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const local = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const zoned = new Map<string, Intl.DateTimeFormat>();
    const inZone = (timeZone: string): Intl.DateTimeFormat => {
      let format = zoned.get(timeZone);
      if (!format) {
        format = new Intl.DateTimeFormat(language, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: 'numeric',
          minute: '2-digit',
          timeZone,
          timeZoneName: 'shortOffset',
        });
        zoned.set(timeZone, format);
      }
      return format;
    };
    return {
      date: (iso) => date.format(new Date(iso)),
      dateTime: (iso, timeZone) => (timeZone ? inZone(timeZone) : local).format(new Date(iso)),
    };
  }, [language]);
}

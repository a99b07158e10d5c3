/** "3 days ago" / "3天前": how long ago something happened, in the interface language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** Formats an ISO time relative to `now`, in the largest whole unit; under a minute is "now". */
export function formatRelative(format: Intl.RelativeTimeFormat, iso: string, now: number): string {
  const elapsed = new Date(iso).getTime() - now;
  for (const [unit, size] of units) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** A formatter for the current language; the clock is read when the list renders, which is enough here. */
export function useRelativeTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    return (iso) => formatRelative(format, iso, Date.now());
  }, [language]);
}

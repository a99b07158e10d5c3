/** "3 days ago" / "3天前": how long ago something happened, in the interface language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const DAY_MS = 86_400_000;

/** Calendar units, counted in whole local dates: two times of one date always read the same. */
const dateUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365],
  ['month', 30],
  ['week', 7],
  ['day', 1],
];

/** The number of local calendar dates from `now` to `then` (-1 for any time yesterday). */
function dateDifference(then: Date, now: Date): number {
  const dateOf = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((dateOf(then) - dateOf(now)) / DAY_MS);
}

/**
 * Formats an ISO time relative to `now`, in the largest whole unit: another date in days, weeks,
 * months or years by calendar date (so every event of one date gets the same label, "yesterday" for
 * all of yesterday); the same date in hours or minutes; under a minute is "now".
 */
export function formatRelative(format: Intl.RelativeTimeFormat, iso: string, now: number): string {
  const then = new Date(iso);
  const days = dateDifference(then, new Date(now));
  if (days !== 0) {
    for (const [unit, size] of dateUnits)
      if (Math.abs(days) >= size) return format.format(Math.trunc(days / size), unit);
  }
  const elapsed = then.getTime() - now;
  if (Math.abs(elapsed) >= 3_600_000) return format.format(Math.trunc(elapsed / 3_600_000), 'hour');
  if (Math.abs(elapsed) >= 60_000) return format.format(Math.trunc(elapsed / 60_000), 'minute');
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

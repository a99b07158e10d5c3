/**
 * Monthly partitions of `events`, by name: `events_YYYY_MM` holds [first day of the month, first day
 * of the next) in UTC. They are created on demand by `MonthPartitions` (event.service.ts).
 */

/** A calendar month in UTC, e.g. `{ year: 2026, month: 3 }`. */
export type EventMonth = { year: number; month: number };

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The partition's name, e.g. `events_2026_03`. */
export function partitionName({ year, month }: EventMonth): string {
  return `events_${pad(year, 4)}_${pad(month, 2)}`;
}

/** The distinct UTC months of `dates`, oldest first. */
export function monthsOf(dates: Iterable<Date>): EventMonth[] {
  const seen = new Map<number, EventMonth>();
  for (const date of dates) {
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    seen.set(year * 12 + month, { year, month });
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

const bound = ({ year, month }: EventMonth): string => `${pad(year, 4)}-${pad(month, 2)}-01 00:00:00+00`;
const nextMonth = ({ year, month }: EventMonth): EventMonth =>
  month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };

/** The DDL that creates one month's partition (indexes follow from the partitioned indexes of `events`). */
export function partitionDdl(month: EventMonth): string {
  return (
    `create table if not exists ${partitionName(month)} partition of events ` +
    `for values from ('${bound(month)}') to ('${bound(nextMonth(month))}')`
  );
}

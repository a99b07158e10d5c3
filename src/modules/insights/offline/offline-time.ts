/**
 * Times as offline lists write them: ISO 8601 with a zone, or a wall-clock time in China
 * (`2026-03-01 14:30`, `2026/3/1 14:30:05`, `2026-03-01`) when no zone is written.
 */

/** The zone a time without one is read in: China Standard Time, which has no daylight saving. */
export const OFFLINE_DEFAULT_OFFSET = '+08:00';

const TIME =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The instant a cell names, or undefined when it is not a time (or names a day that does not exist).
 * @example parseOfflineTime('2026-03-01 14:30')?.toISOString() // '2026-03-01T06:30:00.000Z'
 */
export function parseOfflineTime(cell: string): Date | undefined {
  const match = TIME.exec(cell.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const offset = offsetMinutes(match[8] ?? OFFLINE_DEFAULT_OFFSET);
  return new Date(wall - offset * 60_000);
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}

/** IANA time zones: checking a name, and showing an instant in a zone with the zone said. */
import { z } from 'zod';

/** Whether `name` is a time zone this runtime knows (`Asia/Shanghai`, `UTC`, …). */
export function isTimeZone(name: string): boolean {
  // Letters, digits and `_ + - /` only: Intl would read some other spellings leniently.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, refused (naming the field) when unknown. */
export const TimeZoneName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, { message: 'an IANA time zone such as Asia/Shanghai' });

/**
 * `2026-03-01 08:30 GMT+8`: the local date and time of `date` in `timeZone`, to the minute, and the
 * zone's offset then, so a reader anywhere knows which clock it is.
 */
export function formatZonedMinute(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  // ICU versions write UTC's offset as `GMT` or `GMT+0`: one spelling.
  const offset = parts.timeZoneName === 'GMT+0' ? 'GMT' : parts.timeZoneName;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${offset}`;
}

/** The local calendar date (`YYYY-MM-DD`) of `date` in `timeZone`. */
export function localDateIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/** How far `timeZone`'s clocks are ahead of UTC at the instant `at` (ms since the epoch), in ms. */
function offsetAt(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the clocks of `timeZone` read `hhmm` on local date `day`. A time skipped when the
 * clocks go forward is read with the offset before the change (so it lands just after it); a time
 * that happens twice is its first occurrence.
 */
export function zonedInstant(day: string, hhmm: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T${hhmm}:00Z`);
  const first = wall - offsetAt(wall - 86_400_000, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(Math.min(first, second));
}

/** IANA time zones: checking a name, and showing an instant in a zone with the zone said. */
import { z } from 'zod';

/** Whether `name` is a time zone this runtime knows (`Asia/Shanghai`, `UTC`, …). */
export function isTimeZone(name: string): boolean {
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

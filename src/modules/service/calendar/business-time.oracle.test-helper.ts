/**
 * The brute-force business-time oracle the engine (`business-time.ts`) is tested and benched
 * against: it steps minute by minute and asks `Intl` for the local date and time of every minute, so
 * it has no notion of days, offsets or time-zone transitions. A minute is open when its local
 * wall-clock time lies in an open interval of its local date. It shares no code with the engine
 * except the calendar's types.
 */
import { SEARCH_DAYS, WEEKDAYS, type BusinessCalendar } from './business-time.js';

const MINUTE = 60_000;

/**
 * The instant `minutes` business minutes after `from`; `from` itself when `minutes` is 0 and
 * `from` is inside open hours. Undefined when the calendar has no such time within
 * `SEARCH_DAYS`.
 */
export function oracleAddBusinessMinutes(
  calendar: BusinessCalendar,
  from: Date,
  minutes: number,
): Date | undefined {
  const open = openTest(calendar);
  let t = Math.ceil(from.getTime() / MINUTE) * MINUTE;
  const end = t + SEARCH_DAYS * 1440 * MINUTE;
  let left = minutes;
  for (; t < end; t += MINUTE) {
    if (!open(t)) continue;
    if (left === 0) return new Date(t);
    left -= 1;
    if (left === 0) return new Date(t + MINUTE);
  }
  return undefined;
}

/** Business minutes in [`from`, `to`) (0 when `to` is not after `from`). */
export function oracleBusinessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const open = openTest(calendar);
  let count = 0;
  const stop = to.getTime();
  for (let t = Math.ceil(from.getTime() / MINUTE) * MINUTE; t + MINUTE <= stop; t += MINUTE)
    if (open(t)) count += 1;
  return count;
}

/** Whether the minute starting at epoch millisecond `t` is open. */
function openTest(calendar: BusinessCalendar): (t: number) => boolean {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: calendar.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const holidays = new Set(calendar.holidays);
  const workdays = new Map(calendar.workdays.map((day) => [day.date, day.hours]));
  return (t) => {
    const parts = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, part.value]));
    const date = `${parts.year}-${parts.month}-${parts.day}`;
    const minuteOfDay = Number(parts.hour) * 60 + Number(parts.minute);
    const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
    const intervals = workdays.get(date) ?? (holidays.has(date) ? [] : (calendar.hours[weekday] ?? []));
    return intervals.some(([start, end]) => minuteOfDay >= clock(start) && minuteOfDay < clock(end));
  };
}

/** Minutes since midnight of `HH:MM`. */
function clock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * The starts (epoch ms) of the open minutes in [`from`, `to`), minute by minute: one scan that a test
 * can answer many questions from.
 */
export function oracleOpenMinutes(calendar: BusinessCalendar, from: Date, to: Date): number[] {
  const open = openTest(calendar);
  const starts: number[] = [];
  const stop = to.getTime();
  for (let t = Math.ceil(from.getTime() / MINUTE) * MINUTE; t + MINUTE <= stop; t += MINUTE)
    if (open(t)) starts.push(t);
  return starts;
}

/**
 * Business time over a calendar (docs/service.md, `shared spec service-sla`): open hours per
 * weekday with breaks, in a time zone, with holidays that close a date and make-up working days
 * (调休) that open one with their own hours. Pure: no table, no query, no clock.
 *
 * Counting is by whole minutes: a clock started at 10:30:27 starts at 10:31, so every due time
 * lands on a whole minute.
 */

/** Weekday keys of `hours`, in `Date#getUTCDay` order. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** An open interval of a day, local `HH:MM` to `HH:MM` (the end may be `24:00`). */
export type OpenInterval = [string, string];

export type BusinessCalendar = {
  /** An IANA time zone. */
  timeZone: string;
  /** Open intervals per weekday; a missing day is closed. */
  hours: Partial<Record<Weekday, OpenInterval[]>>;
  /** Local dates (`YYYY-MM-DD`) closed although their weekday is open. */
  holidays: string[];
  /** Local dates opened with their own hours although their weekday is closed (调休). */
  workdays: { date: string; hours: OpenInterval[] }[];
};

/** How far ahead a clock looks for business time before it says there is none. */
export const SEARCH_DAYS = 3 * 366;

const MINUTE = 60_000;

/**
 * The instant `minutes` business minutes after `from`; `from` itself when `minutes` is 0 and
 * `from` is inside open hours. Undefined when the calendar has no such time within
 * `SEARCH_DAYS`.
 */
export function addBusinessMinutes(
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
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
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

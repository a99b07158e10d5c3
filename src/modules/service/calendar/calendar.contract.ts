/** Request and response shapes of business calendars; the checks of their hours, dates and zone. */
import { z } from 'zod';
import { isTimeZone } from '../../../platform/time-zone.js';
import { WEEKDAYS } from './business-time.js';

/** Error codes of calendars. */
export const CALENDAR_ERRORS = {
  notFound: 'service.calendar.not_found',
  tooManyOpenTickets: 'service.calendar.too_many_open_tickets',
} as const;

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Minutes since midnight of a checked `HH:MM`. */
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True for a real calendar date `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const time = z.string().regex(TIME, 'a time HH:MM (00:00 to 24:00)');
const interval = z.tuple([time, time]);

/** A day's open intervals: each ends after it starts and none overlaps another. */
const dayHours = z
  .array(interval)
  .max(24)
  .superRefine((intervals, ctx) => {
    intervals.forEach(([start, end], i) => {
      if (TIME.test(start) && TIME.test(end) && minutesOf(end) <= minutesOf(start))
        ctx.addIssue({ code: 'custom', path: [i], message: 'the interval ends before it starts' });
    });
    const sorted = intervals
      .map(([start, end], i) => ({ start: minutesOf(start), end: minutesOf(end), i }))
      .sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]!.start < sorted[k - 1]!.end)
        ctx.addIssue({
          code: 'custom',
          path: [sorted[k]!.i],
          message: 'overlaps another interval of the day',
        });
    }
  });

const date = z.string().refine(isCalendarDate, 'a date YYYY-MM-DD');

const weekdayHours = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayHours.optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<typeof dayHours>
  >,
);

const fields = {
  name: z.string().trim().min(1, 'required').max(200),
  timeZone: z.string().max(100).refine(isTimeZone, 'an IANA time zone, e.g. Asia/Shanghai'),
  /** Open intervals per weekday (`mon` … `sun`); a missing day is closed. */
  hours: weekdayHours,
  /** Dates closed although their weekday is open. */
  holidays: z.array(date).max(2000),
  /** Dates opened with their own hours (调休); they win over `holidays` and the weekday. */
  workdays: z
    .array(z.strictObject({ date, hours: dayHours }))
    .max(2000)
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((day, i) => {
        if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'given twice' });
        seen.add(day.date);
      });
    }),
};

/** A calendar to create (or to replace whole, `PUT`). */
export const CalendarInput = z.object({
  name: fields.name,
  timeZone: fields.timeZone,
  hours: fields.hours,
  holidays: fields.holidays.default([]),
  workdays: fields.workdays.default([]),
});
export type CalendarInput = z.infer<typeof CalendarInput>;

/** What a `PATCH` may change. */
export const CalendarPatch = z
  .object({
    name: fields.name.optional(),
    timeZone: fields.timeZone.optional(),
    hours: fields.hours.optional(),
    holidays: fields.holidays.optional(),
    workdays: fields.workdays.optional(),
  })
  .refine((input) => Object.keys(input).length > 0, 'give at least one field to change');
export type CalendarPatch = z.infer<typeof CalendarPatch>;

const intervalOut = z.tuple([z.string(), z.string()]);

export const Calendar = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  hours: z.record(z.string(), z.array(intervalOut)),
  holidays: z.array(z.string()),
  workdays: z.array(z.object({ date: z.string(), hours: z.array(intervalOut) })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Calendar = z.infer<typeof Calendar>;

export const CalendarList = z.object({ items: z.array(Calendar) });
export type CalendarList = z.infer<typeof CalendarList>;

/** Business time over a calendar, for the features above (the SLA clocks). */
export { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './business-time.js';

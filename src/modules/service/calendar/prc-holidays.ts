/**
 * The PRC public-holiday calendar (docs/service-calendar.md): holidays and make-up working days (调休)
 * per year, kept as data in `holidays/cn.json` from the State Council's yearly notice, so a new year
 * is an edit of that file, not of code. Pure: reads the bundled data only.
 */
import { z } from 'zod';
import { dateOfDay, dayOfDate, type BusinessCalendar, type OpenInterval } from './business-time.js';
import data from './holidays/cn.json' with { type: 'json' };

const dateSchema = z.string().refine((date) => dayOfDate(date) !== undefined, 'a real YYYY-MM-DD date');

const festivalSchema = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
  /** Days off, inclusive. */
  off: z.object({ from: dateSchema, to: dateSchema }),
  /** Weekend days worked instead. */
  work: z.array(dateSchema),
});

const yearSchema = z.object({
  year: z.number().int(),
  notice: z.object({ title: z.string().min(1), published: dateSchema, source: z.url() }),
  festivals: z.array(festivalSchema),
});

const fileSchema = z.object({ description: z.string(), years: z.array(yearSchema) });

/** A day off or a make-up working day, with the festival it belongs to. */
export type PrcHolidayDay = { date: string; zh: string; en: string };

export type PrcHolidayYear = {
  year: number;
  /** The State Council notice the year was taken from. */
  notice: { title: string; published: string; source: string };
  /** Every day off, in date order. */
  holidays: PrcHolidayDay[];
  /** Every make-up working day (调休), in date order. */
  workdays: PrcHolidayDay[];
};

/** Reads the data, throwing on a malformed file. */
export function readPrcHolidayYears(raw: unknown): PrcHolidayYear[] {
  return fileSchema.parse(raw).years.map(({ year, notice, festivals }) => {
    const holidays: PrcHolidayDay[] = [];
    const workdays: PrcHolidayDay[] = [];
    for (const { zh, en, off, work } of festivals) {
      for (let day = dayOfDate(off.from)!; day <= dayOfDate(off.to)!; day++)
        holidays.push({ date: dateOfDay(day), zh, en });
      for (const date of work) workdays.push({ date, zh, en });
    }
    const byDate = (a: PrcHolidayDay, b: PrcHolidayDay) => a.date.localeCompare(b.date);
    return { year, notice, holidays: holidays.sort(byDate), workdays: workdays.sort(byDate) };
  });
}

const YEARS = readPrcHolidayYears(data);

/** The years the data has a published notice for. */
export const PRC_HOLIDAY_YEARS: readonly number[] = YEARS.map((y) => y.year);

/** One year's holidays and make-up days; undefined when no notice for it is in the data. */
export function findPrcHolidayYear(year: number): PrcHolidayYear | undefined {
  return YEARS.find((y) => y.year === year);
}

/**
 * The holidays and make-up working days of the given years for a `BusinessCalendar`; make-up days
 * get `workdayHours` (the hours of a normal weekday, which the caller knows). Years without a
 * published notice in the data add nothing.
 */
export function prcHolidayCalendar(
  years: number | readonly number[],
  workdayHours: OpenInterval[],
): Pick<BusinessCalendar, 'holidays' | 'workdays'> {
  const found = (typeof years === 'number' ? [years] : years).flatMap(
    (year) => findPrcHolidayYear(year) ?? [],
  );
  return {
    holidays: found.flatMap((y) => y.holidays.map((day) => day.date)),
    workdays: found.flatMap((y) => y.workdays.map((day) => ({ date: day.date, hours: workdayHours }))),
  };
}

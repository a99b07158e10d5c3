/**
 * Business time over a calendar (docs/service-calendar.md, `shared spec service-sla`): open hours per
 * weekday with breaks, in a time zone, with holidays that close a date and make-up working days
 * (调休) that open one with their own hours. Pure: no table, no query, no clock.
 *
 * Counting is by whole minutes: a clock started at 10:30:27 starts at 10:31, so every due time
 * lands on a whole minute.
 *
 * A minute is open when its local wall-clock time (in the calendar's zone) lies in an open interval
 * of its local date; the date's intervals are its make-up working day's hours when it is one, none
 * when it is a holiday, else its weekday's hours. Around a daylight-saving change this counts real
 * minutes: local times skipped when the clocks go forward never happen, so they are never open (an
 * interval 01:30–02:30 on a night that jumps from 02:00 to 03:00 is open 30 minutes); local times
 * that happen twice when the clocks go back are open both times (01:00–02:00 on a night that repeats
 * that hour is open 120 minutes). An interval may end at `24:00`.
 *
 * The engine walks the zone's timeline one UTC day at a time. For each day it finds the spans of
 * constant UTC offset (from `Intl`, cached per zone), maps each span to the local dates it covers and
 * intersects those dates' intervals, which gives the day's open instants as a few UTC ranges; whole
 * days are skipped by their total. `business-time.oracle.test-helper.ts` is the minute-by-minute
 * reference it is tested against.
 *
 * A calendar is read once and what is derived from it (its open ranges per day) is kept, with the
 * object and by its content for equal calendars in other objects: do not change a calendar in place
 * after using it (build a new object; replacing `hours`, `holidays` or `workdays`, or adding to
 * them, is noticed).
 */
import { zoneOffsets, type Span } from './business-time-zone.js';

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
const DAY = 86_400_000;

/**
 * The instant `minutes` business minutes after `from`; `from` itself when `minutes` is 0 and
 * `from` is inside open hours. Undefined when the calendar has no such time within
 * `SEARCH_DAYS`. `minutes` must be a non-negative integer (a RangeError otherwise).
 */
export function addBusinessMinutes(
  calendar: BusinessCalendar,
  from: Date,
  minutes: number,
): Date | undefined {
  if (!Number.isSafeInteger(minutes) || minutes < 0)
    throw new RangeError(`business minutes must be a non-negative integer, not ${minutes}`);
  const start = ceilMinute(from.getTime());
  if (Number.isNaN(start)) return undefined;
  const end = start + SEARCH_DAYS * DAY;
  const compiled = compile(calendar);
  let left = minutes;
  for (let day = Math.floor(start / DAY); day * DAY < end; day++) {
    const open = compiled.day(day);
    if (open.minutes === 0) continue;
    // A whole day inside the search that ends before the target: skip it by its total.
    if (left > open.minutes && day * DAY >= start && (day + 1) * DAY <= end) {
      left -= open.minutes;
      continue;
    }
    const { ranges } = open;
    for (let i = 0; i < ranges.length; i += 2) {
      const first = ceilMinute(Math.max(ranges[i]!, start));
      const count = (ceilMinute(Math.min(ranges[i + 1]!, end)) - first) / MINUTE;
      if (count <= 0) continue;
      if (left === 0) return new Date(first);
      if (count >= left) return new Date(first + left * MINUTE);
      left -= count;
    }
  }
  return undefined;
}

/** Business minutes in [`from`, `to`) (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const start = ceilMinute(from.getTime());
  // The last minute counted must end by `to`.
  const stop = Math.floor(to.getTime() / MINUTE) * MINUTE;
  if (!(stop > start)) return 0;
  const compiled = compile(calendar);
  let count = 0;
  for (let day = Math.floor(start / DAY); day * DAY < stop; day++) {
    const open = compiled.day(day);
    if (open.minutes === 0) continue;
    if (day * DAY >= start && (day + 1) * DAY <= stop) {
      count += open.minutes;
      continue;
    }
    const { ranges } = open;
    for (let i = 0; i < ranges.length; i += 2) {
      const first = ceilMinute(Math.max(ranges[i]!, start));
      const n = (ceilMinute(Math.min(ranges[i + 1]!, stop)) - first) / MINUTE;
      if (n > 0) count += n;
    }
  }
  return count;
}

/** The open minutes of one UTC day: ranges `[a0, b0, a1, b1, …]` in epoch ms, and how many minutes. */
type OpenDay = { ranges: number[]; minutes: number };

type CompiledCalendar = {
  /** What it was compiled from, to notice a replaced or extended field. */
  source: {
    timeZone: string;
    hours: BusinessCalendar['hours'];
    holidays: string[];
    holidayCount: number;
    workdays: BusinessCalendar['workdays'];
    workdayCount: number;
  };
  day: (utcDay: number) => OpenDay;
};

const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();
const compiledByContent = new Map<string, CompiledCalendar>();
const MAX_CALENDARS_BY_CONTENT = 256;
/** Days kept per calendar before its cache starts over (about 27 years). */
const MAX_CACHED_DAYS = 10_000;

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const known = compiledCalendars.get(calendar);
  if (known && isCompiledFrom(known, calendar)) return known;
  // An equal calendar in another object (read again from storage) shares what was derived.
  const key = JSON.stringify([calendar.timeZone, calendar.hours, calendar.holidays, calendar.workdays]);
  const equal = compiledByContent.get(key);
  if (equal) {
    const compiled = { source: sourceOf(calendar), day: equal.day };
    compiledCalendars.set(calendar, compiled);
    return compiled;
  }
  const zone = zoneOffsets(calendar.timeZone);
  // Minutes of the day `[start, end, start, end, …]`, sorted and merged, per weekday and per make-up day.
  const weekly = WEEKDAYS.map((weekday) => minuteRanges(calendar.hours[weekday] ?? []));
  const holidays = new Set<number>();
  for (const date of calendar.holidays) {
    const day = dayOfDate(date);
    if (day !== undefined) holidays.add(day);
  }
  const workdays = new Map<number, number[]>();
  for (const workday of calendar.workdays) {
    const day = dayOfDate(workday.date);
    if (day !== undefined) workdays.set(day, minuteRanges(workday.hours));
  }
  const intervalsOf = (localDay: number): number[] =>
    workdays.get(localDay) ?? (holidays.has(localDay) ? [] : weekly[weekdayOf(localDay)]!);

  const cache = new Map<number, OpenDay>();
  const day = (utcDay: number): OpenDay => {
    let open = cache.get(utcDay);
    if (open) return open;
    open = openDay(zone.spans(utcDay), intervalsOf);
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(utcDay, open);
    return open;
  };
  const compiled: CompiledCalendar = { source: sourceOf(calendar), day };
  compiledCalendars.set(calendar, compiled);
  if (compiledByContent.size >= MAX_CALENDARS_BY_CONTENT) compiledByContent.clear();
  compiledByContent.set(key, compiled);
  return compiled;
}

function sourceOf(calendar: BusinessCalendar): CompiledCalendar['source'] {
  return {
    timeZone: calendar.timeZone,
    hours: calendar.hours,
    holidays: calendar.holidays,
    holidayCount: calendar.holidays.length,
    workdays: calendar.workdays,
    workdayCount: calendar.workdays.length,
  };
}

function isCompiledFrom({ source }: CompiledCalendar, calendar: BusinessCalendar): boolean {
  return (
    source.timeZone === calendar.timeZone &&
    source.hours === calendar.hours &&
    source.holidays === calendar.holidays &&
    source.holidayCount === calendar.holidays.length &&
    source.workdays === calendar.workdays &&
    source.workdayCount === calendar.workdays.length
  );
}

/**
 * The open ranges of one UTC day: each span of constant offset shows local wall-clock times
 * `[start + offset, end + offset)`; an interval of a local date covered by it is open at the instants
 * whose wall-clock time falls in it.
 */
function openDay(spans: Span[], intervalsOf: (localDay: number) => number[]): OpenDay {
  const ranges: number[] = [];
  for (const { start, end, offset } of spans) {
    const lastDate = Math.floor((end + offset - 1) / DAY);
    for (let date = Math.floor((start + offset) / DAY); date <= lastDate; date++) {
      const intervals = intervalsOf(date);
      for (let i = 0; i < intervals.length; i += 2) {
        const a = Math.max(date * DAY + intervals[i]! * MINUTE - offset, start);
        const b = Math.min(date * DAY + intervals[i + 1]! * MINUTE - offset, end);
        if (a >= b) continue;
        if (ranges.length > 0 && ranges[ranges.length - 1] === a) ranges[ranges.length - 1] = b;
        else ranges.push(a, b);
      }
    }
  }
  let minutes = 0;
  for (let i = 0; i < ranges.length; i += 2)
    minutes += (ceilMinute(ranges[i + 1]!) - ceilMinute(ranges[i]!)) / MINUTE;
  return { ranges, minutes };
}

/**
 * Open intervals as minutes of the day, sorted and merged. An interval is read like a wall clock:
 * `HH:MM`, the end may be `24:00`; one that is empty, inverted or unreadable opens nothing.
 */
function minuteRanges(intervals: readonly OpenInterval[]): number[] {
  const parsed: [number, number][] = [];
  for (const [from, to] of intervals) {
    const a = clampMinute(Math.ceil(clock(from)));
    const b = clampMinute(Math.ceil(clock(to)));
    if (a < b) parsed.push([a, b]);
  }
  parsed.sort((x, y) => x[0] - y[0]);
  const merged: number[] = [];
  for (const [a, b] of parsed) {
    const last = merged.length - 1;
    if (last > 0 && a <= merged[last]!) merged[last] = Math.max(merged[last]!, b);
    else merged.push(a, b);
  }
  return merged;
}

/** Minutes since midnight of `HH:MM` (NaN when unreadable). */
function clock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return m === undefined ? Number.NaN : h! * 60 + m;
}

function clampMinute(minute: number): number {
  return Number.isNaN(minute) ? Number.NaN : Math.min(Math.max(minute, 0), 1440);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; undefined when it is not a real date. */
export function dayOfDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day)
    return undefined;
  return Math.round(at.getTime() / DAY);
}

/** The `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday, as `WEEKDAYS`; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function ceilMinute(t: number): number {
  return Math.ceil(t / MINUTE) * MINUTE;
}

import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  dateOfDay,
  dayOfDate,
  SEARCH_DAYS,
  type BusinessCalendar,
  type OpenInterval,
} from './business-time.js';
import { oracleAddBusinessMinutes } from './business-time.oracle.test-helper.js';

/** The spec's example calendar (shared spec service-sla). */
const SHANGHAI_OFFICE: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  hours: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
  },
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05'],
  workdays: [{ date: '2026-10-10', hours: [['09:00', '18:00']] }],
};

const at = (iso: string) => new Date(iso);
const add = (calendar: BusinessCalendar, from: string, minutes: number) =>
  addBusinessMinutes(calendar, at(from), minutes)?.toISOString();

describe('business time over the Shanghai office calendar', () => {
  it('runs over a holiday, a weekend and a second holiday', () => {
    // Wed 30 Sep 17:00: 60 minutes that day; Thu 1 and Fri 2 Oct are holidays, then the weekend,
    // Mon 5 Oct is a holiday; the other 60 minutes are Tue 6 Oct 09:00–10:00.
    expect(add(SHANGHAI_OFFICE, '2026-09-30T17:00:00+08:00', 120)).toBe('2026-10-06T02:00:00.000Z');
    expect(
      businessMinutesBetween(
        SHANGHAI_OFFICE,
        at('2026-09-30T17:00:00+08:00'),
        at('2026-10-06T10:00:00+08:00'),
      ),
    ).toBe(120);
  });

  it('runs over a weekend', () => {
    expect(add(SHANGHAI_OFFICE, '2026-09-25T17:30:00+08:00', 60)).toBe('2026-09-28T01:30:00.000Z');
  });

  it('skips the lunch break on Monday only', () => {
    expect(add(SHANGHAI_OFFICE, '2026-09-28T11:30:00+08:00', 60)).toBe('2026-09-28T05:30:00.000Z');
    expect(add(SHANGHAI_OFFICE, '2026-09-29T11:30:00+08:00', 60)).toBe('2026-09-29T04:30:00.000Z');
    expect(
      businessMinutesBetween(
        SHANGHAI_OFFICE,
        at('2026-09-28T00:00:00+08:00'),
        at('2026-09-29T00:00:00+08:00'),
      ),
    ).toBe(480);
  });

  it('works on the make-up Saturday with its own hours', () => {
    // Fri 9 Oct 17:00: 60 minutes that day, then Sat 10 Oct (调休) 09:00–10:00.
    expect(add(SHANGHAI_OFFICE, '2026-10-09T17:00:00+08:00', 120)).toBe('2026-10-10T02:00:00.000Z');
    // A normal Saturday stays closed.
    expect(add(SHANGHAI_OFFICE, '2026-10-16T17:00:00+08:00', 120)).toBe('2026-10-19T02:00:00.000Z');
  });

  it('rounds the start up to the whole minute and ends exactly on a minute', () => {
    expect(add(SHANGHAI_OFFICE, '2026-09-29T10:30:27+08:00', 30)).toBe('2026-09-29T03:01:00.000Z');
    expect(
      businessMinutesBetween(
        SHANGHAI_OFFICE,
        at('2026-09-29T10:30:27+08:00'),
        at('2026-09-29T10:40:59+08:00'),
      ),
    ).toBe(9);
  });

  it('gives the start itself for 0 minutes when open, else the next opening', () => {
    expect(add(SHANGHAI_OFFICE, '2026-09-29T10:30:00+08:00', 0)).toBe('2026-09-29T02:30:00.000Z');
    expect(add(SHANGHAI_OFFICE, '2026-09-30T18:00:00+08:00', 0)).toBe('2026-10-06T01:00:00.000Z');
    // The end of a day's last minute is 18:00, not the next opening.
    expect(add(SHANGHAI_OFFICE, '2026-09-29T17:00:00+08:00', 60)).toBe('2026-09-29T10:00:00.000Z');
  });

  it('counts nothing when the end is not after the start', () => {
    const t = at('2026-09-29T10:00:00+08:00');
    expect(businessMinutesBetween(SHANGHAI_OFFICE, t, t)).toBe(0);
    expect(businessMinutesBetween(SHANGHAI_OFFICE, t, at('2026-09-29T09:00:00+08:00'))).toBe(0);
  });

  it('equals the minute-by-minute oracle on a large target (10,000 minutes)', () => {
    const from = at('2026-09-30T17:00:00+08:00');
    expect(addBusinessMinutes(SHANGHAI_OFFICE, from, 10_000)).toEqual(
      oracleAddBusinessMinutes(SHANGHAI_OFFICE, from, 10_000),
    );
  });
});

describe('business time without business hours', () => {
  it('is undefined when nothing opens within SEARCH_DAYS', () => {
    const closed: BusinessCalendar = { timeZone: 'Europe/London', hours: {}, holidays: [], workdays: [] };
    expect(addBusinessMinutes(closed, at('2026-01-01T00:00:00Z'), 0)).toBeUndefined();
    expect(addBusinessMinutes(closed, at('2026-01-01T00:00:00Z'), 10)).toBeUndefined();
    expect(businessMinutesBetween(closed, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(0);
  });

  it('finds the one make-up day inside the search and nothing after it', () => {
    const oneDay: BusinessCalendar = {
      timeZone: 'Asia/Shanghai',
      hours: {},
      holidays: [],
      workdays: [{ date: '2028-06-01', hours: [['09:00', '10:00']] }],
    };
    expect(add(oneDay, '2026-01-01T00:00:00Z', 60)).toBe('2028-06-01T02:00:00.000Z');
    expect(add(oneDay, '2026-01-01T00:00:00Z', 61)).toBeUndefined();
    // Beyond SEARCH_DAYS from the start.
    expect(add(oneDay, '2025-05-01T00:00:00Z', 1)).toBeUndefined();
    expect(SEARCH_DAYS).toBe(1098);
  });

  it('jumps a year of holidays quickly', () => {
    const holidays = Array.from({ length: 400 }, (_, i) => dateOfDay(dayOfDate('2026-01-01')! + i));
    const calendar: BusinessCalendar = { ...SHANGHAI_OFFICE, holidays, workdays: [] };
    // 2027-02-05 is the first day after the holidays, a Friday.
    expect(add(calendar, '2026-01-01T00:00:00+08:00', 60)).toBe('2027-02-05T02:00:00.000Z');
  });

  it('rejects a negative or fractional number of minutes', () => {
    expect(() => addBusinessMinutes(SHANGHAI_OFFICE, at('2026-01-01T00:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(SHANGHAI_OFFICE, at('2026-01-01T00:00:00Z'), 1.5)).toThrow(RangeError);
  });
});

describe('business time across daylight-saving changes', () => {
  const sundays = (timeZone: string, interval: OpenInterval): BusinessCalendar => ({
    timeZone,
    hours: { sun: [interval] },
    holidays: [],
    workdays: [],
  });

  it('never opens local times that are skipped (New York, 8 Mar 2026, 02:00 -> 03:00)', () => {
    const calendar = sundays('America/New_York', ['01:30', '02:30']);
    const from = at('2026-03-08T00:00:00-05:00');
    expect(businessMinutesBetween(calendar, from, at('2026-03-09T00:00:00-04:00'))).toBe(30);
    expect(add(calendar, '2026-03-08T00:00:00-05:00', 30)).toBe('2026-03-08T07:00:00.000Z');
    // The next minute is a week later.
    expect(add(calendar, '2026-03-08T00:00:00-05:00', 31)).toBe('2026-03-15T05:31:00.000Z');
  });

  it('opens local times that happen twice both times (New York, 1 Nov 2026, 02:00 -> 01:00)', () => {
    const calendar = sundays('America/New_York', ['01:00', '02:00']);
    expect(
      businessMinutesBetween(calendar, at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00')),
    ).toBe(120);
    expect(add(calendar, '2026-11-01T00:00:00-04:00', 90)).toBe('2026-11-01T06:30:00.000Z');
  });

  it('handles half-hour changes (Lord Howe Island)', () => {
    // 5 Apr 2026: 02:00 (+11) becomes 01:30 (+10:30), so 01:30–02:00 happens twice.
    const back = sundays('Australia/Lord_Howe', ['01:00', '03:00']);
    expect(businessMinutesBetween(back, at('2026-04-04T12:00:00Z'), at('2026-04-05T12:00:00Z'))).toBe(150);
    // 4 Oct 2026: 02:00 (+10:30) becomes 02:30 (+11).
    const forward = sundays('Australia/Lord_Howe', ['01:00', '03:00']);
    expect(businessMinutesBetween(forward, at('2026-10-03T12:00:00Z'), at('2026-10-04T12:00:00Z'))).toBe(90);
  });
});

describe('what the engine keeps of a calendar', () => {
  it('notices a calendar whose holidays or workdays were replaced or added to', () => {
    const calendar: BusinessCalendar = { ...SHANGHAI_OFFICE, holidays: [], workdays: [] };
    expect(add(calendar, '2026-09-30T17:00:00+08:00', 120)).toBe('2026-10-01T02:00:00.000Z');
    calendar.holidays.push('2026-10-01');
    expect(add(calendar, '2026-09-30T17:00:00+08:00', 120)).toBe('2026-10-02T02:00:00.000Z');
    calendar.holidays = ['2026-10-01', '2026-10-02'];
    expect(add(calendar, '2026-09-30T17:00:00+08:00', 120)).toBe('2026-10-05T02:00:00.000Z');
    calendar.workdays = [{ date: '2026-10-03', hours: [['10:00', '11:00']] }];
    expect(add(calendar, '2026-09-30T17:00:00+08:00', 120)).toBe('2026-10-03T03:00:00.000Z');
  });

  it('gives equal answers for equal calendars in other objects', () => {
    const copy = structuredClone(SHANGHAI_OFFICE);
    expect(add(copy, '2026-09-30T17:00:00+08:00', 120)).toBe(
      add(SHANGHAI_OFFICE, '2026-09-30T17:00:00+08:00', 120),
    );
    const other = { ...copy, timeZone: 'Europe/London' };
    expect(add(other, '2026-09-30T17:00:00+01:00', 120)).toBe('2026-10-06T09:00:00.000Z');
  });
});

describe('dates', () => {
  it('reads only real YYYY-MM-DD dates', () => {
    expect(dayOfDate('1970-01-01')).toBe(0);
    expect(dateOfDay(dayOfDate('2026-02-28')! + 1)).toBe('2026-03-01');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '26-01-01', ''])
      expect(dayOfDate(bad)).toBeUndefined();
  });
});

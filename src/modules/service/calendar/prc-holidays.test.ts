import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, dayOfDate, type BusinessCalendar } from './business-time.js';
import data from './holidays/cn.json' with { type: 'json' };
import {
  findPrcHolidayYear,
  PRC_HOLIDAY_YEARS,
  prcHolidayCalendar,
  readPrcHolidayYears,
} from './prc-holidays.js';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

describe('the PRC holiday data', () => {
  it('parses, with a notice for every year', () => {
    const years = readPrcHolidayYears(data);
    expect(years.map((y) => y.year)).toEqual(PRC_HOLIDAY_YEARS);
    expect(PRC_HOLIDAY_YEARS).toContain(2026);
    for (const year of years) {
      expect(year.notice.title).toContain(`${year.year}年`);
      expect(year.notice.source).toMatch(/^https:\/\//);
    }
  });

  it('has real dates of its own year, each once; every make-up day is a weekend day and no holiday', () => {
    for (const year of readPrcHolidayYears(data)) {
      const holidays = year.holidays.map((day) => day.date);
      const workdays = year.workdays.map((day) => day.date);
      for (const date of [...holidays, ...workdays]) {
        expect(dayOfDate(date), date).toBeDefined();
        expect(date.slice(0, 4)).toBe(String(year.year));
      }
      expect(new Set(holidays).size).toBe(holidays.length);
      expect(new Set(workdays).size).toBe(workdays.length);
      for (const date of workdays) {
        expect(isWeekend(date), `${date} is a make-up working day`).toBe(true);
        expect(holidays).not.toContain(date);
      }
      for (const day of [...year.holidays, ...year.workdays]) {
        expect(day.zh).not.toBe('');
        expect(day.en).not.toBe('');
      }
    }
  });

  it('holds the 2026 notice', () => {
    const year = findPrcHolidayYear(2026)!;
    expect(year.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(year.workdays.map((day) => day.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(year.holidays.filter((day) => day.zh === '春节').map((day) => day.date)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(year.holidays.find((day) => day.date === '2026-10-07')).toEqual({
      date: '2026-10-07',
      zh: '国庆节',
      en: 'National Day',
    });
  });

  it('rejects a malformed file', () => {
    const bad = structuredClone(data);
    bad.years[0]!.festivals[0]!.off.to = '2026-02-30';
    expect(() => readPrcHolidayYears(bad)).toThrow();
  });
});

describe('a business calendar with the PRC holidays', () => {
  const nineToSix: [string, string][] = [['09:00', '18:00']];
  const calendar: BusinessCalendar = {
    timeZone: 'Asia/Shanghai',
    hours: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
    ...prcHolidayCalendar([2026, 2027], nineToSix),
  };

  it('closes the National Day week and opens the make-up Saturday', () => {
    // Wed 30 Sep 17:00 + 120 minutes: 60 that day; 1–7 Oct are days off; Thu 8 Oct 09:00–10:00.
    expect(addBusinessMinutes(calendar, new Date('2026-09-30T17:00:00+08:00'), 120)?.toISOString()).toBe(
      '2026-10-08T02:00:00.000Z',
    );
    // Fri 9 Oct 17:00 + 120: Sat 10 Oct is a make-up working day.
    expect(addBusinessMinutes(calendar, new Date('2026-10-09T17:00:00+08:00'), 120)?.toISOString()).toBe(
      '2026-10-10T02:00:00.000Z',
    );
    // Sun 20 Sep works too.
    expect(addBusinessMinutes(calendar, new Date('2026-09-18T17:00:00+08:00'), 120)?.toISOString()).toBe(
      '2026-09-20T02:00:00.000Z',
    );
  });

  it('adds nothing for a year without a published notice', () => {
    expect(prcHolidayCalendar(1999, nineToSix)).toEqual({ holidays: [], workdays: [] });
  });
});

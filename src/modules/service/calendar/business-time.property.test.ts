/**
 * Properties of the business-time engine: it equals the minute-by-minute oracle on random calendars
 * (hours with breaks, holidays, make-up days) in zones with and without daylight saving, around their
 * offset changes; and adding and counting agree with each other for targets up to 100,000 minutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  dateOfDay,
  SEARCH_DAYS,
  WEEKDAYS,
  type BusinessCalendar,
  type OpenInterval,
  type Weekday,
} from './business-time.js';
import {
  oracleAddBusinessMinutes,
  oracleBusinessMinutesBetween,
  oracleOpenMinutes,
} from './business-time.oracle.test-helper.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Zones, each with instants near which it changes its offset (Sao Paulo's were at midnight) or near holidays. */
const PLACES: [string, string[]][] = [
  ['Asia/Shanghai', ['2026-09-30T09:00:00Z', '2026-02-14T00:00:00Z']],
  ['America/New_York', ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z']],
  ['Europe/London', ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']],
  ['Australia/Lord_Howe', ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z']],
  ['America/Sao_Paulo', ['2018-11-04T03:00:00Z', '2019-02-17T02:00:00Z']],
  ['Asia/Kolkata', ['2026-06-01T00:00:00Z']],
];
const placeArb = fc.constantFrom(...PLACES).chain(([timeZone, anchors]) =>
  fc.record({
    timeZone: fc.constant(timeZone),
    anchor: fc.constantFrom(...anchors.map((iso) => Date.parse(iso))),
  }),
);

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A minute of the day, often one where clocks change (00:00–03:00) or offices open. */
const minuteArb = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.constantFrom(0, 30, 60, 90, 120, 150, 180, 540, 720, 780, 1080, 1410, 1440),
);

/** Sorted non-overlapping intervals (with breaks), or now and then messy ones (overlapping, inverted). */
const intervalsArb: fc.Arbitrary<OpenInterval[]> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.uniqueArray(minuteArb, { maxLength: 6 }).map((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const intervals: OpenInterval[] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
      return intervals;
    }),
  },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.tuple(minuteArb, minuteArb).map(([a, b]): OpenInterval => [hhmm(a), hhmm(b)]),
      {
        maxLength: 3,
      },
    ),
  },
);

type Scenario = { calendar: BusinessCalendar; window: number };

/** A calendar and the start of a three-day window near an offset change or a holiday, at a random second. */
const scenarioArb = (openWeekdays: boolean): fc.Arbitrary<Scenario> =>
  fc
    .record({
      place: placeArb,
      shift: fc.integer({ min: -3 * 86_400, max: 86_400 }),
      hours: fc.array(intervalsArb, { minLength: 7, maxLength: 7 }),
      holidays: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 4 }),
      workdays: fc.array(fc.record({ day: fc.integer({ min: -1, max: 6 }), hours: intervalsArb }), {
        maxLength: 2,
      }),
    })
    .map(({ place: { timeZone, anchor }, shift, hours, holidays, workdays }) => {
      const window = anchor + shift * 1000;
      const firstDay = Math.floor(window / DAY);
      const record: Partial<Record<Weekday, OpenInterval[]>> = {};
      WEEKDAYS.forEach((weekday, i) => {
        const own = hours[i]!;
        // A fixed noon hour on weekdays keeps the oracle's searches short.
        const intervals: OpenInterval[] =
          openWeekdays && i >= 1 && i <= 5 ? [...own, ['12:00', '13:00']] : own;
        if (intervals.length > 0) record[weekday] = intervals;
      });
      return {
        window,
        calendar: {
          timeZone,
          hours: record,
          holidays: holidays.map((k) => dateOfDay(firstDay + k)),
          workdays: workdays.map(({ day, hours: own }) => ({ date: dateOfDay(firstDay + day), hours: own })),
        },
      };
    });

const WINDOW = 3 * DAY;

describe('business time equals the minute-by-minute oracle', () => {
  it('for many starts and minute counts over one scanned window', () => {
    fc.assert(
      fc.property(
        scenarioArb(false),
        fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: WINDOW / 1000 }),
            length: fc.integer({ min: 0, max: WINDOW / 1000 }),
            minutes: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3000 })),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        ({ calendar, window }, questions) => {
          const open = oracleOpenMinutes(calendar, new Date(window), new Date(window + WINDOW));
          const windowEnd = Math.floor((window + WINDOW) / MINUTE) * MINUTE;
          for (const { from, length, minutes } of questions) {
            const start = window + from * 1000;
            const stop = Math.min(start + length * 1000, window + WINDOW);
            const inside = open.filter((t) => t >= start);
            expect(businessMinutesBetween(calendar, new Date(start), new Date(stop))).toBe(
              inside.filter((t) => t + MINUTE <= stop).length,
            );
            const due = addBusinessMinutes(calendar, new Date(start), minutes);
            const expected =
              minutes === 0
                ? inside[0]
                : inside[minutes - 1] === undefined
                  ? undefined
                  : inside[minutes - 1]! + MINUTE;
            if (expected !== undefined) expect(due?.getTime()).toBe(expected);
            // Not in the window: it is after it, or there is none.
            else if (due) expect(due.getTime()).toBeGreaterThanOrEqual(windowEnd);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('for both functions as the oracle computes them', () => {
    fc.assert(
      fc.property(
        scenarioArb(true),
        fc.integer({ min: 0, max: WINDOW / 1000 }),
        fc.integer({ min: 0, max: 240 }),
        fc.integer({ min: 0, max: 2 * 86_400 }),
        ({ calendar, window }, from, minutes, length) => {
          const start = new Date(window + from * 1000);
          const stop = new Date(start.getTime() + length * 1000);
          expect(addBusinessMinutes(calendar, start, minutes)).toEqual(
            oracleAddBusinessMinutes(calendar, start, minutes),
          );
          expect(businessMinutesBetween(calendar, start, stop)).toBe(
            oracleBusinessMinutesBetween(calendar, start, stop),
          );
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('addBusinessMinutes and businessMinutesBetween agree', () => {
  const instantArb = fc.integer({
    min: Date.parse('2018-01-01T00:00:00Z') / 1000,
    max: Date.parse('2028-01-01T00:00:00Z') / 1000,
  });

  it('counts back the minutes it added, for targets up to 100,000 minutes', () => {
    fc.assert(
      fc.property(
        scenarioArb(true),
        instantArb,
        fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 100_000 })),
        ({ calendar }, from, minutes) => {
          const start = new Date(from * 1000);
          const due = addBusinessMinutes(calendar, start, minutes);
          if (!due) {
            // Undefined only when the search holds fewer open minutes.
            const horizon = new Date(Math.ceil(start.getTime() / MINUTE) * MINUTE + SEARCH_DAYS * DAY);
            expect(businessMinutesBetween(calendar, start, horizon)).toBeLessThan(minutes);
            return;
          }
          expect(due.getTime() % MINUTE).toBe(0);
          expect(businessMinutesBetween(calendar, start, due)).toBe(minutes);
          if (minutes > 0)
            expect(businessMinutesBetween(calendar, start, new Date(due.getTime() - 1))).toBe(minutes - 1);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reaches no further than the end for the minutes counted up to it, and past it for one more', () => {
    fc.assert(
      fc.property(
        scenarioArb(true),
        instantArb,
        fc.integer({ min: 0, max: 60 * 86_400 }),
        ({ calendar }, from, length) => {
          const start = new Date(from * 1000);
          const end = new Date((from + length) * 1000);
          const n = businessMinutesBetween(calendar, start, end);
          if (n > 0)
            expect(addBusinessMinutes(calendar, start, n)!.getTime()).toBeLessThanOrEqual(end.getTime());
          expect(addBusinessMinutes(calendar, start, n + 1)!.getTime()).toBeGreaterThan(end.getTime());
        },
      ),
      { numRuns: 100 },
    );
  });

  it('adds in steps as in one go, and counts in pieces as in one', () => {
    fc.assert(
      fc.property(
        scenarioArb(true),
        instantArb,
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        ({ calendar }, from, a, b) => {
          const start = new Date(from * 1000);
          const middle = addBusinessMinutes(calendar, start, a)!;
          const end = addBusinessMinutes(calendar, start, a + b)!;
          if (a > 0) expect(addBusinessMinutes(calendar, middle, b)).toEqual(end);
          expect(
            businessMinutesBetween(calendar, start, middle) + businessMinutesBetween(calendar, middle, end),
          ).toBe(businessMinutesBetween(calendar, start, end));
        },
      ),
      { numRuns: 100 },
    );
  });
});

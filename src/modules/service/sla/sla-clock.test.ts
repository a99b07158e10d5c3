/**
 * The SLA clocks against a brute-force oracle: a resolution clock walked minute by minute through
 * random pauses, stops and reopens, over random Shanghai calendars (UTC+8, no daylight saving, so
 * the oracle reads local time by adding eight hours) with holidays and make-up days.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/calendar.contract.js';
import { breachesAt, dueTimesOf, moveClock, type ClockState, type TicketStatus } from './sla-clock.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const START = Date.parse('2026-09-24T16:00:00Z'); // Friday 25 September, 00:00 in Shanghai
const WEEK = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const localDate = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

/** One or two open intervals on a 15-minute grid, at least two hours open. */
const dayArb = fc
  .tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 8, max: 32 }),
    fc.option(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 4, max: 16 }))),
  )
  .map(([start, length, second]) => {
    const intervals: [string, string][] = [[hhmm(start * 15), hhmm((start + length) * 15)]];
    if (second) {
      const from = start + length + second[0];
      intervals.push([hhmm(from * 15), hhmm((from + second[1]) * 15)]);
    }
    return intervals;
  });

const dateArb = fc.integer({ min: 0, max: 30 }).map((d) => localDate(START + d * DAY));

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constant('Asia/Shanghai'),
  hours: fc.record(
    { mon: dayArb, tue: dayArb, wed: dayArb, thu: dayArb, fri: dayArb, sat: dayArb, sun: dayArb },
    { requiredKeys: ['mon', 'tue', 'wed', 'thu', 'fri'] },
  ),
  holidays: fc.uniqueArray(dateArb, { maxLength: 6 }),
  workdays: fc.uniqueArray(fc.record({ date: dateArb, hours: dayArb }), {
    maxLength: 3,
    selector: (day) => day.date,
  }),
});

/** Whether the minute starting at `t` is open, read independently of business-time.ts. */
function isOpen(calendar: BusinessCalendar, t: number): boolean {
  const local = new Date(t + 8 * 3_600_000);
  const date = local.toISOString().slice(0, 10);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const workday = calendar.workdays.find((day) => day.date === date);
  const intervals = workday
    ? workday.hours
    : calendar.holidays.includes(date)
      ? []
      : (calendar.hours[WEEK[local.getUTCDay()]!] ?? []);
  return intervals.some(([from, to]) => {
    const [fh, fm] = from.split(':').map(Number);
    const [th, tm] = to.split(':').map(Number);
    return minute >= fh! * 60 + fm! && minute < th! * 60 + tm!;
  });
}

const RUNNING: readonly TicketStatus[] = ['open', 'on_hold'];

/** The resolution due time walked minute by minute: running, open minutes count until the target. */
function oracleDue(
  calendar: BusinessCalendar,
  createdAt: number,
  target: number,
  events: { at: number; status: TicketStatus }[],
): number {
  let count = 0;
  let next = 0;
  let status: TicketStatus = 'open';
  for (let t = createdAt; t < createdAt + 120 * DAY; t += MINUTE) {
    while (next < events.length && events[next]!.at <= t) status = events[next++]!.status;
    if (RUNNING.includes(status) && isOpen(calendar, t)) count += 1;
    if (count === target) return t + MINUTE;
  }
  throw new Error('no due time within 120 days');
}

const eventsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 1500 }),
      status: fc.constantFrom<TicketStatus>('open', 'pending', 'on_hold', 'solved'),
    }),
    { maxLength: 5 },
  )
  .map((steps) => [...steps, { gap: 1 + (steps.length % 7), status: 'open' as const }]);

describe('SLA clocks', () => {
  it('match a minute-by-minute oracle through pauses, stops and reopens', () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 0, max: 10 * 1440 }),
        fc.integer({ min: 1, max: 900 }),
        eventsArb,
        (calendar, startMinute, target, steps) => {
          const createdAt = START + startMinute * MINUTE;
          const targets = { firstResponseMinutes: target, resolutionMinutes: target };
          let state: ClockState = {
            status: 'open',
            createdAt: new Date(createdAt),
            pausedBusinessMinutes: 0,
            pausedAt: null,
            solvedAt: null,
            firstRespondedAt: null,
          };
          let due = dueTimesOf(calendar, targets, state);
          const events: { at: number; status: TicketStatus }[] = [];
          let at = createdAt;
          for (const step of steps) {
            at += step.gap * MINUTE;
            events.push({ at, status: step.status });
            if (step.status === state.status) continue;
            state = moveClock(calendar, { ...state, ...due }, step.status, new Date(at));
            due = dueTimesOf(calendar, targets, state);
          }
          const expected = oracleDue(calendar, createdAt, target, events);
          expect(due.resolutionDueAt?.getTime()).toBe(expected);
          const breached = breachesAt({ ...state, ...due }, new Date(expected + MINUTE));
          expect(breached.resolution).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);

  it('has no due times without a calendar or targets, and judges a paused clock when it paused', () => {
    const state: ClockState = {
      status: 'pending',
      createdAt: new Date('2026-09-25T09:00:00Z'),
      pausedBusinessMinutes: 0,
      pausedAt: new Date('2026-09-25T09:30:00Z'),
      solvedAt: null,
      firstRespondedAt: null,
    };
    expect(dueTimesOf(undefined, undefined, state)).toEqual({
      firstResponseDueAt: null,
      resolutionDueAt: null,
    });
    const due = { firstResponseDueAt: null, resolutionDueAt: new Date('2026-09-25T10:00:00Z') };
    expect(breachesAt({ ...state, ...due }, new Date('2026-10-25T00:00:00Z'))).toEqual({
      firstResponse: false,
      resolution: false,
    });
  });
});

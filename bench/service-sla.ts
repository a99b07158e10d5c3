/**
 * SLA due times (issue 24, "Measure"): the first-response and resolution due times of 100k open
 * tickets recomputed over the Shanghai office calendar (the spec's hours, Monday's lunch break) with
 * the PRC public holidays and make-up working days, for tickets created at random times in the years
 * the holiday data covers, with random priorities. Goal: 100k tickets recomputed in <= 2 s.
 *
 * Three ways: one calendar object for every ticket (as a policy change recomputes a queue; the first
 * tickets pay for deriving the calendar's days; the goal applies to this one), a fresh copy of the
 * calendar per ticket (as when each ticket's calendar is read anew; the engine finds what it derived
 * for the equal calendar by its content), and one due time 100,000 business minutes ahead over a
 * calendar new to the engine. A sample of tickets is checked against the minute-by-minute oracle. No
 * database.
 *
 * Sizes from the environment: `KEHU_BENCH_SLA_TICKETS` (default 100,000), `KEHU_BENCH_SLA_CHECKS`
 * tickets checked against the oracle (default 20).
 */
import {
  addBusinessMinutes,
  dateOfDay,
  type BusinessCalendar,
  type OpenInterval,
} from '../src/modules/service/calendar/business-time.js';
import { oracleAddBusinessMinutes } from '../src/modules/service/calendar/business-time.oracle.test-helper.js';
import { PRC_HOLIDAY_YEARS, prcHolidayCalendar } from '../src/modules/service/calendar/prc-holidays.js';
import { now, type BenchContext, type Measurement } from './harness.js';
import { countLabel, loadNote, percentile, perSecond } from './stats.js';

const GOAL_MS = 2000;
const GOAL_TICKETS = 100_000;

const NINE_TO_SIX: OpenInterval[] = [['09:00', '18:00']];

/** The spec's "Shanghai office" hours with the PRC holidays of every year in the data. */
export const SHANGHAI_WITH_PRC_HOLIDAYS: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  hours: {
    mon: [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ],
    tue: NINE_TO_SIX,
    wed: NINE_TO_SIX,
    thu: NINE_TO_SIX,
    fri: NINE_TO_SIX,
  },
  ...prcHolidayCalendar(PRC_HOLIDAY_YEARS, NINE_TO_SIX),
};

/** Business-minute targets per priority: first response, resolution. */
const TARGETS = [
  { priority: 'urgent', firstResponse: 30, resolution: 240 },
  { priority: 'high', firstResponse: 60, resolution: 480 },
  { priority: 'normal', firstResponse: 240, resolution: 1440 },
  { priority: 'low', firstResponse: 480, resolution: 2880 },
] as const;

type Ticket = { createdAt: Date; target: (typeof TARGETS)[number] };
type Due = { firstResponse: Date | undefined; resolution: Date | undefined };

function size(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** A small deterministic generator (mulberry32), so every run measures the same tickets. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tickets created at random seconds of the data's years, a quarter of each priority on average. */
function makeTickets(count: number): Ticket[] {
  const next = random(24);
  const first = Date.UTC(Math.min(...PRC_HOLIDAY_YEARS), 0, 1) - 8 * 3_600_000;
  const last = Date.UTC(Math.max(...PRC_HOLIDAY_YEARS) + 1, 0, 1) - 8 * 3_600_000;
  return Array.from({ length: count }, () => ({
    createdAt: new Date(first + Math.floor(next() * ((last - first) / 1000)) * 1000),
    target: TARGETS[Math.floor(next() * TARGETS.length)]!,
  }));
}

function dueOf(calendar: BusinessCalendar, ticket: Ticket): Due {
  return {
    firstResponse: addBusinessMinutes(calendar, ticket.createdAt, ticket.target.firstResponse),
    resolution: addBusinessMinutes(calendar, ticket.createdAt, ticket.target.resolution),
  };
}

function recompute(
  tickets: readonly Ticket[],
  calendarOf: () => BusinessCalendar,
): { ms: number; due: Due[] } {
  const started = now();
  const due = tickets.map((ticket) => dueOf(calendarOf(), ticket));
  return { ms: now() - started, due };
}

/** Throws when a sampled ticket's due times differ from the minute-by-minute oracle's. */
function checkAgainstOracle(tickets: readonly Ticket[], due: readonly Due[], checks: number): void {
  const calendar = SHANGHAI_WITH_PRC_HOLIDAYS;
  const step = Math.max(1, Math.floor(tickets.length / checks));
  for (let i = 0; i < tickets.length; i += step) {
    const ticket = tickets[i]!;
    const expected = [
      oracleAddBusinessMinutes(calendar, ticket.createdAt, ticket.target.firstResponse),
      oracleAddBusinessMinutes(calendar, ticket.createdAt, ticket.target.resolution),
    ].map((d) => d?.getTime());
    const got = [due[i]!.firstResponse, due[i]!.resolution].map((d) => d?.getTime());
    if (expected[0] !== got[0] || expected[1] !== got[1])
      throw new Error(
        `ticket ${i} created ${ticket.createdAt.toISOString()} (${ticket.target.priority}): ` +
          `engine ${JSON.stringify(got)}, oracle ${JSON.stringify(expected)}`,
      );
  }
}

function verdict(count: number, ms: number): string {
  const projected = (ms * GOAL_TICKETS) / count;
  return `goal ${countLabel(GOAL_TICKETS)} in <= ${GOAL_MS} ms: ${projected <= GOAL_MS ? 'MET' : 'MISSED'}`;
}

/** Times one due time 100,000 business minutes ahead (about a year of this calendar), p50 over runs. */
function measureLongTarget(runs: number): Measurement {
  const next = random(100_000);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A calendar nothing is known of yet: one more (long past) holiday makes it new.
    const calendar = {
      ...SHANGHAI_WITH_PRC_HOLIDAYS,
      holidays: [...SHANGHAI_WITH_PRC_HOLIDAYS.holidays, dateOfDay(-30_000 + i)],
    };
    const from = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 180 * 86_400) * 1000);
    const started = now();
    addBusinessMinutes(calendar, from, 100_000);
    times.push(now() - started);
  }
  return {
    metric: 'one due time 100,000 business minutes ahead p50',
    value: percentile(times, 50),
    unit: 'ms',
    note: `a calendar new to the engine each time; p95 ${percentile(times, 95).toFixed(2)} ms over ${runs} runs; ${loadNote()}`,
  };
}

export function measureSla(context: BenchContext): Measurement[] {
  const count = size('KEHU_BENCH_SLA_TICKETS', 100_000);
  const checks = size('KEHU_BENCH_SLA_CHECKS', 20);
  const tickets = makeTickets(count);
  const label = countLabel(count);
  const about = `${label} tickets created in ${PRC_HOLIDAY_YEARS.join(', ')}, 2 due times each, Shanghai office + PRC holidays`;

  // One calendar object for all, fresh (its days are derived during the run).
  const shared = { ...SHANGHAI_WITH_PRC_HOLIDAYS };
  const one = recompute(tickets, () => shared);
  context.log(`one calendar: ${label} tickets in ${one.ms.toFixed(0)} ms`);
  // A fresh copy of the calendar per ticket.
  const fresh = recompute(tickets, () => ({ ...SHANGHAI_WITH_PRC_HOLIDAYS }));
  context.log(`a calendar per ticket: ${label} tickets in ${fresh.ms.toFixed(0)} ms`);
  for (let i = 0; i < count; i++)
    if (fresh.due[i]!.resolution?.getTime() !== one.due[i]!.resolution?.getTime())
      throw new Error(`ticket ${i}: the two recomputations differ`);

  const started = now();
  checkAgainstOracle(tickets, one.due, checks);
  context.log(`${checks} tickets equal the minute-by-minute oracle (${(now() - started).toFixed(0)} ms)`);

  const note = (ms: number) => `${verdict(count, ms)}; ${about}; ${loadNote()}`;
  const perTicketNote = `no goal (a recomputation reads each calendar once); equal calendars share what was derived; ${about}; ${loadNote()}`;
  return [
    {
      metric: `due times recomputed, one calendar (${label})`,
      value: one.ms,
      unit: 'ms',
      note: note(one.ms),
    },
    {
      metric: `due times recomputed, one calendar`,
      value: perSecond(count, one.ms),
      unit: 'tickets/s',
      note: about,
    },
    {
      metric: `due times recomputed, a calendar per ticket (${label})`,
      value: fresh.ms,
      unit: 'ms',
      note: perTicketNote,
    },
    {
      metric: `due times recomputed, a calendar per ticket`,
      value: perSecond(count, fresh.ms),
      unit: 'tickets/s',
      note: about,
    },
    measureLongTarget(200),
  ];
}

/**
 * Rows for the safety bench, generated on the database side: touchpoints of one tenant (a funnel's
 * four events over 90 days, twenty per person) and the "big change" the maintenance measurement
 * needs (customers' intent tiers and follow-up times rewritten, events renamed), chunk by chunk.
 */
import type pg from 'pg';
import { MonthPartitions } from '../src/modules/insights/index.js';
import type { Db } from '../src/platform/db/database.js';
import { DAY_MS } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { now } from './harness.js';

/** The funnel's steps, in order; most visitors stop early. */
export const FUNNEL = ['page_viewed', 'signed_up', 'added_to_cart', 'order_completed'] as const;

/** The events span 90 days from here. */
export const EVENTS_FROM = new Date('2026-01-01T00:00:00Z');
const SPAN_MS = 90 * DAY_MS;
const CHUNK = 100_000;

/** Where event `i` (1-based) of `count` sits in time: evenly spread, whole milliseconds apart. */
export const eventStepMs = (count: number): number => Math.max(1, Math.floor(SPAN_MS / count));

const INSERT_EVENTS = `
  insert into events (tenant_id, id, source_id, person_id, type, event, channel, message_id,
    "timestamp", received_at, properties)
  select $1::uuid, gen_random_uuid(), $4::uuid,
    ('00000000-0000-4000-8000-' || lpad(to_hex(i % $5::int), 12, '0'))::uuid,
    'track',
    case when h < 60 then '${FUNNEL[0]}' when h < 80 then '${FUNNEL[1]}'
         when h < 92 then '${FUNNEL[2]}' else '${FUNNEL[3]}' end,
    'web', 'bench-' || i, t, t, '{}'::jsonb
  from (
    select i, abs(hashint4(i)) % 100 as h,
      $6::timestamptz + (i::bigint * $7::bigint) * interval '1 millisecond' as t
    from generate_series($2::int, $3::int) as g(i)
  ) s`;

/** Loads `count` events into the tenant (month partitions first); returns the milliseconds taken. */
export async function loadEvents(
  pool: pg.Pool,
  db: Db,
  tenantId: string,
  count: number,
  onChunk?: (loaded: number, ms: number) => void,
): Promise<number> {
  const step = eventStepMs(count);
  const last = new Date(EVENTS_FROM.getTime() + (count + 1) * step);
  const months: Date[] = [];
  for (let at = EVENTS_FROM.getTime(); at <= last.getTime(); at += 20 * DAY_MS) months.push(new Date(at));
  await new MonthPartitions(db).ensure([...months, last]);
  const persons = Math.max(1, Math.floor(count / 20));
  const sourceId = newId();
  const started = now();
  for (let first = 1; first <= count; first += CHUNK) {
    const to = Math.min(count, first + CHUNK - 1);
    await pool.query(INSERT_EVENTS, [tenantId, first, to, sourceId, persons, EVENTS_FROM, step]);
    onChunk?.(to, now() - started);
  }
  return now() - started;
}

const CHANGE_CUSTOMERS = `
  with picked as (
    select id from customers where tenant_id = $1 and id > $2 order by id limit $3
  ), changed as (
    update customers c
    set intent_tier = case when c.intent_tier = 'A' then 'B' else 'A' end, last_follow_up_at = $4
    from picked where c.tenant_id = $1 and c.id = picked.id
    returning c.id
  )
  select (select count(*) from changed)::int as n, (select max(id::text) from picked) as last`;

/**
 * Rewrites the intent tier and follow-up time of up to `count` customers (most become tier A, so the
 * statistics taken before are wrong afterwards); returns how many changed.
 */
export async function changeCustomers(
  pool: pg.Pool,
  tenantId: string,
  count: number,
  at: Date,
): Promise<number> {
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  while (changed < count) {
    const { rows } = await pool.query<{ n: number; last: string | null }>(CHANGE_CUSTOMERS, [
      tenantId,
      after,
      Math.min(CHUNK / 2, count - changed),
      at,
    ]);
    const [row] = rows;
    if (!row || row.n === 0 || !row.last) break;
    changed += row.n;
    after = row.last;
  }
  return changed;
}

/** Renames up to `count` of the oldest events to the funnel's last step; returns how many changed. */
export async function changeEvents(
  pool: pg.Pool,
  tenantId: string,
  events: number,
  count: number,
): Promise<number> {
  const step = eventStepMs(events);
  const at = (i: number) => new Date(EVENTS_FROM.getTime() + i * step);
  let changed = 0;
  for (let first = 1; first <= Math.min(count, events); first += CHUNK) {
    const to = Math.min(count, events, first + CHUNK - 1);
    const result = await pool.query(
      `update events set event = $4 where tenant_id = $1 and "timestamp" >= $2 and "timestamp" < $3`,
      [tenantId, at(first), at(to + 1), FUNNEL[3]],
    );
    changed += result.rowCount ?? 0;
  }
  return changed;
}

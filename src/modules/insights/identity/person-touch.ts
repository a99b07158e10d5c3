/**
 * First/last-seen widening of persons that batches only sent events for, taken out of the batches'
 * transactions and coalesced: each committed batch adds its persons' event-time ranges to a pending
 * set per database handle (one entry per person, ranges merged), and the set is written in one
 * statement — by the batch that leaves no other batch of this process running (so an idle or
 * sequential caller, like a test, finds its persons widened when `ingestMessages` returns), when it
 * grows past `MAX_PENDING`, or at the latest `FLUSH_AFTER_MS` after its first entry. So under load
 * first/last seen lag the events by up to that long, and a crash loses at most that much widening
 * (the person's next event moves it on). Rows another transaction holds are skipped and stay
 * pending: waiting for them could deadlock against person locks.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { SeenWrite } from './person-write.repository.js';

/** Pending persons that make the next committed batch write them at once. */
export const MAX_PENDING = 5_000;
/** The longest a pending widening waits for a quiet moment. */
export const FLUSH_AFTER_MS = 2_000;

type Pending = { tenantId: string; id: string; first: number; last: number };
type Buffer = {
  pending: Map<string, Pending>;
  running: number;
  flushing: Promise<void> | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Called with the ids a flush found missing from `persons` (the database was reset under us). */
  onMissing?: () => void;
};

const buffers = new WeakMap<Db, Buffer>();

function bufferOf(db: Db): Buffer {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = { pending: new Map(), running: 0, flushing: undefined, timer: undefined };
    buffers.set(db, buffer);
  }
  return buffer;
}

/** Marks a batch of `db` as running (flushes wait for the last one to end); call `batchEnded` after. */
export function batchStarted(db: Db): void {
  bufferOf(db).running++;
}

/** Says what to do when a flush finds pending persons that do not exist (e.g. forget cached ones). */
export function onMissingPersons(db: Db, handler: () => void): void {
  bufferOf(db).onMissing = handler;
}

/** Adds persons' seen ranges to the pending set of `db`. */
export function notePersonsSeen(db: Db, tenantId: string, rows: SeenWrite[]): void {
  if (rows.length === 0) return;
  const { pending } = bufferOf(db);
  for (const row of rows) {
    const key = `${tenantId}|${row.id}`;
    const first = row.firstSeenAt.getTime();
    const last = row.lastSeenAt.getTime();
    const entry = pending.get(key);
    if (!entry) pending.set(key, { tenantId, id: row.id, first, last });
    else {
      entry.first = Math.min(entry.first, first);
      entry.last = Math.max(entry.last, last);
    }
  }
}

/**
 * Ends a batch started with `batchStarted`: writes the pending widening now when no other batch of
 * `db` runs or too much is pending, else makes sure a timer will. Never fails: a widening that
 * could not be written stays pending for the timer.
 */
export async function batchEnded(db: Db): Promise<void> {
  const buffer = bufferOf(db);
  buffer.running--;
  if (buffer.pending.size === 0) return;
  if (buffer.running === 0 || buffer.pending.size >= MAX_PENDING) {
    try {
      await flushPersonTouches(db);
      return;
    } catch {
      // Kept pending: the timer below tries again.
    }
  }
  armTimer(db, buffer);
}

function armTimer(db: Db, buffer: Buffer): void {
  buffer.timer ??= setTimeout(() => {
    buffer.timer = undefined;
    flushPersonTouches(db).catch(() => armTimer(db, buffer));
  }, FLUSH_AFTER_MS).unref();
}

/** Writes the pending first/last-seen widening of `db` now (waits for a flush under way first). */
export async function flushPersonTouches(db: Db): Promise<void> {
  const buffer = bufferOf(db);
  while (buffer.flushing) await buffer.flushing;
  if (buffer.pending.size === 0) return;
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = undefined;
  const rows = [...buffer.pending.values()];
  buffer.pending = new Map();
  buffer.flushing = writeTouches(db, buffer, rows).finally(() => {
    buffer.flushing = undefined;
  });
  await buffer.flushing;
}

async function writeTouches(db: Db, buffer: Buffer, rows: Pending[]): Promise<void> {
  let outcome: { skipped: string[]; missing: number };
  try {
    outcome = await touchPending(db, rows);
  } catch (error) {
    requeue(buffer, rows);
    throw error;
  }
  if (outcome.missing > 0) buffer.onMissing?.();
  const skipped = new Set(outcome.skipped);
  requeue(
    buffer,
    rows.filter((row) => skipped.has(`${row.tenantId}|${row.id}`)),
  );
}

/** Puts rows back into the pending set (merging with what arrived meanwhile). */
function requeue(buffer: Buffer, rows: Pending[]): void {
  for (const row of rows) {
    const key = `${row.tenantId}|${row.id}`;
    const entry = buffer.pending.get(key);
    if (!entry) buffer.pending.set(key, row);
    else {
      entry.first = Math.min(entry.first, row.first);
      entry.last = Math.max(entry.last, row.last);
    }
  }
}

/**
 * Widens the rows (skipping those another transaction holds); answers the `tenant|id` keys skipped
 * that still needed widening, and how many persons do not exist at all.
 */
async function touchPending(db: Db, rows: Pending[]): Promise<{ skipped: string[]; missing: number }> {
  const json = JSON.stringify(
    rows.map((row) => ({
      t: row.tenantId,
      id: row.id,
      f: new Date(row.first).toISOString(),
      l: new Date(row.last).toISOString(),
    })),
  );
  const result = await db.execute<{ skipped: string[] | null; missing: number }>(sql`
    with x as materialized (
      select * from jsonb_to_recordset(${json}::jsonb) as x(t uuid, id uuid, f timestamptz, l timestamptz)
    ), present as materialized (
      select q.tenant_id, q.id, x.f, x.l,
        (q.last_seen_at < x.l or q.first_seen_at > x.f) as needed
      from x join persons q on q.tenant_id = x.t and q.id = x.id
      where q.id = any(${sql.param(rows.map((row) => row.id))}::uuid[])
    ), locked as (
      select q.tenant_id, q.id, present.f, present.l from persons q
      join present on q.tenant_id = present.tenant_id and q.id = present.id
      where present.needed
      order by q.id
      for update of q skip locked
    ), touched as (
      update persons p set first_seen_at = least(p.first_seen_at, locked.f),
        last_seen_at = greatest(p.last_seen_at, locked.l)
      from locked where p.tenant_id = locked.tenant_id and p.id = locked.id
      returning p.tenant_id, p.id
    )
    select
      (select json_agg(present.tenant_id || '|' || present.id) from present
        where present.needed and not exists (
          select 1 from touched where touched.tenant_id = present.tenant_id and touched.id = present.id)
      ) as skipped,
      (select count(*)::int from x) - (select count(*)::int from present) as missing`);
  const row = result.rows[0]!;
  return { skipped: row.skipped ?? [], missing: row.missing };
}

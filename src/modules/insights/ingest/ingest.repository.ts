/**
 * A batch's writes in one round trip: the persons, identities, accounts and trait history identity
 * resolution decided, and the event rows, sent as one statement of data-modifying CTEs. They touch
 * different rows, so the order PostgreSQL runs them in does not matter.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { Write } from '../message/batch-write.contract.js';

/** Sends `writes` as one statement and answers the ids the `returnsIds` ones returned. */
export async function executeWrites(db: Db, writes: (Write | undefined)[]): Promise<string[]> {
  const given = writes.filter((write): write is Write => write !== undefined);
  if (given.length === 0) return [];
  const ctes = sql.join(
    given.map((write, index) => sql`${sql.raw(`w${index}`)} as (${write.sql})`),
    sql`, `,
  );
  const returning = given.flatMap((write, index) => (write.returnsIds ? [`select id from w${index}`] : []));
  const ids = sql.raw(
    returning.length ? returning.join(' union all ') : 'select null::uuid as id where false',
  );
  const result = await db.execute<{ ids: string[] }>(
    sql`with ${ctes} select coalesce((select json_agg(id) from (${ids}) r), '[]') as ids`,
  );
  return result.rows[0]!.ids;
}

/**
 * In one statement (so atomic without a transaction around it): claims message ids with `claim` (an
 * insert `returning message_id`) and runs `insert`, if any, which reads the claimed ids from the
 * CTE named `claimed`; answers the ids claimed.
 */
export async function claimAndInsert(db: Db, claim: SQL, insert: Write | undefined): Promise<Set<string>> {
  const stored = insert ? sql`, stored as (${insert.sql})` : sql``;
  const result = await db.execute<{ ids: string[] }>(sql`
    with claimed as (${claim})${stored}
    select coalesce((select json_agg(message_id) from claimed), '[]') as ids`);
  return new Set(result.rows[0]!.ids);
}

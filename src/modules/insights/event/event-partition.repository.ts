/** Queries on the monthly partitions of `events`: which exist, and creating one. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { partitionDdl, partitionName, type EventMonth } from './event-partition.js';

/** Which of the partition `names` exist. */
export async function listExistingPartitions(db: Db, names: string[]): Promise<Set<string>> {
  const result = await db.execute<{ name: string }>(
    sql`select n as name from unnest(${sql.param(names)}::text[]) n where to_regclass(n) is not null`,
  );
  return new Set(result.rows.map((row) => row.name));
}

/**
 * Creates the partition of `month`. When a concurrent creator wins the race (duplicate type or
 * relation), its error is swallowed once the partition is seen to exist.
 */
export async function createMonthPartition(db: Db, month: EventMonth): Promise<void> {
  try {
    await db.execute(sql.raw(partitionDdl(month)));
  } catch (error) {
    if ((await listExistingPartitions(db, [partitionName(month)])).size === 0) throw error;
  }
}

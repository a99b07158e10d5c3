/**
 * Who a user id stands for, for other contexts that show who did something (the warehouse names who
 * weighed goods in and out). Reading only.
 */
import type { Db } from '../../../platform/db/database.js';
import * as repo from './identity.repository.js';

/** A user as other contexts show them. */
export type UserName = { name: string; email: string };

/**
 * The name and email of each of these users, keyed by id (null and unknown ids are left out). Pass
 * ids from the caller's own tenant's records only. The lookup is by id alone, not by membership: a
 * user who has left the tenant is still named on what they did there.
 */
export async function findUserNames(db: Db, userIds: (string | null)[]): Promise<Map<string, UserName>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await repo.listUserNames(db, ids);
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}

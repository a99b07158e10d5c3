/** Finds existing customers sharing a duplicate-matching key, across the whole tenant (not the actor's scope). */
import { and, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import type { MatchKeys } from '../matching/matching.contract.js';
import { customers } from './customer.table.js';

/** The columns duplicate checks compare. */
export type MatchRow = {
  id: string;
  name: string;
  kind: string;
  ownerUserId: string | null;
  poolId: string | null;
  phoneKey: string | null;
  emailKey: string | null;
  nameKey: string | null;
  uscc: string | null;
};

const matchColumns = {
  id: customers.id,
  name: customers.name,
  kind: customers.kind,
  ownerUserId: customers.ownerUserId,
  poolId: customers.poolId,
  phoneKey: customers.phoneKey,
  emailKey: customers.emailKey,
  nameKey: customers.nameKey,
  uscc: customers.uscc,
};

/**
 * Customers sharing any key with any of `keys`, in one query: imports check a thousand rows at a time.
 * Duplicates are looked for across the tenant, since the point is to stop two reps working one customer.
 */
export async function findCustomersByKeys(
  db: Db,
  tenantId: string,
  keys: MatchKeys[],
  excludeIds: string[] = [],
): Promise<MatchRow[]> {
  const values = (pick: (k: MatchKeys) => string | undefined) => [
    ...new Set(keys.map(pick).filter((v): v is string => !!v)),
  ];
  const phones = values((k) => k.phoneKey);
  const emails = values((k) => k.emailKey);
  const names = values((k) => k.nameKey);
  const usccs = values((k) => k.uscc);
  const any: SQL[] = [];
  if (phones.length) any.push(inArray(customers.phoneKey, phones));
  if (emails.length) any.push(inArray(customers.emailKey, emails));
  if (names.length) any.push(inArray(customers.nameKey, names));
  if (usccs.length) any.push(inArray(customers.uscc, usccs));
  if (any.length === 0) return [];
  const exclude = excludeIds.length === 1 ? ne(customers.id, excludeIds[0]!) : undefined;
  const rows = await db
    .select(matchColumns)
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), or(...any), exclude));
  return excludeIds.length > 1 ? rows.filter((row) => !excludeIds.includes(row.id)) : rows;
}

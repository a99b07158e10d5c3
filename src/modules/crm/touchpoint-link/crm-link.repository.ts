/**
 * Queries behind the touchpoints link: customers by external id or USCC, contacts by external id,
 * email key or phone key, and committee seats that tolerate a concurrent identical write. Tenant-wide
 * (touchpoints arrive without a user), batch-sized.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { customers } from '../customer/customer.table.js';
import { accountMembers, people } from '../contact/contact.table.js';
import type { NewMemberRow, NewContactRow } from '../contact/contact.repository.js';

/** Customers whose external id or USCC is among the given ones, oldest first. */
export async function findCustomersByExternalKeys(
  db: Db,
  tenantId: string,
  externalIds: string[],
  usccs: string[],
): Promise<{ id: string; externalId: string | null; uscc: string | null }[]> {
  const any: SQL[] = [];
  if (externalIds.length) any.push(inArray(customers.externalId, externalIds));
  if (usccs.length) any.push(inArray(customers.uscc, usccs));
  if (any.length === 0) return [];
  return db
    .select({ id: customers.id, externalId: customers.externalId, uscc: customers.uscc })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), or(...any)))
    .orderBy(asc(customers.id));
}

/** A contact with the keys it may be found by and the accounts it is a member of. */
export type ContactKeyRow = {
  id: string;
  externalId: string | null;
  emailKey: string | null;
  phoneKey: string | null;
  customerIds: string[];
};

/** Contacts having any of these external ids, email keys or phone keys, oldest first, with their accounts. */
export async function findContactsByKeys(
  db: Db,
  tenantId: string,
  keys: { externalIds: string[]; emailKeys: string[]; phoneKeys: string[] },
): Promise<ContactKeyRow[]> {
  const any: SQL[] = [];
  if (keys.externalIds.length) any.push(inArray(people.externalId, keys.externalIds));
  if (keys.emailKeys.length) any.push(inArray(people.emailKey, keys.emailKeys));
  if (keys.phoneKeys.length) any.push(inArray(people.phoneKey, keys.phoneKeys));
  if (any.length === 0) return [];
  return db
    .select({
      id: people.id,
      externalId: people.externalId,
      emailKey: people.emailKey,
      phoneKey: people.phoneKey,
      customerIds: sql<string[]>`array(select ${accountMembers.customerId} from ${accountMembers}
        where ${accountMembers.tenantId} = ${people.tenantId} and ${accountMembers.personId} = ${people.id}
        order by ${accountMembers.customerId})`,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), or(...any)))
    .orderBy(asc(people.id));
}

/** The contact with this external id, if any. */
export async function findContactByExternalId(db: Db, tenantId: string, externalId: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.externalId, externalId)));
  return row?.id;
}

/** Inserts a contact unless its external id is taken; answers whether it was inserted. */
export async function insertContactUnlessTaken(db: Db, row: NewContactRow): Promise<boolean> {
  const inserted = await db.insert(people).values(row).onConflictDoNothing().returning({ id: people.id });
  return inserted.length > 0;
}

/** Adds a committee seat unless the contact has one on that account already. */
export async function insertSeatUnlessMember(db: Db, row: NewMemberRow): Promise<void> {
  await db.insert(accountMembers).values(row).onConflictDoNothing();
}

/**
 * Queries on account memberships: the seats of buying committees. Callers check that the actor may
 * see or change the account first; these queries only keep to the tenant.
 */
import { and, eq, exists, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.js';
import type { MemberChanges, MemberRow, NewMemberRow, ContactRow } from './contact.repository.js';
import { accountMembers, people } from './contact.table.js';

/** Every member of one account's committee, with the person. */
export async function listMembers(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<{ member: MemberRow; person: ContactRow }[]> {
  return db
    .select({ member: accountMembers, person: people })
    .from(accountMembers)
    .innerJoin(
      people,
      and(eq(people.tenantId, accountMembers.tenantId), eq(people.id, accountMembers.personId)),
    )
    .where(and(eq(accountMembers.tenantId, tenantId), eq(accountMembers.customerId, customerId)));
}

/** The membership of a person in an account, if there is one. */
export async function findMember(
  db: Db,
  tenantId: string,
  customerId: string,
  personId: string,
): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(accountMembers)
    .where(
      and(
        eq(accountMembers.tenantId, tenantId),
        eq(accountMembers.customerId, customerId),
        eq(accountMembers.personId, personId),
      ),
    );
  return row;
}

/** Inserts memberships (the rows carry their tenant). */
export async function insertMembers(db: Db, rows: NewMemberRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(accountMembers).values(rows);
}

/** Takes the primary flag from whoever holds it on these accounts, except `keepPersonId`. */
export async function clearPrimary(
  db: Db,
  tenantId: string,
  customerIds: string[],
  at: Date,
  keepPersonId?: string,
): Promise<void> {
  if (customerIds.length === 0) return;
  await db
    .update(accountMembers)
    .set({ isPrimary: false, updatedAt: at })
    .where(
      and(
        eq(accountMembers.tenantId, tenantId),
        inArray(accountMembers.customerId, customerIds),
        eq(accountMembers.isPrimary, true),
        keepPersonId ? ne(accountMembers.personId, keepPersonId) : undefined,
      ),
    );
}

/** Changes one membership; the row after, if it exists. */
export async function updateMember(
  db: Db,
  tenantId: string,
  customerId: string,
  personId: string,
  changes: MemberChanges & { updatedAt: Date },
): Promise<MemberRow | undefined> {
  const [row] = await db
    .update(accountMembers)
    .set(changes)
    .where(
      and(
        eq(accountMembers.tenantId, tenantId),
        eq(accountMembers.customerId, customerId),
        eq(accountMembers.personId, personId),
      ),
    )
    .returning();
  return row;
}

/** Removes one membership; true when there was one. */
export async function deleteMember(
  db: Db,
  tenantId: string,
  customerId: string,
  personId: string,
): Promise<boolean> {
  const rows = await db
    .delete(accountMembers)
    .where(
      and(
        eq(accountMembers.tenantId, tenantId),
        eq(accountMembers.customerId, customerId),
        eq(accountMembers.personId, personId),
      ),
    )
    .returning({ personId: accountMembers.personId });
  return rows.length > 0;
}

/**
 * Moves the memberships of merged-away accounts onto the surviving one. A person on several of these
 * accounts keeps one membership: the survivor's, else the one on the lowest merged id. Moved members
 * lose the primary flag, so the survivor keeps its own primary contact.
 */
export async function moveMembers(
  db: Db,
  tenantId: string,
  fromIds: string[],
  intoId: string,
  at: Date,
): Promise<void> {
  if (fromIds.length === 0) return;
  const other = alias(accountMembers, 'other');
  await db.delete(accountMembers).where(
    and(
      eq(accountMembers.tenantId, tenantId),
      inArray(accountMembers.customerId, fromIds),
      exists(
        db
          .select({ one: sql`1` })
          .from(other)
          .where(
            and(
              eq(other.tenantId, accountMembers.tenantId),
              eq(other.personId, accountMembers.personId),
              or(
                eq(other.customerId, intoId),
                and(inArray(other.customerId, fromIds), lt(other.customerId, accountMembers.customerId)),
              ),
            ),
          ),
      ),
    ),
  );
  await db
    .update(accountMembers)
    .set({ customerId: intoId, isPrimary: false, updatedAt: at })
    .where(and(eq(accountMembers.tenantId, tenantId), inArray(accountMembers.customerId, fromIds)));
}

/** A membership by its key. */
export type MemberKey = { customerId: string; personId: string };

/** The buying-committee rows of these customers. */
export async function listMembersOfCustomers(
  db: Db,
  tenantId: string,
  customerIds: string[],
): Promise<MemberRow[]> {
  return db
    .select()
    .from(accountMembers)
    .where(and(eq(accountMembers.tenantId, tenantId), inArray(accountMembers.customerId, customerIds)));
}

/** `(customer_id, person_id) in (...)` for a list of membership keys. */
const memberKeyIn = (keys: MemberKey[]) =>
  sql`(${accountMembers.customerId}, ${accountMembers.personId}) in (${sql.join(
    keys.map((key) => sql`(${key.customerId}::uuid, ${key.personId}::uuid)`),
    sql`, `,
  )})`;

/**
 * Moves the committees of merged customers to the target as a merge planned it: drops the
 * memberships in `drop`, clears the primary flag of those in `unprimary`, then moves what is left;
 * answers how many moved.
 */
export async function moveMembersByPlan(
  db: Db,
  tenantId: string,
  merge: { intoId: string; fromIds: string[] },
  plan: { drop: MemberKey[]; unprimary: MemberKey[] },
  at: Date,
): Promise<number> {
  const tenant = eq(accountMembers.tenantId, tenantId);
  if (plan.drop.length) await db.delete(accountMembers).where(and(tenant, memberKeyIn(plan.drop)));
  if (plan.unprimary.length) {
    await db
      .update(accountMembers)
      .set({ isPrimary: false, updatedAt: at })
      .where(and(tenant, memberKeyIn(plan.unprimary)));
  }
  const moved = await db
    .update(accountMembers)
    .set({ customerId: merge.intoId, updatedAt: at })
    .where(and(tenant, inArray(accountMembers.customerId, merge.fromIds)))
    .returning({ personId: accountMembers.personId });
  return moved.length;
}

/** Adds a committee seat unless the contact has one on that account already. */
export async function insertSeatUnlessMember(db: Db, row: NewMemberRow): Promise<void> {
  await db.insert(accountMembers).values(row).onConflictDoNothing();
}

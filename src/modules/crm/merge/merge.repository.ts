/**
 * Queries of a merge: locking the customers involved, re-pointing every relation from the merged
 * customers to the one they merge into, recording where they went and deleting them. No rules here:
 * which fields win and which memberships stay are decided in merge-plan.ts.
 */
import { and, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import type { CustomerRow } from '../customer/customer.repository.js';
import { visibleCustomers } from '../customer/customer.repository.js';
import { customerMerges, customers } from '../customer/customer.table.js';
import { followUps } from '../follow-up/follow-up.table.js';
import { accountMembers } from '../contact/contact.table.js';
import { tierChanges } from '../tier/tier.table.js';
import type { RepointedRelation } from './merge.contract.js';

export type MemberRow = typeof accountMembers.$inferSelect;
export type NewMergeRecord = Omit<typeof customerMerges.$inferInsert, 'tenantId'>;

/** A membership by its key. */
export type MemberKey = { customerId: string; personId: string };

/** Moves the rows of one relation from the merged customers to the target; answers how many moved. */
export type Repointer = {
  relation: Exclude<RepointedRelation, 'members' | 'poolMoves'>;
  repoint(tx: Db, tenantId: string, intoId: string, fromIds: string[]): Promise<number>;
};

/** Re-points a plain `customer_id` column. */
const byCustomerId =
  (table: typeof followUps | typeof tierChanges) =>
  async (tx: Db, tenantId: string, intoId: string, fromIds: string[]): Promise<number> =>
    (
      await tx
        .update(table)
        .set({ customerId: intoId })
        .where(and(eq(table.tenantId, tenantId), inArray(table.customerId, fromIds)))
        .returning({ id: table.id })
    ).length;

/**
 * Every relation that follows a merged customer to its new home, except buying-committee memberships
 * (which need a plan, see `moveMembers`) and the pool log (customer ownership re-points it). EXTENSION POINT: when deals, tickets or tenders arrive, add
 * one entry per table that holds a `customer_id` here (and its count to `RepointedCounts`); the merge
 * service runs them all in its one transaction.
 */
export const REPOINTERS: readonly Repointer[] = [
  { relation: 'followUps', repoint: byCustomerId(followUps) },
  { relation: 'tierChanges', repoint: byCustomerId(tierChanges) },
  {
    relation: 'children',
    repoint: async (tx, tenantId, intoId, fromIds) =>
      (
        await tx
          .update(customers)
          .set({ parentId: intoId })
          .where(
            and(
              eq(customers.tenantId, tenantId),
              inArray(customers.parentId, fromIds),
              // The target's own parent and the merged customers themselves are settled by the merge.
              ne(customers.id, intoId),
              notInArray(customers.id, fromIds),
            ),
          )
          .returning({ id: customers.id })
      ).length,
  },
];

/** The customers with these ids the actor may see. */
export async function findVisibleCustomers(db: Db, actor: Actor, ids: string[]): Promise<CustomerRow[]> {
  return db
    .select()
    .from(customers)
    .where(visibleCustomers(actor, inArray(customers.id, ids)));
}

/** Where each of these ids went, for those that were merged away already. */
export async function findMergedInto(
  db: Db,
  actor: Actor,
  ids: string[],
): Promise<{ fromId: string; intoId: string }[]> {
  return db
    .select({ fromId: customerMerges.fromId, intoId: customerMerges.intoId })
    .from(customerMerges)
    .where(and(tenantRows(actor, customerMerges), inArray(customerMerges.fromId, ids)));
}

/** Locks the customers of a merge until the transaction ends, so two merges cannot cross. */
export async function lockCustomers(tx: Db, tenantId: string, ids: string[]): Promise<CustomerRow[]> {
  return tx
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)))
    .orderBy(customers.id)
    .for('update');
}

/** The buying-committee rows of these customers. */
export async function listMembersOf(tx: Db, tenantId: string, customerIds: string[]): Promise<MemberRow[]> {
  return tx
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
 * Moves the committees of the merged customers to the target: drops the memberships in `drop`,
 * clears the primary flag of those in `unprimary`, then moves what is left; answers how many moved.
 */
export async function moveMembers(
  tx: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
  plan: { drop: MemberKey[]; unprimary: MemberKey[] },
  at: Date,
): Promise<number> {
  const tenant = eq(accountMembers.tenantId, tenantId);
  if (plan.drop.length) await tx.delete(accountMembers).where(and(tenant, memberKeyIn(plan.drop)));
  if (plan.unprimary.length) {
    await tx
      .update(accountMembers)
      .set({ isPrimary: false, updatedAt: at })
      .where(and(tenant, memberKeyIn(plan.unprimary)));
  }
  const moved = await tx
    .update(accountMembers)
    .set({ customerId: intoId, updatedAt: at })
    .where(and(tenant, inArray(accountMembers.customerId, fromIds)))
    .returning({ personId: accountMembers.personId });
  return moved.length;
}

/**
 * Records where merged customers went, and points older merges into them at the new target too, so
 * an id merged twice still leads to where its data lives now.
 */
export async function recordMerges(
  tx: Db,
  tenantId: string,
  intoId: string,
  rows: Omit<NewMergeRecord, 'intoId'>[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .update(customerMerges)
    .set({ intoId })
    .where(
      and(
        eq(customerMerges.tenantId, tenantId),
        inArray(
          customerMerges.intoId,
          rows.map((row) => row.fromId),
        ),
      ),
    );
  await tx.insert(customerMerges).values(rows.map((row) => ({ ...row, intoId, tenantId })));
}

/** Deletes customers (merged away) of the tenant. */
export async function deleteCustomers(tx: Db, tenantId: string, ids: string[]): Promise<void> {
  await tx.delete(customers).where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
}

/** Queries on customers. Every read starts from `visibleRows`, so tenant and data scope always apply. */
import { and, count, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { ownedRows, visibleRows } from '../../../platform/tenancy.js';
import type { CustomerSummaryQuery, ListCustomersQuery } from './customer.contract.js';
import { customers } from './customer.table.js';

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = Omit<typeof customers.$inferInsert, 'tenantId'>;

const visible = (actor: Actor, ...conditions: (SQL | undefined)[]): SQL | undefined =>
  and(
    visibleRows(actor, customers, { ownerUserId: customers.ownerUserId, teamId: customers.teamId }),
    ...conditions,
  );

/** Inserts customers into the actor's tenant. */
export async function insertCustomers(db: Db, actor: Actor, rows: NewCustomerRow[]): Promise<CustomerRow[]> {
  if (rows.length === 0) return [];
  return db.insert(customers).values(ownedRows(actor, rows)).returning();
}

/** One customer the actor may see. */
export async function findVisibleCustomer(
  db: Db,
  actor: Actor,
  id: string,
): Promise<CustomerRow | undefined> {
  return (
    await db
      .select()
      .from(customers)
      .where(visible(actor, eq(customers.id, id)))
  )[0];
}

/** The filters shared by the list and the summary. */
function matching(query: CustomerSummaryQuery): (SQL | undefined)[] {
  const text = query.q ?? query.search ?? query.name;
  const pattern = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return [
    query.ownerUserId ? eq(customers.ownerUserId, query.ownerUserId) : undefined,
    pattern
      ? or(ilike(customers.name, pattern), ilike(customers.phone, pattern), ilike(customers.email, pattern))
      : undefined,
  ];
}

/** A page of customers the actor may see, newest first; one extra row tells whether another page exists. */
export async function listVisibleCustomers(
  db: Db,
  actor: Actor,
  query: ListCustomersQuery,
): Promise<CustomerRow[]> {
  return db
    .select()
    .from(customers)
    .where(
      visible(
        actor,
        query.kind ? eq(customers.kind, query.kind) : undefined,
        query.after ? lt(customers.id, query.after) : undefined,
        ...matching(query),
      ),
    )
    .orderBy(desc(customers.id))
    .limit(query.limit + 1);
}

/** How many customers of each kind the actor may see. */
export async function countVisibleCustomersByKind(
  db: Db,
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<{ kind: string; n: number }[]> {
  return db
    .select({ kind: customers.kind, n: count() })
    .from(customers)
    .where(visible(actor, ...matching(query)))
    .groupBy(customers.kind);
}

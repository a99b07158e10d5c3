/**
 * Queries on customers. Every read starts from `visibleCustomers` (customer-scope.contract.ts): the
 * actor's tenant and data scope, plus every customer sitting in a pool.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { ownedRows, tenantRows } from '../../../platform/tenancy.js';
import type { CustomerSummaryQuery, ListCustomersQuery } from './customer.contract.js';
import { visibleCustomers } from './customer-scope.contract.js';
import { customerMerges, customers } from './customer.table.js';
import { containing, withInitials } from './customer-search.contract.js';

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = Omit<typeof customers.$inferInsert, 'tenantId'>;
export type CustomerSeedRow = typeof customers.$inferInsert;
export type CustomerChanges = Partial<Omit<CustomerRow, 'tenantId' | 'id' | 'createdAt'>>;

/** Inserts customers into the actor's tenant. */
export async function insertCustomers(db: Db, actor: Actor, rows: NewCustomerRow[]): Promise<CustomerRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(customers)
    .values(ownedRows(actor, rows.map(withInitials)))
    .returning();
}

/** Inserts customers as they are, tenant included (seed data). */
export async function insertCustomerRows(db: Db, rows: CustomerSeedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(customers).values(rows.map(withInitials));
}

/** Changes one customer of the actor's tenant (scope is checked by the caller); the row after, if any. */
export async function updateCustomerRow(
  db: Db,
  actor: Pick<Actor, 'tenantId'>,
  id: string,
  changes: CustomerChanges,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .update(customers)
    .set(withInitials(changes))
    .where(and(tenantRows(actor, customers), eq(customers.id, id)))
    .returning();
  return row;
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
      .where(visibleCustomers(actor, eq(customers.id, id)))
  )[0];
}

/** One customer of the actor's tenant, whoever owns it (for checks such as a parent account). */
export async function findTenantCustomer(db: Db, actor: Actor, id: string): Promise<CustomerRow | undefined> {
  return (
    await db
      .select()
      .from(customers)
      .where(and(tenantRows(actor, customers), eq(customers.id, id)))
  )[0];
}

/** Matches a list of tiers where `none` stands for "no tier". */
function tierIn(
  column: typeof customers.intentTier | typeof customers.satisfactionTier,
  tiers: string[] | undefined,
): SQL | undefined {
  if (!tiers) return undefined;
  const named = tiers.filter((tier) => tier !== 'none');
  const none = tiers.includes('none') ? isNull(column) : undefined;
  if (named.length === 0) return none;
  const some = named.length === 1 ? eq(column, named[0]!) : inArray(column, named);
  return none ? or(some, none) : some;
}

type Facet = 'kind' | 'intentTier';

/** The filters shared by the list and the summary; a facet's own filter is left out when counting it. */
function matching(query: CustomerSummaryQuery, without?: Facet): (SQL | undefined)[] {
  const text = query.q ?? query.search ?? query.name;
  return [
    query.kind && without !== 'kind' ? eq(customers.kind, query.kind) : undefined,
    without !== 'intentTier' ? tierIn(customers.intentTier, query.intentTier) : undefined,
    tierIn(customers.satisfactionTier, query.satisfactionTier),
    query.valueTier ? eq(customers.valueTier, query.valueTier) : undefined,
    query.persona ? eq(customers.persona, query.persona) : undefined,
    query.ownerUserId ? eq(customers.ownerUserId, query.ownerUserId) : undefined,
    query.poolId ? eq(customers.poolId, query.poolId) : undefined,
    query.ownership === 'pool' ? isNotNull(customers.poolId) : undefined,
    query.ownership === 'owned' ? isNotNull(customers.ownerUserId) : undefined,
    query.tag ? sql`${customers.tags} @> array[${query.tag}]::text[]` : undefined,
    text ? containing(text) : undefined,
  ];
}

/** A position in a list sorted by last follow-up: the timestamp (null sorts last) and the id. */
export type FollowUpCursor = { at: Date | null; id: string };

/** The keyset predicate "after this position" for `last_follow_up_at desc nulls last, id desc`. */
function afterFollowUp(cursor: FollowUpCursor): SQL {
  const at = customers.lastFollowUpAt;
  if (cursor.at === null) return and(isNull(at), lt(customers.id, cursor.id))!;
  return or(lt(at, cursor.at), and(eq(at, cursor.at), lt(customers.id, cursor.id)), isNull(at))!;
}

/** A page of customers the actor may see; one extra row tells whether another page exists. */
export async function listVisibleCustomers(
  db: Db,
  actor: Actor,
  query: ListCustomersQuery,
  cursor: { id: string } | FollowUpCursor | undefined,
): Promise<CustomerRow[]> {
  const byFollowUp = query.sort === 'lastFollowUp';
  const position = !cursor
    ? undefined
    : byFollowUp && 'at' in cursor
      ? afterFollowUp(cursor)
      : lt(customers.id, cursor.id);
  return db
    .select()
    .from(customers)
    .where(visibleCustomers(actor, position, ...matching(query)))
    .orderBy(
      ...(byFollowUp
        ? [sql`${customers.lastFollowUpAt} desc nulls last`, desc(customers.id)]
        : [desc(customers.id)]),
    )
    .limit(query.limit + 1);
}

/** How many customers the actor may see, by kind (ignoring the kind filter). */
export async function countVisibleByKind(
  db: Db,
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<{ key: string; n: number }[]> {
  return db
    .select({ key: customers.kind, n: count() })
    .from(customers)
    .where(visibleCustomers(actor, ...matching(query, 'kind')))
    .groupBy(customers.kind);
}

/** How many customers the actor may see, by intent tier (ignoring the tier filter); null key for none. */
export async function countVisibleByIntentTier(
  db: Db,
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<{ key: string | null; n: number }[]> {
  return db
    .select({ key: customers.intentTier, n: count() })
    .from(customers)
    .where(visibleCustomers(actor, ...matching(query, 'intentTier')))
    .groupBy(customers.intentTier);
}

/** Where a merged-away customer went, if `id` is one. */
export async function findMergeOf(db: Db, actor: Actor, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ intoId: customerMerges.intoId })
    .from(customerMerges)
    .where(and(tenantRows(actor, customerMerges), eq(customerMerges.fromId, id)));
  return row?.intoId;
}

/** The qualification facts a follow-up may update on its customer. */
export type ContactedFacts = { budget?: string; need?: string; objection?: string | null };

/**
 * Marks a customer as contacted at `at`: the last follow-up only moves forward (a backdated call does
 * not rewind it) and a pending recall warning is cleared; `facts` changes go in the same statement.
 */
export async function markCustomerContacted(
  db: Db,
  tenantId: string,
  customerId: string,
  at: Date,
  facts: ContactedFacts,
  now: Date,
): Promise<void> {
  await db
    .update(customers)
    .set({
      ...facts,
      lastFollowUpAt: sql`greatest(${customers.lastFollowUpAt}, ${at.toISOString()}::timestamptz)`,
      recallWarnedAt: null,
      updatedAt: now,
    })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
}

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

/** How many customers sit in each pool of the tenant (pools without customers are left out). */
export async function countCustomersByPool(
  db: Db,
  tenantId: string,
): Promise<{ poolId: string; n: number }[]> {
  const rows = await db
    .select({ poolId: customers.poolId, n: count() })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), isNotNull(customers.poolId)))
    .groupBy(customers.poolId);
  return rows.map((row) => ({ poolId: row.poolId!, n: row.n }));
}

/** Where each of these ids went, for those merged away (any scope: facts other contexts read). */
export async function listMergesFrom(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<{ fromId: string; intoId: string }[]> {
  return db
    .select({ fromId: customerMerges.fromId, intoId: customerMerges.intoId })
    .from(customerMerges)
    .where(and(eq(customerMerges.tenantId, tenantId), inArray(customerMerges.fromId, ids)));
}

/** What other features and contexts may know of a customer without the CRM scope. */
export type CustomerFactsRow = {
  id: string;
  name: string;
  kind: string;
  valueTier: string | null;
  intentTier: string | null;
  industry: string | null;
  region: string | null;
};

/** Name, kind, tiers, industry and region of the tenant's customers with these ids, whoever owns them. */
export async function listCustomerFacts(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<CustomerFactsRow[]> {
  return db
    .select({
      id: customers.id,
      name: customers.name,
      kind: customers.kind,
      valueTier: customers.valueTier,
      intentTier: customers.intentTier,
      industry: customers.industry,
      region: customers.region,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, ids)));
}

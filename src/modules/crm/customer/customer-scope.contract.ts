/**
 * Which customers an actor may see, as SQL on the customers table: their data scope, plus every
 * customer sitting in a pool, which all CRM users may see and claim. The customer feature's own
 * queries start from it, and so do the few statements of other features that must join customers in
 * the same statement to scope their rows (the repositories named in TABLE_JOINS.crm of
 * `.dependency-cruiser.cjs`): they import this predicate rather than rebuild it.
 */
import { and, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../platform/auth/actor.js';
import { tenantRows, visibleRows } from '../../../platform/tenancy.js';
import { customers } from './customer.table.js';

/** The predicate for customers the actor may see: their scope, or in a pool. */
export function visibleCustomers(actor: Actor, ...conditions: (SQL | undefined)[]): SQL | undefined {
  const scoped = visibleRows(actor, customers, {
    ownerUserId: customers.ownerUserId,
    teamId: customers.teamId,
  });
  const inScope =
    actor.scope === 'all'
      ? scoped
      : and(tenantRows(actor, customers), or(scoped, isNotNull(customers.poolId)));
  return and(inScope, ...conditions);
}

/**
 * The ids of the customers the actor may see, as a subquery for another statement (persons of the
 * customer data platform are scoped by it); undefined for scope `all`, which sees the whole tenant.
 */
export function visibleCustomerIds(actor: Actor): SQL | undefined {
  if (actor.scope === 'all') return undefined;
  return sql`select ${customers.id} from ${customers} where ${visibleCustomers(actor)}`;
}

/** "No owner / team / pool" in the kept counts, whose group columns are never null (the nil uuid). */
export const COUNT_NONE = '00000000-0000-0000-0000-000000000000';

/** The group columns of a kept-counts table (`customer_counts` or `customer_count_deltas`). */
export type CountColumns = { tenantId: PgColumn; ownerUserId: PgColumn; teamId: PgColumn; poolId: PgColumn };

/**
 * `visibleCustomers` over a kept-counts table: the same rule on the same columns, where a missing
 * owner, team or pool is `COUNT_NONE` instead of null (a real user or team id never equals it).
 */
export function visibleCustomerCounts(
  actor: Actor,
  table: CountColumns,
  ...conditions: (SQL | undefined)[]
): SQL | undefined {
  const scoped = visibleRows(actor, table, { ownerUserId: table.ownerUserId, teamId: table.teamId });
  const inScope =
    actor.scope === 'all' ? scoped : and(tenantRows(actor, table), or(scoped, ne(table.poolId, COUNT_NONE)));
  return and(inScope, ...conditions);
}

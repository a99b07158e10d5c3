/**
 * Tenant isolation and data scope, in one place. Repositories of tenant-owned tables never write a
 * `tenant_id` predicate by hand: they start every read from `visibleRows` and every write from
 * `ownedRows`, both built from the request's Actor.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './auth/actor.js';

/** A tenant-owned table: its first key column is `tenant_id`. */
export type TenantTable = { tenantId: PgColumn };

/** Columns that say who owns a row, for `own` and `team` data scope. */
export type OwnerColumns = { ownerUserId: PgColumn; teamId?: PgColumn };

/**
 * The predicate for rows of `table` the actor may see: always the actor's tenant and, when `owner`
 * is given, the actor's data scope (own rows; own plus their teams' rows; or all).
 */
export function visibleRows(actor: Actor, table: TenantTable, owner?: OwnerColumns): SQL {
  const tenant = eq(table.tenantId, actor.tenantId);
  if (!owner || actor.scope === 'all') return tenant;
  const own = actor.userId ? eq(owner.ownerUserId, actor.userId) : sql`false`;
  if (actor.scope === 'own' || !owner.teamId || actor.teamIds.length === 0) return and(tenant, own)!;
  return and(tenant, or(own, inArray(owner.teamId, actor.teamIds)))!;
}

/** The predicate for rows of `table` in the actor's tenant, regardless of data scope (for writes and checks). */
export function tenantRows(actor: Pick<Actor, 'tenantId'>, table: TenantTable): SQL {
  return eq(table.tenantId, actor.tenantId);
}

/** Stamps rows about to be inserted with the actor's tenant, whatever the caller put there. */
export function ownedRows<T extends object>(
  actor: Pick<Actor, 'tenantId'>,
  rows: T[],
): (T & { tenantId: string })[] {
  return rows.map((row) => ({ ...row, tenantId: actor.tenantId }));
}

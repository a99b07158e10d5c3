/**
 * Batch queries on customers for CSV import: one lookup per batch of rows for the customers they name
 * (by id or external id), the parents they point at, the likely duplicates and the ids merged away,
 * and one insert per batch. crm/import reaches them through customer-batch.service.ts.
 */
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { MatchKeys } from '../matching/matching.contract.js';
import { insertJsonRows } from './bulk-insert.repository.js';
import type { CustomerRow, NewCustomerRow } from './customer.repository.js';
import { visibleCustomers } from './customer-scope.contract.js';
import { customerMerges, customers } from './customer.table.js';
import type { MatchRow } from './duplicate.repository.js';

/** A customer of the tenant and whether the actor may see it. */
export type ScopedCustomerRow = CustomerRow & { visible: boolean };

/**
 * `select <what> from customers where tenant_id = <tenant> and <column> = v` for every v of `values`,
 * as one statement that probes the `(tenant_id, column)` index once per value. The plain form
 * (`column = any($values)`) lets the planner scan the whole tenant instead whenever the statistics
 * think the tenant small, which they do while an import is filling it (or any tenant added since the
 * last ANALYZE): every batch then reads every row imported before it. `offset 0` keeps the planner
 * from turning the per-value probe back into that scan.
 */
function probe(tenantId: string, column: PgColumn, values: string[], type: 'uuid' | 'text', what: SQL): SQL {
  return sql`select m.* from unnest(${sql.param(values)}::${sql.raw(type)}[]) as k(v) cross join lateral (select ${what} from ${customers} where ${customers.tenantId} = ${tenantId} and ${column} = k.v offset 0) as m`;
}

const CUSTOMER_COLUMNS = Object.entries(getTableColumns(customers));

/** A customers row read by raw SQL, in the shape drizzle's selects give. */
function customerRowOf(raw: Record<string, unknown>): CustomerRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of CUSTOMER_COLUMNS) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as CustomerRow;
}

/** Customers of the tenant with one of these ids or external ids, whoever owns them. */
export async function findCustomersByRef(
  db: Db,
  actor: Actor,
  ids: string[],
  externalIds: string[],
): Promise<ScopedCustomerRow[]> {
  const what = sql`${customers}.*, (${visibleCustomers(actor) ?? sql`true`}) as visible`;
  const branches: SQL[] = [];
  if (ids.length) branches.push(probe(actor.tenantId, customers.id, ids, 'uuid', what));
  if (externalIds.length)
    branches.push(probe(actor.tenantId, customers.externalId, externalIds, 'text', what));
  if (branches.length === 0) return [];
  const result = await db.execute<Record<string, unknown>>(sql.join(branches, sql` union all `));
  const byId = new Map<string, ScopedCustomerRow>();
  for (const raw of result.rows) {
    const row = customerRowOf(raw);
    byId.set(row.id, { ...row, visible: raw.visible === true });
  }
  return [...byId.values()];
}

/** Customers sharing a key with any of `keys`: the import's `findCustomersByKeys`, one probe per key. */
export async function findImportMatches(db: Db, tenantId: string, keys: MatchKeys[]): Promise<MatchRow[]> {
  const values = (pick: (k: MatchKeys) => string | undefined) => [
    ...new Set(keys.map(pick).filter((v): v is string => v !== undefined)),
  ];
  const branches = (
    [
      [customers.phoneKey, values((k) => k.phoneKey)],
      [customers.emailKey, values((k) => k.emailKey)],
      [customers.nameKey, values((k) => k.nameKey)],
      [customers.uscc, values((k) => k.uscc)],
    ] as const
  )
    .filter(([, list]) => list.length > 0)
    .map(([column, list]) => probe(tenantId, column, list, 'text', MATCH_COLUMNS));
  if (branches.length === 0) return [];
  const result = await db.execute<MatchRow>(sql.join(branches, sql` union `));
  return result.rows;
}

const MATCH_COLUMNS = sql.raw(
  [
    'id',
    'name',
    'kind',
    'owner_user_id as "ownerUserId"',
    'pool_id as "poolId"',
    'phone_key as "phoneKey"',
    'email_key as "emailKey"',
    'name_key as "nameKey"',
    'uscc',
  ].join(', '),
);

/** Which of these ids are customers of the tenant (parents named by rows). */
export async function findExistingIds(db: Db, tenantId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: string }>(probe(tenantId, customers.id, ids, 'uuid', sql.raw('id')));
  return result.rows.map((row) => row.id);
}

/** Where each of these ids went, for those merged away. */
export async function findMerges(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<{ fromId: string; intoId: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ fromId: customerMerges.fromId, intoId: customerMerges.intoId })
    .from(customerMerges)
    .where(
      and(
        eq(customerMerges.tenantId, tenantId),
        sql`${customerMerges.fromId} = any(${sql.param(ids)}::uuid[])`,
      ),
    );
}

/** Inserts a batch of imported customers in one statement. */
export async function insertImportedCustomers(
  db: Db,
  tenantId: string,
  rows: NewCustomerRow[],
): Promise<void> {
  await insertJsonRows(db, customers, rows, { tenantId });
}

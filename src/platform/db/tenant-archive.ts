/**
 * Tenant archives: every row of one tenant, as a directory with one JSON and one CSV file per table
 * and a manifest (tables, row counts), and re-creating a tenant from one in another database. The
 * tables are found in the catalogue (every table with a `tenant_id` column, partitions read through
 * their parent); global tables (tenants, users) come from the composition root as `extraTables`,
 * and it may prepare a table before its rows go in (`beforeImport`, e.g. event partitions). Rows
 * are read as PostgreSQL's own JSON and written back with `json_populate_recordset`, so every type
 * survives the round trip; tables are filled in foreign-key order.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './database.js';

/**
 * A table without `tenant_id` that still holds rows of a tenant: which ones, as a predicate on `t`;
 * `removeWhere` narrows what a removal deletes (users who belong to other tenants too stay).
 */
export type ExtraTable = {
  name: string;
  where: (tenantId: string) => SQL;
  removeWhere?: (tenantId: string) => SQL;
};

export type TenantArchiveManifest = {
  format: 'kehu-tenant-archive';
  formatVersion: 1;
  tenantId: string;
  createdAt: string;
  /** Table name -> rows written (`<table>.json` and `<table>.csv`), in import order. */
  tables: Record<string, { rows: number }>;
};

const MANIFEST = 'manifest.json';
const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * Tenant tables whose rows are derived from other tables' rows by a trigger (the kept customer
 * counts, kept by the `customers` trigger). An archive leaves them out, since importing the rows they
 * come from writes them again; a removal deletes them last, after the rows whose deletion writes them.
 */
export const derivedTables: readonly string[] = ['customer_counts', 'customer_count_deltas'];

/** Every ordinary or partitioned table of the public schema with a `tenant_id` column. */
async function allTenantTables(db: Db): Promise<string[]> {
  const result = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`);
  return result.rows.map((row) => row.name);
}

/** The tenant tables an archive holds: all but the derived ones. */
async function tenantTables(db: Db): Promise<string[]> {
  return (await allTenantTables(db)).filter((name) => !derivedTables.includes(name));
}

/** `tables` ordered so that each comes after the tables its foreign keys point at. */
async function inForeignKeyOrder(db: Db, tables: string[]): Promise<string[]> {
  const result = await db.execute<{ child: string; parent: string }>(sql`
    select cc.relname as child, pc.relname as parent from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid
    where k.contype = 'f'`);
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const edge of result.rows)
      if (edge.child === table && edge.parent !== table) visit(edge.parent, path);
    if (tables.includes(table)) ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** The rows of one table for the tenant, as PostgreSQL renders them to JSON. */
async function readRows(db: Db, table: string, where: SQL): Promise<Record<string, unknown>[]> {
  const result = await db.execute<{ row: Record<string, unknown> }>(
    sql`select to_jsonb(t) as row from ${ident(table)} t where ${where}`,
  );
  return result.rows.map((r) =>
    typeof r.row === 'string' ? (JSON.parse(r.row) as Record<string, unknown>) : r.row,
  );
}

const csvOf = (rows: Record<string, unknown>[]): string => {
  const columns = Object.keys(rows[0] ?? {});
  // Rows come from PostgreSQL's JSON: strings, numbers, booleans, null, arrays and objects.
  const cell = (value: unknown): string =>
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return stringify(
    rows.map((row) => columns.map((column) => cell(row[column]))),
    { header: true, columns },
  );
};

/** Every row of `tenantId`, per table in import order (what an archive holds), in memory. */
export async function readTenantRows(
  db: Db,
  tenantId: string,
  extraTables: ExtraTable[],
): Promise<{ table: string; rows: Record<string, unknown>[] }[]> {
  const extras = new Map(extraTables.map((extra) => [extra.name, extra]));
  const names = await inForeignKeyOrder(db, [...extras.keys(), ...(await tenantTables(db))]);
  const tables = [];
  for (const table of names) {
    const where = extras.get(table)?.where(tenantId) ?? sql`t.tenant_id = ${tenantId}`;
    tables.push({ table, rows: await readRows(db, table, where) });
  }
  return tables;
}

/** Writes every row of `tenantId` into the directory `dir` (created) and answers the manifest. */
export async function exportTenantArchive(
  db: Db,
  tenantId: string,
  dir: string,
  options: { extraTables: ExtraTable[]; now: Date },
): Promise<TenantArchiveManifest> {
  mkdirSync(dir, { recursive: true });
  const manifest: TenantArchiveManifest = {
    format: 'kehu-tenant-archive',
    formatVersion: 1,
    tenantId,
    createdAt: options.now.toISOString(),
    tables: {},
  };
  for (const { table, rows } of await readTenantRows(db, tenantId, options.extraTables)) {
    writeFileSync(path.join(dir, `${table}.json`), JSON.stringify(rows));
    writeFileSync(path.join(dir, `${table}.csv`), csvOf(rows));
    manifest.tables[table] = { rows: rows.length };
  }
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The manifest of the archive in `dir`; throws when it is not one. */
export function readTenantArchiveManifest(dir: string): TenantArchiveManifest {
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as TenantArchiveManifest;
  if (manifest.format !== 'kehu-tenant-archive') throw new Error(`${dir} is not a Kehu tenant archive`);
  return manifest;
}

/**
 * Re-creates the tenant of the archive in `dir`, in one transaction, and answers the rows inserted
 * per table. Refuses when the database already holds rows of that tenant.
 */
export async function importTenantArchive(
  db: Db,
  dir: string,
  options: {
    extraTables: ExtraTable[];
    beforeImport?: Record<string, (db: Db, rows: Record<string, unknown>[]) => Promise<void>>;
  },
): Promise<Record<string, number>> {
  const manifest = readTenantArchiveManifest(dir);
  const existing = await countTenantRows(db, manifest.tenantId, options.extraTables);
  const taken = Object.entries(existing).filter(([, rows]) => rows > 0);
  if (taken.length > 0)
    throw new Error(`the database already holds rows of tenant ${manifest.tenantId} (${taken[0]![0]})`);
  const rowsOf = (table: string) =>
    JSON.parse(readFileSync(path.join(dir, `${table}.json`), 'utf8')) as Record<string, unknown>[];
  for (const [table] of Object.entries(manifest.tables))
    await options.beforeImport?.[table]?.(db, rowsOf(table));
  const inserted: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const table of Object.keys(manifest.tables)) {
      const rows = rowsOf(table);
      inserted[table] = rows.length;
      if (rows.length === 0) continue;
      await tx.execute(
        sql`insert into ${ident(table)} select * from json_populate_recordset(null::${ident(table)}, ${JSON.stringify(rows)}::json)`,
      );
    }
  });
  return inserted;
}

/** Rows of the tenant per table (tenant tables and `extraTables`). */
export async function countTenantRows(
  db: Db,
  tenantId: string,
  extraTables: ExtraTable[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const tables = [
    ...extraTables.map((extra) => ({ name: extra.name, where: extra.where(tenantId) })),
    ...(await tenantTables(db)).map((name) => ({ name, where: sql`t.tenant_id = ${tenantId}` })),
  ];
  for (const { name, where } of tables) {
    const result = await db.execute<{ n: string }>(
      sql`select count(*) as n from ${ident(name)} t where ${where}`,
    );
    counts[name] = Number(result.rows[0]!.n);
  }
  return counts;
}

/**
 * Deletes every row of the tenant, `extraTables` included, children before parents and derived
 * tables last, in one transaction. The extra tables' rows are picked first, while the rows their predicates read still exist.
 */
export async function deleteTenantRows(
  db: Db,
  tenantId: string,
  extraTables: ExtraTable[],
): Promise<Record<string, number>> {
  const extras = new Map(extraTables.map((extra) => [extra.name, extra]));
  const names = (await inForeignKeyOrder(db, [...extras.keys(), ...(await tenantTables(db))])).reverse();
  const deleted: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const picked = new Map<string, string[]>();
    for (const [name, extra] of extras) {
      const where = (extra.removeWhere ?? extra.where)(tenantId);
      const rows = await tx.execute<{ at: string }>(
        sql`select t.ctid::text as at from ${ident(name)} t where ${where}`,
      );
      picked.set(
        name,
        rows.rows.map((row) => row.at),
      );
    }
    for (const table of names) {
      const ctids = picked.get(table);
      const where = ctids
        ? sql`t.ctid = any(${`{${ctids.map((ctid) => `"${ctid}"`).join(',')}}`}::tid[])`
        : sql`t.tenant_id = ${tenantId}`;
      const result = await tx.execute(sql`delete from ${ident(table)} t where ${where} returning 1`);
      deleted[table] = result.rows.length;
    }
    for (const table of (await allTenantTables(tx)).filter((name) => derivedTables.includes(name)))
      await tx.execute(sql`delete from ${ident(table)} t where t.tenant_id = ${tenantId}`);
  });
  return deleted;
}

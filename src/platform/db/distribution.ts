/**
 * How Kehu's tables are placed on a Citus cluster (docs/scale-out.md). The small global tables are
 * reference tables, copied to every node so any shard can join them; every other table is sharded by
 * `tenant_id` and colocated with the others, so a statement that names one tenant runs on one node.
 * On PGlite and plain PostgreSQL the placement is only a rule the code follows: every statement on a
 * tenant table names its tenant as a constant.
 *
 * Migrations distribute each table they create right after its CREATE TABLE, before its foreign keys
 * (`distributeCreatedTable`); `kehu db distribute` does the same for a database migrated before Citus
 * was added, and `kehu db doctor` lists every table that is not placed as it should be.
 */
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

/** The global tables that Citus keeps as reference tables. */
export const referenceTables: readonly string[] = [
  'tenants',
  'users',
  'memberships',
  'sessions',
  'api_keys',
  'source_write_keys',
  'domain_event_cursors',
  'jobs',
  'limit_counters',
  'tenant_removals',
  'source_changes',
];

/** The column every other table is sharded by. */
export const distributionColumn = 'tenant_id';

/** True when `table` is sharded by tenant (every table that is not a reference table). */
export function isTenantTable(table: string): boolean {
  return !referenceTables.includes(table);
}

/** Where a table should be: copied to every node, or sharded by tenant. */
export type Placement = 'reference' | 'distributed';

/** Where a table is now on the cluster. */
export type ActualPlacement = Placement | 'local';

/** A drizzle handle or transaction: anything that runs a statement. */
type Executor = Pick<NodePgDatabase, 'execute'>;

/** True when the database has the `citus` extension, i.e. it is (part of) a Citus cluster. */
export async function hasCitus(db: Executor): Promise<boolean> {
  const { rows } = await db.execute<{ citus: boolean }>(
    sql`select exists (select 1 from pg_extension where extname = 'citus') as citus`,
  );
  return rows[0]?.citus === true;
}

/**
 * The table a migration statement creates (`CREATE TABLE "name" (`), or undefined for any other
 * statement and for a partition, which Citus distributes with its parent. Leading comments are skipped.
 */
export function createdTable(statement: string): string | undefined {
  const code = statement.replace(/^(?:\s*--[^\n]*\n)*/, '');
  const match = /^\s*CREATE TABLE (?:IF NOT EXISTS )?(?:"public"\.)?"([^"]+)"/i.exec(code);
  if (!match || /\bPARTITION OF\b/i.test(statement)) return undefined;
  return match[1];
}

/**
 * Distributes `table` as its placement says, unless Citus already has it: a reference table, or
 * sharded by `tenant_id` and colocated with the tenant tables distributed before it. Idempotent.
 */
export async function distributeTable(db: Executor, table: string): Promise<boolean> {
  const { rows } = await db.execute<{ method: string; model: string }>(
    sql`select partmethod as method, repmodel as model from pg_dist_partition where logicalrelid = ${table}::regclass`,
  );
  const now = rows[0];
  if (now && (now.method === 'h' || now.model === 't')) return false;
  // Citus copies the rows a table already has into its shards; the table's own triggers (the kept
  // customer counts') must not take those rows for new ones, so they are off while it does.
  const triggered = await hasUserTriggers(db, table);
  const triggers = (state: 'enable' | 'disable') =>
    db.execute(sql.raw(`alter table "${table}" ${state} trigger user`));
  if (triggered) await triggers('disable');
  // A Citus local table (Citus made it one to keep a foreign key to a reference table): back to a
  // plain table first, then placed as it should be.
  if (now) await db.execute(sql`select undistribute_table(${table})`);
  if (!isTenantTable(table)) await db.execute(sql`select create_reference_table(${table})`);
  else {
    const anchor = await db.execute<{ name: string }>(sql`
      select logicalrelid::text as name from pg_dist_partition
       where partmethod = 'h' order by colocationid, logicalrelid::text limit 1`);
    const colocateWith = anchor.rows[0]?.name ?? 'default';
    await db.execute(
      sql`select create_distributed_table(${table}, ${distributionColumn}, colocate_with => ${colocateWith})`,
    );
  }
  if (triggered) await triggers('enable');
  return true;
}

async function hasUserTriggers(db: Executor, table: string): Promise<boolean> {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_trigger where tgrelid = ${table}::regclass and not tgisinternal`,
  );
  return rows[0]!.n > 0;
}

/**
 * Makes a transaction that creates and distributes tables safe on Citus: foreign keys to reference
 * tables added after `create_distributed_table` in the same transaction need sequential mode, and a
 * trigger on a distributed table (the kept customer counts' trigger, which writes only to a table
 * colocated with its own, on the same shard's node) needs Citus to allow it.
 */
export async function prepareDistributingTransaction(db: Executor): Promise<void> {
  await db.execute(sql`set local citus.multi_shard_modify_mode to 'sequential'`);
  await db.execute(sql`set local citus.enable_unsafe_triggers to on`);
}

/** One table's placement: what it should be, what it is, and whether that is a problem. */
export type TablePlacement = {
  table: string;
  expected: Placement;
  actual: ActualPlacement;
  column: string | null;
  colocationId: number | null;
  problem: string | null;
};

/**
 * The tables of the public schema that Kehu places: its reference tables and every table with a
 * `tenant_id` (partitions left out: they follow their parent). A table of someone else's without a
 * tenant column stays where it is.
 */
async function publicTables(db: Executor): Promise<string[]> {
  const { rows } = await db.execute<{ name: string; tenant: boolean }>(sql`
    select c.relname as name,
           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = ${distributionColumn}
                      and not a.attisdropped) as tenant
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`);
  return rows.filter((r) => r.tenant || !isTenantTable(r.name)).map((r) => r.name);
}

/**
 * Every table of the public schema with its expected and actual placement; `problem` says what is
 * wrong (a table left local, a reference table sharded, a tenant table sharded by another column or
 * not colocated with the others).
 */
export async function placementReport(db: Executor): Promise<TablePlacement[]> {
  const tables = await publicTables(db);
  const { rows } = await db.execute<{
    name: string;
    method: string;
    model: string;
    column: string | null;
    colocation: number;
  }>(sql`
    select logicalrelid::regclass::text as name, partmethod as method, repmodel as model,
           case when partmethod = 'h' then column_to_column_name(logicalrelid, partkey) end as column,
           colocationid as colocation
      from pg_dist_partition`);
  const known = new Map(rows.map((r) => [r.name.replace(/^public\.|"/g, ''), r]));
  const colocations = rows.filter((r) => r.method === 'h').map((r) => r.colocation);
  const mainGroup = mostCommon(colocations);
  return tables.map((table) => {
    const expected: Placement = isTenantTable(table) ? 'distributed' : 'reference';
    const dist = known.get(table);
    // partmethod 'n' is a reference table when replicated to every node (repmodel 't'), else a Citus
    // local table, which lives on the coordinator only.
    const actual: ActualPlacement =
      dist?.method === 'h' ? 'distributed' : dist?.model === 't' ? 'reference' : 'local';
    let problem: string | null = null;
    if (actual !== expected) problem = `is ${actual}, should be ${expected}`;
    else if (actual === 'distributed' && dist?.column !== distributionColumn)
      problem = `is sharded by ${dist?.column}, should be by ${distributionColumn}`;
    else if (actual === 'distributed' && dist?.colocation !== mainGroup)
      problem = `is not colocated with the other tenant tables (group ${dist?.colocation}, not ${mainGroup})`;
    return {
      table,
      expected,
      actual,
      column: dist?.column ?? null,
      colocationId: dist?.colocation ?? null,
      problem,
    };
  });
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/**
 * Distributes every table not yet placed, for a database migrated before Citus was added: reference
 * tables first, then tenant tables, each after the tables its foreign keys point at. Returns the
 * tables it distributed, in order.
 */
export async function distributeAll(db: NodePgDatabase): Promise<string[]> {
  const tables = await publicTables(db);
  const { rows: fks } = await db.execute<{ from: string; to: string }>(sql`
    select c.conrelid::regclass::text as from, c.confrelid::regclass::text as to
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public'`);
  const order = dependencyOrder(tables, fks);
  const placed = new Set((await placementReport(db)).filter((t) => !t.problem).map((t) => t.table));
  if (order.every((table) => placed.has(table))) return [];
  const done: string[] = [];
  await db.transaction(async (tx) => {
    await prepareDistributingTransaction(tx);
    // Citus turns a local table with a foreign key to a new reference table into a Citus local
    // table, which then cannot point at a distributed table: the foreign keys step aside while the
    // tables are placed, as they do in migrations, and come back (checked again) afterwards.
    const { rows: keys } = await tx.execute<{ table: string; name: string; definition: string }>(sql`
      select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       where c.contype = 'f' and n.nspname = 'public'
       order by 1, 2`);
    // On a coordinator that holds shards, pg_constraint also lists the shards' own constraints.
    const own = keys.filter((key) => tables.includes(key.table.replace(/^public\.|"/g, '')));
    for (const key of own)
      await tx.execute(sql.raw(`alter table ${key.table} drop constraint ${quote(key.name)}`));
    for (const table of order) if (await distributeTable(tx, table)) done.push(table);
    for (const key of own)
      await tx.execute(
        sql.raw(`alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`),
      );
  });
  return done;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Reference tables before tenant tables, and each table after the tables it points at. */
export function dependencyOrder(tables: string[], fks: { from: string; to: string }[]): string[] {
  const plain = (name: string) => name.replace(/^public\.|"/g, '');
  const needs = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) if (plain(fk.from) !== plain(fk.to)) needs.get(plain(fk.from))?.add(plain(fk.to));
  const order: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (order.includes(table) || path.has(table)) return;
    path.add(table);
    for (const dep of needs.get(table) ?? []) if (needs.has(dep)) visit(dep, path);
    path.delete(table);
    order.push(table);
  };
  const sorted = [...tables].sort((a, b) => Number(isTenantTable(a)) - Number(isTenantTable(b)));
  for (const table of sorted) visit(table, new Set());
  return order;
}

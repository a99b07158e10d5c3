import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { createTestDatabase } from '../../../test/helpers/db.js';
import {
  citusCluster,
  createServerDatabase,
  dropServerDatabase,
} from '../../../test/helpers/server-database.js';
import { openDatabase, type Database } from './database.js';
import {
  createdTable,
  dependencyOrder,
  distributeAll,
  distributionColumn,
  placementReport,
  referenceTables,
} from './distribution.js';
import { migrateDatabase, migrationsFolder } from './migrate.js';

describe('reading migrations for distribution', () => {
  it('finds the table a CREATE TABLE statement makes, past comments, and skips partitions', () => {
    expect(createdTable('CREATE TABLE "deals" (\n\t"tenant_id" uuid NOT NULL')).toBe('deals');
    expect(createdTable('\n-- partitioned by month\n-- (see event.store.ts)\nCREATE TABLE "events" (')).toBe(
      'events',
    );
    expect(createdTable('CREATE TABLE IF NOT EXISTS "public"."jobs" (')).toBe('jobs');
    expect(createdTable('create table if not exists events_2026_01 partition of events for values')).toBe(
      undefined,
    );
    expect(createdTable('CREATE TABLE "events_2026_01" PARTITION OF "events" FOR VALUES')).toBe(undefined);
    expect(createdTable('CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("tenant_id")')).toBe(
      undefined,
    );
    expect(createdTable('ALTER TABLE "deals" ADD CONSTRAINT "x" FOREIGN KEY')).toBe(undefined);
  });

  it('orders reference tables first and every table after the tables it points at', () => {
    const order = dependencyOrder(
      ['deal_lines', 'deals', 'customers', 'users', 'tenants', 'memberships'],
      [
        { from: 'deal_lines', to: 'deals' },
        { from: 'deals', to: 'customers' },
        { from: 'deals', to: 'users' },
        { from: 'memberships', to: 'tenants' },
        { from: 'memberships', to: 'users' },
        { from: 'public.customers', to: 'public.tenants' },
      ],
    );
    expect(order.slice(0, 3).sort()).toEqual(['memberships', 'tenants', 'users']);
    expect(order.indexOf('tenants')).toBeLessThan(order.indexOf('memberships'));
    expect(order.indexOf('customers')).toBeLessThan(order.indexOf('deals'));
    expect(order.indexOf('deals')).toBeLessThan(order.indexOf('deal_lines'));
  });
});

describe('the placement of every table', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('names only existing tables as reference tables, and gives every other table a tenant_id to shard by', async () => {
    const { rows } = await database.db.execute<{ table: string; tenant: boolean }>(sql`
      select c.relname as table,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = ${distributionColumn}
                        and a.attnotnull and not a.attisdropped) as tenant
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`);
    const tables = rows.map((r) => r.table);
    expect(tables.filter((t) => referenceTables.includes(t)).sort()).toEqual([...referenceTables].sort());
    const unshardable = rows
      .filter((r) => !referenceTables.includes(r.table) && !r.tenant)
      .map((r) => r.table);
    expect(unshardable).toEqual([]);
  });
});

describe.skipIf(!citusCluster())('on a Citus cluster', () => {
  it('migrations distribute every table they create', async () => {
    const database = await createTestDatabase();
    try {
      const report = await placementReport(database.db);
      expect(report.filter((t) => t.problem)).toEqual([]);
      expect(
        report
          .filter((t) => t.actual === 'reference')
          .map((t) => t.table)
          .sort(),
      ).toEqual([...referenceTables].sort());
      const groups = new Set(report.filter((t) => t.actual === 'distributed').map((t) => t.colocationId));
      expect(groups.size).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('kehu db distribute places the tables of a database migrated before Citus, and doctor says so', async () => {
    const name = `kehu_predist_${process.pid}`;
    const url = await createServerDatabase(name);
    try {
      // drizzle's own migrator knows nothing of Citus: every table stays a local table.
      const database = await openDatabase({ databaseUrl: url });
      await migrate(database.db, { migrationsFolder });
      expect((await placementReport(database.db)).every((t) => t.actual === 'local')).toBe(true);
      await database.close();

      const before = await runCli(['db', 'doctor'], { DATABASE_URL: url });
      expect(before.code).toBe(1);
      expect(before.stdout).toMatch(/✗ customers\s+local — is local, should be distributed/);
      const distributed = await runCli(['db', 'distribute'], { DATABASE_URL: url });
      expect(distributed.code, distributed.stderr).toBe(0);
      expect(distributed.stderr).toMatch(/distributed \d+ tables/);
      const after = await runCli(['db', 'doctor'], { DATABASE_URL: url });
      expect(after.code, after.stderr).toBe(0);
      expect(after.stdout).toMatch(/✓ customers\s+distributed by tenant_id/);
      expect(after.stdout).toMatch(/✓ users\s+reference/);
      const again = await runCli(['db', 'distribute'], { DATABASE_URL: url });
      expect(again.stderr).toMatch(/every table was already distributed/);
    } finally {
      await dropServerDatabase(name);
    }
  });

  it('a later migration distributes its new tables colocated with the earlier ones', async () => {
    const name = `kehu_later_${process.pid}`;
    const url = await createServerDatabase(name);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'kehu-migrations-'));
    const database = await openDatabase({ databaseUrl: url });
    try {
      // The shipped migrations but the last, as a database of the previous release had them.
      cpSync(migrationsFolder, folder, { recursive: true });
      const journalFile = path.join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const last = journal.entries.pop()!;
      writeFileSync(journalFile, JSON.stringify(journal));
      await migrateDatabase(database.db, folder);
      const created = [
        ...readFileSync(path.join(migrationsFolder, `${last.tag}.sql`), 'utf8').matchAll(
          /CREATE TABLE "(\w+)"/g,
        ),
      ].map((m) => m[1]!);
      const before = await placementReport(database.db);
      for (const table of created) expect(before.map((t) => t.table)).not.toContain(table);

      await migrateDatabase(database.db);
      const after = await placementReport(database.db);
      expect(after.filter((t) => t.problem)).toEqual([]);
      expect(after.filter((t) => created.includes(t.table)).map((t) => t.actual)).toEqual(
        created.map(() => 'distributed'),
      );
      expect(await distributeAll(database.db)).toEqual([]);
    } finally {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
      await dropServerDatabase(name);
    }
  });
});

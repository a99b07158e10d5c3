/** What a backup records about a database: migrations, tenants, and rows and a checksum per table. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SnapshotFacts, TableFacts } from './backup-format.js';
import { migrationsFolder } from './migrate.js';

/** Something that runs one SQL text and answers rows: a pg client or pool, or PGlite. */
export type Queryable = { query<R>(text: string): Promise<{ rows: R[] }> };

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Counts and checksums every table of the public schema, and reads the migrations and tenants. */
export async function readSnapshotFacts(db: Queryable): Promise<SnapshotFacts> {
  const tables: Record<string, TableFacts> = {};
  const names = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  for (const { name } of names.rows) {
    // An order-independent checksum: the sum of the first 60 bits of each row's md5.
    const result = await db.query<{ rows: string | number; checksum: string }>(
      `select count(*) as rows,
        coalesce(sum(('x' || left(md5(t::text), 15))::bit(60)::bigint), 0)::text as checksum
       from ${quote(name)} t`,
    );
    const row = result.rows[0]!;
    tables[name] = { rows: Number(row.rows), checksum: row.checksum };
  }
  const migrations = await db
    .query<{ applied: string | number; newest: string | number | null }>(
      `select count(*) as applied, max(created_at) as newest from drizzle.__drizzle_migrations`,
    )
    .then((r) => r.rows[0]!)
    .catch(() => ({ applied: 0, newest: null }));
  const tenants = names.rows.some((t) => t.name === 'tenants')
    ? (await db.query<{ id: string; slug: string }>(`select id, slug from tenants order by slug`)).rows
    : [];
  return {
    migrations: {
      applied: Number(migrations.applied),
      newestCreatedAt: migrations.newest === null ? null : Number(migrations.newest),
    },
    tenants,
    tables,
  };
}

/** The migrations this code ships, oldest first (`when` is drizzle's created_at). */
export function shippedMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/** Throws in words when a backup's schema is newer than this code knows. */
export function assertKnownSchema(facts: SnapshotFacts, kehuVersion: string): void {
  const shipped = shippedMigrations();
  const newest = facts.migrations.newestCreatedAt;
  const known = newest === null || shipped.some((m) => m.when === newest);
  if (facts.migrations.applied > shipped.length || !known) {
    throw new Error(
      `The backup's schema is newer than this Kehu knows: it has ${facts.migrations.applied} migrations ` +
        `(written by Kehu ${kehuVersion}), this code ships ${shipped.length}. Upgrade Kehu, then restore.`,
    );
  }
}

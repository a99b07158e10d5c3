/**
 * Tenant export and import across every context (issue 15): platform's archive writer
 * (`src/platform/db/tenant-archive.ts`) with what only the composition root knows: which global rows
 * belong to a tenant (its `tenants` row, its members' `users` rows) and that events need their month
 * partitions before they go in. Used by `kehu tenant export|import` and `POST /api/tenant/export`.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { requirePermission } from '../platform/auth/actor.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import {
  countTenantRows,
  exportTenantArchive,
  importTenantArchive,
  readTenantRows,
  type ExtraTable,
  type TenantArchiveManifest,
} from '../platform/db/tenant-archive.js';
import { withTenantArchiveDir, writeTenantArchiveFile } from '../platform/db/tenant-archive-file.js';
import { getTenantBySlug, recordAudit, systemActor, type AuditContext } from '../modules/access/index.js';
import { MonthPartitions } from '../modules/insights/index.js';

/** Global tables with rows of a tenant. */
export const TENANT_GLOBAL_TABLES: ExtraTable[] = [
  { name: 'tenants', where: (tenantId) => sql`t.id = ${tenantId}` },
  {
    name: 'users',
    where: (tenantId) => sql`t.id in (select m.user_id from memberships m where m.tenant_id = ${tenantId})`,
    // A removal keeps the users who are members of another tenant too.
    removeWhere: (tenantId) =>
      sql`t.id in (select m.user_id from memberships m where m.tenant_id = ${tenantId}) and not exists (select 1 from memberships o where o.user_id = t.id and o.tenant_id <> ${tenantId})`,
  },
];

/** Writes the archive of `actor`'s tenant into `dir`; audited (permission `privacy.manage`). */
export async function exportTenantAs(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  dir: string,
  context: AuditContext = {},
): Promise<TenantArchiveManifest> {
  requirePermission(actor, 'privacy.manage');
  const manifest = await exportTenantArchive(deps.db, actor.tenantId, dir, {
    extraTables: TENANT_GLOBAL_TABLES,
    now: deps.clock.now(),
  });
  const rows = Object.values(manifest.tables).reduce((sum, table) => sum + table.rows, 0);
  await recordAudit(
    deps.db,
    actor,
    'tenant.exported',
    { tables: Object.keys(manifest.tables).length, rows },
    {
      clock: deps.clock,
      ...context,
    },
  );
  return manifest;
}

/** `kehu tenant export <slug> <dir>`: the archive of the tenant with this slug. */
export async function exportTenantBySlug(
  deps: { db: Db; clock: Clock },
  slug: string,
  dir: string,
): Promise<TenantArchiveManifest> {
  const tenant = await getTenantBySlug(deps.db, slug);
  return exportTenantAs(deps, systemActor(tenant.id, tenant.slug), dir);
}

/** `kehu tenant export --tenant <slug> --file <file>`: the same archive packed as one .tar.gz file. */
export async function exportTenantFileBySlug(
  deps: { db: Db; clock: Clock },
  slug: string,
  file: string,
): Promise<TenantArchiveManifest> {
  return writeTenantArchiveFile(file, (dir) => exportTenantBySlug(deps, slug, dir));
}

/**
 * `kehu tenant import <dir|file>`: re-creates the archived tenant from the directory or the .tar.gz
 * file; refuses when any of its rows exist.
 */
export async function importTenant(db: Db, where: string): Promise<Record<string, number>> {
  return withTenantArchiveDir(where, (dir) =>
    importTenantArchive(db, dir, {
      extraTables: TENANT_GLOBAL_TABLES,
      beforeImport: {
        events: (tx, rows) =>
          new MonthPartitions(tx).ensure(rows.map((row) => new Date(String(row['timestamp'])))),
      },
    }),
  );
}

/** Rows of the tenant per table, global tables included (the import's check). */
export function countTenantArchiveRows(db: Db, tenantId: string): Promise<Record<string, number>> {
  return countTenantRows(db, tenantId, TENANT_GLOBAL_TABLES);
}

/** The archive of `actor`'s tenant as one JSON document (`POST /api/tenant/export`); audited. */
export async function readTenantArchiveAs(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  context: AuditContext = {},
): Promise<TenantArchiveDocument> {
  requirePermission(actor, 'privacy.manage');
  const tables = await readTenantRows(deps.db, actor.tenantId, TENANT_GLOBAL_TABLES);
  const rows = tables.reduce((sum, table) => sum + table.rows.length, 0);
  await recordAudit(
    deps.db,
    actor,
    'tenant.exported',
    { tables: tables.length, rows },
    { clock: deps.clock, ...context },
  );
  return {
    manifest: {
      format: 'kehu-tenant-archive',
      formatVersion: 1,
      tenantId: actor.tenantId,
      createdAt: deps.clock.now().toISOString(),
      tables: Object.fromEntries(tables.map(({ table, rows: list }) => [table, { rows: list.length }])),
    },
    tables: Object.fromEntries(tables.map(({ table, rows: list }) => [table, list])),
  };
}

/** The HTTP form of an archive: the manifest and each table's rows. */
export type TenantArchiveDocument = {
  manifest: TenantArchiveManifest;
  tables: Record<string, Record<string, unknown>[]>;
};

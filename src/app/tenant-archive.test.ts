import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptCountGroups } from '../../test/helpers/customer-counts.js';
import { createTestDatabase } from '../../test/helpers/db.js';
import { makeTenant } from '../../test/helpers/factories.js';
import { findTenantBySlug, signIn } from '../modules/access/index.js';
import { foldAllCustomerCounts } from '../modules/crm/index.js';
import { systemClock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { DEMO_LOGIN, seedDemo } from './demo.js';
import {
  countTenantArchiveRows,
  exportTenantBySlug,
  exportTenantFileBySlug,
  importTenant,
} from './tenant-archive.js';
import { fixedClock } from '../platform/clock.js';
import { readTenantArchiveManifest } from '../platform/db/tenant-archive.js';
import { systemActor } from '../modules/access/index.js';
import {
  cancelTenantRemoval,
  getTenantRemoval,
  runDueTenantRemovals,
  scheduleTenantRemoval,
} from './tenant-removal.js';

let source: Database;
let target: Database;
let dir: string;
beforeAll(async () => {
  [source, target] = [await createTestDatabase(), await createTestDatabase()];
  dir = mkdtempSync(path.join(os.tmpdir(), 'kehu-tenant-'));
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('tenant archive', () => {
  it('re-creates the demo tenant in an empty database with the same rows per table, and no other tenant', async () => {
    await seedDemo(source.db, systemClock, 40);
    await foldAllCustomerCounts(source.db);
    const other = await makeTenant(source.db);
    const tenant = (await findTenantBySlug(source.db, DEMO_LOGIN.tenant))!;
    const manifest = await exportTenantBySlug({ db: source.db, clock: systemClock }, DEMO_LOGIN.tenant, dir);
    const original = await countTenantArchiveRows(source.db, tenant.id);
    // The export's own audit entry is written after the rows are read.
    original['audit_log'] = original['audit_log']! - 1;
    expect(Object.fromEntries(Object.entries(manifest.tables).map(([t, { rows }]) => [t, rows]))).toEqual(
      original,
    );
    for (const table of ['tenants', 'users', 'customers', 'people', 'events', 'persons', 'stock_moves'])
      expect(original[table], table).toBeGreaterThan(0);
    const csv = readFileSync(path.join(dir, 'customers.csv'), 'utf8').split('\n');
    expect(csv[0]).toContain('tenant_id');
    expect(csv.filter((line) => line.trim()).length - 1).toBe(original['customers']);
    expect(readFileSync(path.join(dir, 'users.json'), 'utf8')).not.toContain(other.admin.email);

    const inserted = await importTenant(target.db, dir);
    expect(inserted).toEqual(original);
    expect(await countTenantArchiveRows(target.db, tenant.id)).toEqual(original);
    // The kept customer counts are not archived: the imported customers count themselves, once.
    expect(original['customer_counts']).toBeUndefined();
    const counts = await keptCountGroups(target.db, tenant.id);
    expect(counts.kept).toEqual(counts.counted);
    expect(counts.kept).toEqual((await keptCountGroups(source.db, tenant.id)).kept);
    expect(await findTenantBySlug(target.db, other.tenant.slug)).toBeUndefined();
    // The re-created tenant works: its admin signs in with the same password.
    const session = await signIn(target.db, systemClock, {
      email: DEMO_LOGIN.email,
      password: DEMO_LOGIN.password,
    });
    expect(session.actor.tenantId).toBe(tenant.id);
  });

  it('refuses to import over a database that already holds the tenant', async () => {
    await expect(importTenant(target.db, dir)).rejects.toThrow(/already holds rows of tenant/);
  });

  it('round-trips a tenant through one .tar.gz file with the same rows per table', async () => {
    const { tenant } = await makeTenant(source.db);
    const file = path.join(dir, 'small.tar.gz');
    // Counted before the export, which adds its own audit entry.
    const original = await countTenantArchiveRows(source.db, tenant.id);
    await exportTenantFileBySlug({ db: source.db, clock: systemClock }, tenant.slug, file);
    expect(readFileSync(file).subarray(0, 2).toString('hex')).toBe('1f8b'); // gzip
    expect(await countTenantArchiveRows(target.db, tenant.id)).not.toEqual(original);
    const inserted = await importTenant(target.db, file);
    expect(await countTenantArchiveRows(target.db, tenant.id)).toEqual(original);
    expect(inserted).toEqual(original);
    await expect(importTenant(target.db, file)).rejects.toThrow(/already holds rows of tenant/);
  });
});

describe('tenant removal', () => {
  it('waits out the grace period, can be cancelled, then writes a final export and deletes every row of the tenant only', async () => {
    const tenant = (await findTenantBySlug(source.db, DEMO_LOGIN.tenant))!;
    const other = await makeTenant(source.db);
    const admin = systemActor(tenant.id, tenant.slug);
    const day0 = fixedClock('2026-06-01T00:00:00Z');
    const exportDir = path.join(dir, 'removals');
    const deps = (clock: typeof day0) => ({ db: source.db, clock, exportDir });
    await scheduleTenantRemoval(deps(day0), admin);
    expect(await cancelTenantRemoval(deps(day0), admin)).toBe(true);
    expect(await getTenantRemoval(deps(day0), admin)).toBeNull();
    expect(await runDueTenantRemovals(deps(fixedClock('2026-08-01T00:00:00Z')))).toEqual([]);
    const scheduled = await scheduleTenantRemoval(deps(day0), admin, 10);
    expect(scheduled?.dueAt).toBe('2026-07-01T00:00:00.000Z'); // never less than 30 days
    const before = await countTenantArchiveRows(source.db, tenant.id);
    expect(await runDueTenantRemovals(deps(fixedClock('2026-06-30T23:00:00Z')))).toEqual([]);
    expect(await runDueTenantRemovals(deps(fixedClock('2026-07-01T00:00:00Z')))).toEqual([tenant.id]);
    const after = await countTenantArchiveRows(source.db, tenant.id);
    // Only the removal's own audit entry is left, and no kept customer count.
    expect(Object.entries(after).filter(([, rows]) => rows > 0)).toEqual([['audit_log', 1]]);
    expect((await keptCountGroups(source.db, tenant.id)).kept).toEqual([]);
    const derived = await source.pool.query<{ n: number }>(
      `select (select count(*) from customer_counts where tenant_id = $1) + (select count(*) from customer_count_deltas where tenant_id = $1) as n`,
      [tenant.id],
    );
    expect(Number(derived.rows[0]!.n)).toBe(0);
    const removal = await getTenantRemoval(deps(day0), admin);
    expect(removal?.doneAt).toBe('2026-07-01T00:00:00.000Z');
    const [finalExport] = (await import('node:fs')).readdirSync(exportDir);
    const manifest = readTenantArchiveManifest(path.join(exportDir, finalExport!));
    expect(manifest.tables['customers']?.rows).toBe(before['customers']);
    expect(await findTenantBySlug(source.db, other.tenant.slug)).toBeDefined();
    expect((await countTenantArchiveRows(source.db, other.tenant.id))['memberships']).toBe(1);
  });

  it('waits the configured grace period, which a request may lengthen but not shorten', async () => {
    const { tenant } = await makeTenant(source.db);
    const admin = systemActor(tenant.id, tenant.slug);
    const day0 = fixedClock('2026-06-01T00:00:00Z');
    const deps = { db: source.db, clock: day0, graceDays: 7 };
    expect((await scheduleTenantRemoval(deps, admin))?.dueAt).toBe('2026-06-08T00:00:00.000Z');
    expect((await scheduleTenantRemoval(deps, admin, 3))?.dueAt).toBe('2026-06-08T00:00:00.000Z');
    expect((await scheduleTenantRemoval(deps, admin, 10))?.dueAt).toBe('2026-06-11T00:00:00.000Z');
    expect(await cancelTenantRemoval(deps, admin)).toBe(true);
  });
});

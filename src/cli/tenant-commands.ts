/** `kehu tenant export|import`: a tenant's archive (docs/privacy.md). */
import type { Command } from 'commander';
import { exportTenantBySlug, importTenant } from '../app/tenant-archive.js';
import { systemClock } from '../platform/clock.js';
import { withDatabase } from './run-with-db.js';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, rows) => sum + rows, 0);

/** Registers `export` and `import` under the `tenant` command group. */
export function registerTenantArchiveCommands(tenant: Command): void {
  tenant
    .command('export <slug> <dir>')
    .description(
      'write every row of the tenant into <dir>: one JSON and one CSV file per table, and manifest.json',
    )
    .action(async (slug: string, dir: string) => {
      const manifest = await withDatabase((database) =>
        exportTenantBySlug({ db: database.db, clock: systemClock }, slug, dir),
      );
      const rows = Object.fromEntries(Object.entries(manifest.tables).map(([t, { rows: n }]) => [t, n]));
      console.error(
        `tenant ${slug} exported to ${dir}: ${Object.keys(rows).length} tables, ${total(rows)} rows`,
      );
    });
  tenant
    .command('import <dir>')
    .description('re-create the tenant of an archive written by `kehu tenant export` (refused if it exists)')
    .action(async (dir: string) => {
      const counts = await withDatabase((database) => importTenant(database.db, dir));
      console.error(
        `tenant imported from ${dir}: ${Object.keys(counts).length} tables, ${total(counts)} rows`,
      );
    });
}

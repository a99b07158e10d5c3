/** `kehu tenant export|import`: a tenant's archive, as a directory or one .tar.gz file (docs/privacy.md). */
import type { Command } from 'commander';
import { exportTenantBySlug, exportTenantFileBySlug, importTenant } from '../app/tenant-archive.js';
import { systemClock } from '../platform/clock.js';
import { withDatabase } from './run-with-db.js';

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, rows) => sum + rows, 0);

type ExportFlags = { tenant?: string; file?: string };

/** Registers `export` and `import` under the `tenant` command group. */
export function registerTenantArchiveCommands(tenant: Command): void {
  tenant
    .command('export [slug] [dir]')
    .description(
      'write every row of the tenant into <dir> (one JSON and one CSV file per table, and manifest.json), ' +
        'or with --file into one .tar.gz file of the same files',
    )
    .option('--tenant <slug>', 'the tenant (instead of <slug>)')
    .option('--file <file>', 'write one .tar.gz archive file instead of a directory')
    .action(
      async (slugArg: string | undefined, dir: string | undefined, flags: ExportFlags, command: Command) => {
        const slug = flags.tenant ?? slugArg;
        // With --tenant, a lone positional argument is the directory.
        const target = flags.tenant && slugArg && !dir ? slugArg : dir;
        if (!slug)
          return command.error('error: name the tenant: kehu tenant export --tenant <slug> --file <file>');
        if (Boolean(flags.file) === Boolean(target))
          return command.error('error: give either a directory or --file <file>, not both');
        const where = flags.file ?? target!;
        const manifest = await withDatabase((database) =>
          flags.file
            ? exportTenantFileBySlug({ db: database.db, clock: systemClock }, slug, flags.file)
            : exportTenantBySlug({ db: database.db, clock: systemClock }, slug, where),
        );
        const rows = Object.fromEntries(Object.entries(manifest.tables).map(([t, { rows: n }]) => [t, n]));
        console.error(
          `tenant ${slug} exported to ${where}: ${Object.keys(rows).length} tables, ${total(rows)} rows`,
        );
      },
    );
  tenant
    .command('import <dir-or-file>')
    .description(
      're-create the tenant of an archive written by `kehu tenant export`, a directory or a .tar.gz file (refused if it exists)',
    )
    .action(async (where: string) => {
      const counts = await withDatabase((database) => importTenant(database.db, where));
      console.error(
        `tenant imported from ${where}: ${Object.keys(counts).length} tables, ${total(counts)} rows`,
      );
    });
}

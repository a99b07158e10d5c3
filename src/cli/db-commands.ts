/** `kehu db …`: migrate, backup, restore, verify and maintain (docs/operations.md). */
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { takeBackup } from '../platform/db/backup.js';
import type { BackupManifest } from '../platform/db/backup-format.js';
import { vacuumAnalyze } from '../platform/db/maintain.js';
import { restoreBackup, verifyBackup, type BackupCheck } from '../platform/db/restore.js';
import { withDatabase } from './run-with-db.js';

const describe = (manifest: BackupManifest): string => {
  const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
  return (
    `${manifest.engine} backup of ${manifest.createdAt} by Kehu ${manifest.kehuVersion}: ` +
    `${manifest.migrations.applied} migrations, ${manifest.tenants.length} tenants ` +
    `(${manifest.tenants.map((t) => t.slug).join(', ') || 'none'}), ` +
    `${Object.keys(manifest.tables).length} tables, ${rows} rows, ${manifest.payload.bytes} bytes`
  );
};

const report = (check: BackupCheck, what: string): void => {
  if (check.differences.length > 0) {
    throw new Error(`${what}, but it differs from its manifest:\n  ${check.differences.join('\n  ')}`);
  }
  console.error(`${what}: ${describe(check.manifest)}; every table's rows and checksum match`);
};

/** Registers the `db` command group. */
export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database maintenance, backup and restore');
  db.command('migrate')
    .description('apply pending migrations')
    .action(async () => {
      await withDatabase(async () => undefined);
      console.error('migrations applied');
    });
  db.command('backup <file>')
    .description('write a consistent, compressed backup with a manifest (works while the server runs)')
    .action(async (file: string) => {
      const config = loadConfig();
      const manifest = await withDatabase((database) => takeBackup(database, config, file));
      console.error(`backup written to ${file}: ${describe(manifest)}`);
    });
  db.command('restore <file>')
    .description(
      'restore a backup into an empty data directory (KEHU_DATA_DIR) or empty database (DATABASE_URL)',
    )
    .action(async (file: string) => {
      report(await restoreBackup(file, loadConfig()), `restored ${file}`);
    });
  db.command('verify <file>')
    .description("check a backup's checksum and schema, and (embedded) every table against its manifest")
    .action(async (file: string) => {
      report(await verifyBackup(file), `${file} is sound`);
    });
  db.command('maintain')
    .description('VACUUM (ANALYZE) every table (the embedded engine has no autovacuum; it also runs daily)')
    .action(async () => {
      const ms = await withDatabase((database) => vacuumAnalyze(database.db));
      console.error(`database vacuumed and analysed in ${(ms / 1000).toFixed(1)} s`);
    });
}

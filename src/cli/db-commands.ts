/**
 * `kehu db …`: migrate, backup, restore, verify and maintain (docs/operations.md); distribute and
 * doctor on a Citus cluster (docs/scale-out.md).
 */
import type { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { takeBackup } from '../platform/db/backup.js';
import type { BackupManifest } from '../platform/db/backup-format.js';
import {
  distributeAll,
  hasCitus,
  placementReport,
  type TablePlacement,
} from '../platform/db/distribution.js';
import type { Database } from '../platform/db/database.js';
import { migrateDatabase } from '../platform/db/migrate.js';
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

const noCitus =
  'this database has no citus extension: install Citus on every node, CREATE EXTENSION citus, ' +
  'register the workers (docs/scale-out.md), then run this again';

const placementLine = (t: TablePlacement): string =>
  `${t.problem ? '✗' : '✓'} ${t.table.padEnd(28)} ${t.actual === 'distributed' ? `distributed by ${t.column}` : t.actual}` +
  (t.problem ? ` — ${t.problem}` : '');

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
  registerCitusCommands(db);
  db.command('maintain')
    .description('VACUUM (ANALYZE) every table (the embedded engine has no autovacuum; it also runs daily)')
    .action(async () => {
      const ms = await withDatabase((database) => vacuumAnalyze(database.db));
      console.error(`database vacuumed and analysed in ${(ms / 1000).toFixed(1)} s`);
    });
}

/** Runs `work` on the configured database, unmigrated, when it is a Citus database; else says what to do. */
const onCitus = <T>(work: (db: Database['db']) => Promise<T>): Promise<T> =>
  withDatabase(
    async (database) => {
      if (!(await hasCitus(database.db))) throw new Error(noCitus);
      return work(database.db);
    },
    { migrate: false },
  );

/** `kehu db distribute` and `kehu db doctor`, for a Citus cluster (docs/scale-out.md). */
function registerCitusCommands(db: Command): void {
  db.command('distribute')
    .description(
      'on Citus: make the global tables reference tables and shard the rest by tenant (for a database migrated before Citus)',
    )
    .action(async () => {
      // Distribute before migrating: a pending migration's new tables are distributed as they are
      // created, and their foreign keys need the tables they point at distributed first.
      const done = await onCitus(async (db) => {
        const placed = await distributeAll(db);
        await migrateDatabase(db);
        return placed;
      });
      console.error(
        done.length === 0
          ? 'every table was already distributed'
          : `distributed ${done.length} tables: ${done.join(', ')}`,
      );
    });
  db.command('doctor')
    .description('on Citus: list every table with its placement and any table not placed as it should be')
    .action(async () => {
      const tables = await onCitus(placementReport);
      console.log(tables.map(placementLine).join('\n'));
      const problems = tables.filter((t) => t.problem);
      if (problems.length > 0) {
        console.error(
          `${problems.length} of ${tables.length} tables are not placed as they should be: run kehu db distribute`,
        );
        process.exitCode = 1;
      } else console.error(`all ${tables.length} tables are placed as they should be`);
    });
}

/**
 * `kehu touchpoints import`: offline touchpoints (salon attendance, trade-show scans) from a CSV
 * file into an offline source, over the same service as `POST /api/touchpoints/import`.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { crmLink } from '../modules/crm/index.js';
import type { OfflineImportReport } from '../modules/insights/index.js';
import { createIngestRuntime, importOfflineTouchpoints } from '../modules/insights/index.js';
import { getTenantBySlug, systemActor } from '../modules/access/index.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { withDatabase } from './run-with-db.js';

/** How the commands reach the database and the world; tests replace them. */
export type TouchpointCommandIo = {
  run<T>(work: (database: Database) => Promise<T>): Promise<T>;
  clock: Clock;
  stdout: NodeJS.WritableStream;
};

/** Rejected rows the summary lists; `--json` prints them all. */
const REJECTED_SHOWN = 50;

type ImportFlags = { tenant: string; source: string; json?: boolean };

/** Adds `kehu touchpoints import` to the program. */
export function registerTouchpointCommands(
  program: Command,
  overrides: Partial<TouchpointCommandIo> = {},
): void {
  const io: TouchpointCommandIo = {
    run: withDatabase,
    clock: systemClock,
    stdout: process.stdout,
    ...overrides,
  };
  const touchpoints = program.command('touchpoints').description('touchpoints: web, app and offline events');
  touchpoints
    .command('import <file>')
    .description(
      'import offline touchpoints from a CSV file (UTF-8, UTF-8 with BOM or GB18030) into an offline source; ' +
        'columns event (事件), timestamp (时间), userId (用户ID), anonymousId, email (邮箱), phone (手机/电话), ' +
        'name (姓名), groupId, messageId, the rest become properties',
    )
    .requiredOption('--tenant <slug>', 'tenant slug')
    .requiredOption('--source <name-or-id>', 'the offline source, by name or id')
    .option('--json', 'print the whole report as JSON')
    .action(async (file: string, flags: ImportFlags) => {
      const bytes = readInput(file);
      const report = await io.run(async (database) => {
        const tenant = await getTenantBySlug(database.db, flags.tenant);
        const ingest = createIngestRuntime(database.db);
        const deps = { db: database.db, clock: io.clock, crm: crmLink, ingest };
        try {
          return await importOfflineTouchpoints(
            deps,
            systemActor(tenant.id, tenant.slug),
            flags.source,
            bytes,
          );
        } finally {
          await ingest.close();
        }
      });
      io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : describeOfflineReport(report));
    });
}

/** The report as a person reads it: the counts, then the rejected rows with their row numbers. */
export function describeOfflineReport(report: OfflineImportReport): string {
  const lines = [
    `stored ${report.stored}, duplicates ${report.duplicates}, rejected ${report.rejected.length}`,
  ];
  if (report.rejected.length > 0) lines.push('rejected:');
  for (const r of report.rejected.slice(0, REJECTED_SHOWN))
    lines.push(`  row ${r.row}: ${r.field}: ${r.message}`);
  if (report.rejected.length > REJECTED_SHOWN) {
    lines.push(`  … and ${report.rejected.length - REJECTED_SHOWN} more (--json lists all)`);
  }
  return `${lines.join('\n')}\n`;
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

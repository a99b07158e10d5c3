/** `kehu leads import`: leads from a CSV file, over the same service as `POST /api/leads/import`. */
import { Option, type Command } from 'commander';
import { CUSTOMER_KINDS, importLeads, LeadImportQuery } from '../modules/crm/index.js';
import { AppError } from '../platform/errors.js';
import { actorOf, describeReport, readInput, type CrmCommandIo } from './crm-commands.js';
import { withDatabase } from './run-with-db.js';
import { systemClock } from '../platform/clock.js';

type LeadImportFlags = {
  tenant: string;
  as?: string;
  kind?: string;
  source?: string;
  form?: string;
  dryRun?: boolean;
  json?: boolean;
};

/** Adds `kehu leads import` to the program. */
export function registerLeadCommands(program: Command, overrides: Partial<CrmCommandIo> = {}): void {
  const io: CrmCommandIo = {
    run: withDatabase,
    clock: systemClock,
    stdout: process.stdout,
    stderr: process.stderr,
    ...overrides,
  };
  program
    .command('leads')
    .description('leads and requirements forms')
    .command('import <file>')
    .description('import leads from a CSV file (UTF-8, UTF-8 with BOM or GB18030) and report every row')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option(
      '--as <email>',
      'act as this member (default: a system admin; leads then follow the assignment rules)',
    )
    .addOption(new Option('--kind <kind>', 'kind of rows without a kind column').choices(CUSTOMER_KINDS))
    .option('--source <source>', 'source of rows without a source column (default: import)')
    .option('--form <formId>', 'requirements form of rows without a formId column')
    .option('--dry-run', 'check and report without writing anything')
    .option('--json', 'print the whole report as JSON')
    .action(async (file: string, flags: LeadImportFlags) => {
      const parsed = LeadImportQuery.safeParse({
        kind: flags.kind,
        source: flags.source,
        formId: flags.form,
        dryRun: flags.dryRun ? 'true' : 'false',
      });
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new AppError('invalid', 'cli.option_invalid', message);
      }
      const bytes = readInput(file);
      const report = await io.run(async (database) => {
        const actor = await actorOf(database.db, flags.tenant, flags.as);
        return importLeads({ db: database.db, clock: io.clock }, actor, bytes, parsed.data);
      });
      io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
    });
}

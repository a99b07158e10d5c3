/** `kehu crm recall`: run pool recall now for one tenant and print what moved. */
import type { Command } from 'commander';
import { listPools, runRecall } from '../modules/crm/index.js';
import { getTenantBySlug, systemActor } from '../modules/access/index.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { withDatabase } from './run-with-db.js';

/** How the commands reach the database and the world; tests replace them. */
export type PoolCommandOptions = {
  withDb?: <T>(work: (database: Database) => Promise<T>) => Promise<T>;
  clock?: Clock;
  print?: (line: string) => void;
};

/** Adds `kehu crm recall --tenant <slug> [--dry-run]` (creating the `crm` command group if needed). */
export function registerPoolCommands(program: Command, options: PoolCommandOptions = {}): void {
  const withDb = options.withDb ?? withDatabase;
  const clock = options.clock ?? systemClock;
  const print = options.print ?? ((line: string) => console.log(line));
  const crm =
    program.commands.find((command) => command.name() === 'crm') ??
    program.command('crm').description('customers, pools and recall');
  crm
    .command('recall')
    .description(
      'return customers nobody followed up to their pool now (the server does this every 15 minutes)',
    )
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--dry-run', 'only report what would move', false)
    .action(async (flags: { tenant: string; dryRun: boolean }) => {
      const lines = await withDb(async (database) => {
        const deps = { db: database.db, clock };
        const tenant = await getTenantBySlug(database.db, flags.tenant);
        const result = await runRecall(deps, tenant.id, { dryRun: flags.dryRun });
        const pools = (await listPools(deps, systemActor(tenant.id, tenant.slug))).items;
        const poolName = (id: string | null) => pools.find((pool) => pool.id === id)?.name ?? '公海 (new)';
        return [
          ...result.recalled.map(
            (r) => `recalled  ${r.customerId}  ${r.name}  -> ${poolName(r.toPoolId)}  (${r.cause})`,
          ),
          ...result.warned.map((w) => `warned    ${w.customerId}  ${w.name}  (${w.cause})`),
          `${result.recalled.length} recalled, ${result.warned.length} warned` +
            (flags.dryRun ? ' (dry run: nothing changed)' : ''),
        ];
      });
      for (const line of lines) print(line);
    });
}

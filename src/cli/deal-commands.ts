/** `kehu deals export`: the deals a member may see as CSV, over the same services as `GET /api/deals`. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Option, type Command } from 'commander';
import { DEAL_OUTCOMES, EXPORT_ENCODINGS, exportDeals } from '../modules/crm/index.js';
import { actorForMember, findUserByEmail, getTenantBySlug, systemActor } from '../modules/access/index.js';
import type { Actor } from '../platform/auth/actor.js';
import { systemClock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import type { CrmCommandIo } from './crm-commands.js';
import { withDatabase } from './run-with-db.js';

type DealExportFlags = {
  tenant: string;
  as?: string;
  out?: string;
  encoding: (typeof EXPORT_ENCODINGS)[number];
  outcome?: (typeof DEAL_OUTCOMES)[number];
  owner?: string;
  customer?: string;
};

/** Adds `kehu deals export` to the program. */
export function registerDealCommands(program: Command, overrides: Partial<CrmCommandIo> = {}): void {
  const io: CrmCommandIo = {
    run: withDatabase,
    clock: systemClock,
    stdout: process.stdout,
    stderr: process.stderr,
    ...overrides,
  };
  program
    .command('deals')
    .description('sales deals')
    .command('export')
    .description('export the deals the member may see as CSV, newest first')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--as <email>', 'export what this member may see (default: everything)')
    .option('--out <file>', 'write to this file instead of standard output')
    .addOption(
      new Option('--encoding <encoding>', 'file encoding').choices(EXPORT_ENCODINGS).default('utf-8-bom'),
    )
    .addOption(new Option('--outcome <outcome>', 'only deals with this outcome').choices(DEAL_OUTCOMES))
    .option('--owner <userId>', "only this user's deals")
    .option('--customer <customerId>', "only this customer's deals")
    .action(async (flags: DealExportFlags) => runDealExport(io, flags));
}

async function runDealExport(io: CrmCommandIo, flags: DealExportFlags): Promise<void> {
  const count = await io.run(async (database) => {
    const actor = await actorOf(database.db, flags.tenant, flags.as);
    const file = await exportDeals({ db: database.db, clock: io.clock }, actor, {
      encoding: flags.encoding,
      outcome: flags.outcome,
      ownerUserId: flags.owner,
      customerId: flags.customer,
    });
    const out = flags.out ? createWriteStream(flags.out) : undefined;
    const sink = out ?? io.stdout;
    for await (const chunk of file.chunks) if (!sink.write(chunk)) await once(sink, 'drain');
    if (out) await once(out.end(), 'finish');
    return file.count();
  });
  io.stderr.write(`exported ${count} deals${flags.out ? ` to ${flags.out}` : ''}\n`);
}

/** A system admin of the tenant, or the member named by `--as` with their own role and scope. */
async function actorOf(db: Db, slug: string, email: string | undefined): Promise<Actor> {
  const tenant = await getTenantBySlug(db, slug);
  if (email === undefined) return systemActor(tenant.id, tenant.slug);
  const user = await findUserByEmail(db, email);
  const actor = user && (await actorForMember(db, tenant, user.id, 'system'));
  if (!actor)
    throw new AppError('invalid', 'cli.member_unknown', `--as: ${email} is not a member of ${slug}`);
  return actor;
}

/**
 * `kehu crm import` and `kehu crm export`: customers in and out of a tenant as CSV, over the same
 * services as `POST /api/customers/import` and `GET /api/customers/export.csv`.
 */
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import {
  ColumnMapText,
  CUSTOMER_KINDS,
  EXPORT_ENCODINGS,
  EXPORT_PURPOSES,
  ExportQuery,
  exportCustomers,
  importCustomers,
  ON_DUPLICATE,
  type ImportOptions,
  type ImportReport,
} from '../modules/crm/index.js';
import type { Actor } from '../platform/auth/actor.js';
import { actorForMember, findUserByEmail, getTenantBySlug, systemActor } from '../modules/access/index.js';
import { consentFilter } from '../modules/insights/index.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Database, Db } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { withDatabase } from './run-with-db.js';

/** What the commands use from their surroundings; tests replace the database and the streams. */
export type CrmCommandIo = {
  run<T>(work: (database: Database) => Promise<T>): Promise<T>;
  clock: Clock;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
};

type ImportFlags = {
  tenant: string;
  as?: string;
  kind?: ImportOptions['kind'];
  map?: string;
  dryRun?: boolean;
  onDuplicate: NonNullable<ImportOptions['onDuplicate']>;
  owner?: string;
  pool?: string;
  json?: boolean;
};

type ExportFlags = {
  tenant: string;
  as?: string;
  out?: string;
  encoding: ExportQuery['encoding'];
  kind?: ExportQuery['kind'];
  q?: string;
  purpose?: ExportQuery['purpose'];
};

/** How many rejected rows and duplicates the report lists; `--json` prints them all. */
const REPORT_LINES = 10;

/** Adds `kehu crm import` and `kehu crm export` to the program. */
export function registerCrmCommands(program: Command, overrides: Partial<CrmCommandIo> = {}): void {
  const io: CrmCommandIo = {
    run: withDatabase,
    clock: systemClock,
    stdout: process.stdout,
    stderr: process.stderr,
    ...overrides,
  };
  // Other features add commands to the same `crm` group (`crm recall`), in whichever order they register.
  const crm =
    program.commands.find((command) => command.name() === 'crm') ??
    program.command('crm').description('customers, pools and recall');
  crm
    .command('import <file>')
    .description('import customers from a CSV file (UTF-8, UTF-8 with BOM or GB18030) and report every row')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--as <email>', 'act as this member, with their role and data scope (default: a system admin)')
    .addOption(new Option('--kind <kind>', 'kind of rows without a kind column').choices(CUSTOMER_KINDS))
    .option('--map <pairs>', 'map headers to fields, e.g. "Kunde=name,Telefon=phone,Notiz=ignore"')
    .option('--dry-run', 'check and report without writing anything')
    .addOption(
      new Option('--on-duplicate <action>', 'rows that likely duplicate a customer')
        .choices(ON_DUPLICATE)
        .default('report'),
    )
    .option('--owner <member>', 'owner of rows without an owner column (email, name or user id)')
    .option('--pool <name>', 'put rows without an owner or pool column into this pool')
    .option('--json', 'print the whole report as JSON')
    .action(async (file: string, flags: ImportFlags) => runImport(io, file, flags));
  crm
    .command('export')
    .description('export the customers the member may see as CSV, in the columns the import reads')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--as <email>', 'export what this member may see (default: everything)')
    .option('--out <file>', 'write to this file instead of standard output')
    .addOption(
      new Option('--encoding <encoding>', 'file encoding').choices(EXPORT_ENCODINGS).default('utf-8-bom'),
    )
    .addOption(new Option('--kind <kind>', 'only customers of this kind').choices(CUSTOMER_KINDS))
    .option('--q <text>', 'only customers whose name, phone or email contains this')
    .addOption(
      new Option('--purpose <purpose>', 'leave out customers who withdrew their consent to this').choices(
        EXPORT_PURPOSES,
      ),
    )
    .action(async (flags: ExportFlags) => runExport(io, flags));
}

async function runImport(io: CrmCommandIo, path: string, flags: ImportFlags): Promise<void> {
  const bytes = readInput(path);
  const options: ImportOptions = {
    kind: flags.kind,
    map: flags.map === undefined ? undefined : parseMap(flags.map),
    dryRun: flags.dryRun ?? false,
    onDuplicate: flags.onDuplicate,
    owner: flags.owner,
    poolName: flags.pool,
  };
  const report = await io.run(async (database) => {
    const actor = await actorOf(database.db, flags.tenant, flags.as);
    const progress = progressReporter(io.stderr, options.dryRun ? 'checked' : 'imported');
    try {
      return await importCustomers(
        { db: database.db, clock: io.clock },
        actor,
        bytes,
        options,
        progress.update,
      );
    } finally {
      progress.stop();
    }
  });
  io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
}

async function runExport(io: CrmCommandIo, flags: ExportFlags): Promise<void> {
  const query = ExportQuery.parse({
    encoding: flags.encoding,
    kind: flags.kind,
    q: flags.q,
    purpose: flags.purpose,
  });
  const { count, leftOut } = await io.run(async (database) => {
    const actor = await actorOf(database.db, flags.tenant, flags.as);
    const deps = { db: database.db, clock: io.clock, consents: consentFilter };
    const file = await exportCustomers(deps, actor, query);
    const out = flags.out ? createWriteStream(flags.out) : undefined;
    const sink = out ?? io.stdout;
    for await (const chunk of file.chunks) if (!sink.write(chunk)) await once(sink, 'drain');
    if (out) await once(out.end(), 'finish');
    return { count: file.count(), leftOut: file.leftOut() };
  });
  const left = flags.purpose ? `; ${leftOut} left out (${flags.purpose} consent withdrawn)` : '';
  io.stderr.write(`exported ${count} customers${flags.out ? ` to ${flags.out}` : ''}${left}\n`);
}

/** A system admin of the tenant, or the member named by `--as` with their own role and scope. */
export async function actorOf(db: Db, slug: string, email: string | undefined): Promise<Actor> {
  const tenant = await getTenantBySlug(db, slug);
  if (email === undefined) return systemActor(tenant.id, tenant.slug);
  const user = await findUserByEmail(db, email);
  const actor = user && (await actorForMember(db, tenant, user.id, 'system'));
  if (!actor)
    throw new AppError('invalid', 'cli.member_unknown', `--as: ${email} is not a member of ${slug}`);
  return actor;
}

export function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseMap(text: string): Record<string, string> {
  const parsed = ColumnMapText.safeParse(text);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'invalid',
    'cli.map_invalid',
    `--map: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
  );
}

/**
 * A progress bar on a terminal; elsewhere (a pipe, a CI log) a plain line every tenth of the file,
 * since a bar's carriage returns turn a log into noise. A dry run says `checked`: it writes nothing.
 */
function progressReporter(
  stream: CrmCommandIo['stderr'],
  verb: 'imported' | 'checked',
): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${verb === 'checked' ? 'checking (dry run)' : 'importing'} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let shown = -1;
  return {
    update: (done, total) => {
      const tenth = Math.floor((done / total) * 10);
      if (tenth === shown) return;
      shown = tenth;
      stream.write(`${verb} ${done}/${total} rows (${Math.floor((done / total) * 100)}%)\n`);
    },
    stop: () => undefined,
  };
}

/** The report as a person reads it: the counts, then the first duplicates and rejected rows. */
export function describeReport(report: ImportReport): string {
  const lines = [
    `${report.dryRun ? 'dry run (nothing written): would have ' : ''}created ${report.created}, updated ${report.updated}, ` +
      `duplicates ${report.duplicates.length}, rejected ${report.rejectedRows} of ${report.rows} rows (${report.encoding})`,
  ];
  if (report.missingRequired.length)
    lines.push(`no column supplies: ${report.missingRequired.join(', ')} (use --map)`);
  if (report.unmapped.length)
    lines.push(`columns left out: ${report.unmapped.join(', ')} (use --map to import them)`);
  const more = (shown: number, all: number) =>
    all > shown ? [`  … and ${all - shown} more (--json lists all)`] : [];
  if (report.duplicates.length) {
    lines.push('likely duplicates:');
    for (const d of report.duplicates.slice(0, REPORT_LINES)) {
      const rows = d.candidateRows.length ? ` (line ${d.candidateRows.join(', ')})` : '';
      lines.push(
        `  line ${d.row}: ${d.outcome}, same ${d.matchedOn.join('/')} as ${d.candidateIds.join(', ')}${rows}`,
      );
    }
    lines.push(...more(REPORT_LINES, report.duplicates.length));
  }
  if (report.rejected.length) {
    lines.push('rejected:');
    for (const r of report.rejected.slice(0, REPORT_LINES))
      lines.push(`  line ${r.row}: ${r.field}: ${r.message}`);
    lines.push(...more(REPORT_LINES, report.rejected.length));
  }
  return `${lines.join('\n')}\n`;
}

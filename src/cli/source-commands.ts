/**
 * `kehu source create` and `kehu source list`: event sources and their write keys, over the same
 * services as `/api/sources`.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CreateSourceInput, SourceKindInput, type Source } from '../modules/insights/index.js';
import { createSource, listSources } from '../modules/insights/index.js';
import { getTenantBySlug, systemActor } from '../modules/access/index.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import { withDatabase } from './run-with-db.js';

/** How the commands reach the database and the world; tests replace them. */
export type SourceCommandIo = {
  run<T>(work: (database: Database) => Promise<T>): Promise<T>;
  clock: Clock;
  stdout: NodeJS.WritableStream;
};

type CreateFlags = { tenant: string; name: string; kind: string; rate?: number; retentionDays?: number };

/** Adds `kehu source create` and `kehu source list` to the program. */
export function registerSourceCommands(program: Command, overrides: Partial<SourceCommandIo> = {}): void {
  const io: SourceCommandIo = { run: withDatabase, clock: systemClock, stdout: process.stdout, ...overrides };
  const source = program
    .command('source')
    .description('event sources (web, app, mini-program, server, offline)');
  source
    .command('create')
    .description('create an event source; prints only its write key on stdout')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .requiredOption('--name <name>', 'name of the source, unique in the tenant')
    .addOption(
      new Option('--kind <kind>', 'where its events come from')
        .choices(SourceKindInput.options)
        .default('web'),
    )
    .option('--rate <n>', 'events per second it may send (default 2000)', integer)
    .option('--retention-days <n>', 'delete its events after this many days (default: keep forever)', integer)
    .action(async (flags: CreateFlags) => {
      const input = CreateSourceInput.parse({
        name: flags.name,
        kind: flags.kind,
        rateLimitPerSecond: flags.rate,
        retentionDays: flags.retentionDays,
      });
      const created = await io.run(async (database) => {
        const tenant = await getTenantBySlug(database.db, flags.tenant);
        return createSource({ db: database.db, clock: io.clock }, systemActor(tenant.id, tenant.slug), input);
      });
      io.stdout.write(`${created.writeKey}\n`);
    });
  source
    .command('list')
    .description("list the tenant's sources with their write keys")
    .requiredOption('--tenant <slug>', 'tenant slug')
    .action(async (flags: { tenant: string }) => {
      const list = await io.run(async (database) => {
        const tenant = await getTenantBySlug(database.db, flags.tenant);
        return listSources({ db: database.db }, systemActor(tenant.id, tenant.slug));
      });
      io.stdout.write(formatSourceTable(list.items));
    });
}

/** The sources as an aligned text table, one per line under a header. */
export function formatSourceTable(items: Source[]): string {
  if (items.length === 0) return 'no sources\n';
  const rows = [
    ['NAME', 'KIND', 'WRITE KEY', 'RATE/S', 'RETENTION', 'STATE', 'ID'],
    ...items.map((s) => [
      s.name,
      s.kind,
      s.writeKey,
      String(s.rateLimitPerSecond),
      s.retentionDays === null ? 'forever' : `${s.retentionDays} days`,
      s.disabled ? 'disabled' : 'enabled',
      s.id,
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column]!))));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat(widths[column]! - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  return `${rows.map(line).join('\n')}\n`;
}

/** Terminal columns a text takes: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('a whole number');
  return n;
}

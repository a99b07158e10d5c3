#!/usr/bin/env node
/**
 * The `kehu` command: a thin layer over the module services. Every command has `--help`.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEMO_LOGIN, seedDemo } from '../app/demo.js';
import { serve } from '../app/serve.js';
import { version } from '../app/app.js';
import {
  addUser,
  createApiKey,
  expiryAfterDays,
  createTenant,
  CreateUserInput,
  getTenantBySlug,
  type Role,
  ROLES,
} from '../modules/access/index.js';
import { systemClock } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { registerDealCommands } from './deal-commands.js';
import { registerCrmCommands } from './crm-commands.js';
import { registerDbCommands } from './db-commands.js';
import { registerPoolCommands } from './pool-commands.js';
import { registerSourceCommands } from './source-commands.js';
import { registerTouchpointCommands } from './touchpoint-commands.js';
import { registerWarehouseCommands } from './warehouse-commands.js';
import { withDatabase } from './run-with-db.js';

const roleOption = (): Option =>
  new Option('--role <role>', 'role of the user or key').choices(ROLES).makeOptionMandatory();

const program = new Command()
  .name('kehu')
  .description('Kehu (客户): CRM, customer data and warehouse outbound.')
  .version(version);

program
  .command('serve')
  .description('start the HTTP server and web interface (embedded database unless DATABASE_URL is set)')
  .option('--no-demo', 'do not create the demo tenant on an empty database')
  .option('--port <port>', 'port to listen on (default: PORT or 3000)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number');
    return n;
  })
  .action(async (options: { demo: boolean; port?: number }) => {
    const config = loadConfig();
    await serve({ ...config, port: options.port ?? config.port }, { demo: options.demo });
  });

registerDbCommands(program);

const seed = program.command('seed').description('sample data');
seed
  .command('demo')
  .description(
    `create the demo tenant "${DEMO_LOGIN.tenant}" with users and customers (skipped when it exists)`,
  )
  .option('--customers <n>', 'how many customers', (v) => Number.parseInt(v, 10), 240)
  .action(async (options: { customers: number }) => {
    const created = await withDatabase((database) => seedDemo(database.db, systemClock, options.customers));
    console.error(
      created
        ? `demo tenant created; sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`
        : 'demo tenant exists already',
    );
  });

const tenant = program.command('tenant').description('tenants (companies using Kehu)');
tenant
  .command('create [slug]')
  .description('create a tenant; prints its id')
  .option('--slug <slug>', 'the tenant slug (instead of the argument)')
  .requiredOption('--name <name>', 'display name')
  .action(async (slugArgument: string | undefined, options: { slug?: string; name: string }) => {
    const slug = slugArgument ?? options.slug;
    if (!slug) throw new InvalidArgumentError('give the tenant slug as an argument or with --slug');
    const row = await withDatabase((database) => createTenant(database.db, { slug, name: options.name }));
    console.log(row.id);
  });

const user = program.command('user').description('users and their roles');
user
  .command('create')
  .description('add a user to a tenant; prints the user id')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--password <password>', 'password (at least 8 characters)')
  .addOption(roleOption())
  .action(async (options: { tenant: string; email: string; name: string; password: string; role: Role }) => {
    const input = CreateUserInput.parse(options);
    const created = await withDatabase(async (database) => {
      const t = await getTenantBySlug(database.db, options.tenant);
      return addUser(database.db, t.id, input);
    });
    console.log(created.id);
  });

const apikey = program.command('apikey').description('API keys for scripts and integrations');
apikey
  .command('create')
  .description('create an API key; prints only the key on stdout (shown once)')
  .requiredOption('--tenant <slug>', 'tenant slug')
  .addOption(roleOption())
  .option('--name <name>', 'what the key is for', 'cli')
  .option(
    '--expires-in-days <days>',
    'the key stops working after this many days (default: never)',
    (value) => {
      const days = Number(value);
      if (!Number.isInteger(days) || days < 1 || days > 3650) {
        throw new InvalidArgumentError('give a whole number of days from 1 to 3650');
      }
      return days;
    },
  )
  .action(async (options: { tenant: string; role: Role; name: string; expiresInDays?: number }) => {
    const created = await withDatabase(async (database) => {
      const t = await getTenantBySlug(database.db, options.tenant);
      const now = new Date();
      const expiresAt = expiryAfterDays(now, options.expiresInDays);
      return createApiKey(database.db, t.id, { name: options.name, role: options.role, expiresAt }, now);
    });
    console.log(created.key);
  });

// `crm import`, `crm export` and `crm recall` share one `crm` group.
registerCrmCommands(program);
registerPoolCommands(program);
registerSourceCommands(program);
registerTouchpointCommands(program);
registerWarehouseCommands(program);
registerDealCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof AppError) {
    console.error(`error: ${error.message}`);
  } else if (error instanceof Error && error.name === 'ZodError') {
    const issues = (error as unknown as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    console.error(`error: ${issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  } else {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const busy =
    error instanceof Error && ['DataDirLockedError', 'DataDirUnavailableError'].includes(error.name);
  process.exit(busy ? 2 : 1);
});

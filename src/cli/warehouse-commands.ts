/**
 * `kehu warehouse ...`: create a warehouse, import locations, items and stock from CSV, show stock,
 * and replay the ledger — over the same services as the API, as the tenant's system actor.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Actor } from '../platform/auth/actor.js';
import { getTenantBySlug, systemActor } from '../modules/access/index.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { Database } from '../platform/db/database.js';
import {
  IMPORT_KINDS,
  createWarehouse,
  findItemsBySku,
  getWarehouseByCode,
  importWarehouseCsv,
  listStock,
  previewWaves,
  rebuildStock,
  releaseWaves,
  type ImportKind,
  type RebuildReport,
  type StockRow,
  type WarehouseDeps,
  type WarehouseImportReport,
  type WavePreview,
  type WaveRelease,
} from '../modules/warehouse/index.js';
import { withDatabase } from './run-with-db.js';
import { registerRouteCommand } from './warehouse-route-command.js';

/** How the commands reach the database and the world; tests replace them. */
export type WarehouseCommandIo = {
  run<T>(work: (database: Database) => Promise<T>): Promise<T>;
  clock: Clock;
  stdout: NodeJS.WritableStream;
};

/** Rejected rows the summary lists; `--json` prints them all. */
const REJECTED_SHOWN = 50;
/** Stock rows `kehu warehouse stock` prints at most. */
const STOCK_SHOWN = 500;

type Session = { deps: WarehouseDeps; actor: Actor };
/** Runs `work` as the system actor of the tenant with this slug. */
type InTenant = <T>(slug: string, work: (session: Session) => Promise<T>) => Promise<T>;

/** Adds `kehu warehouse` and its subcommands to the program. */
export function registerWarehouseCommands(
  program: Command,
  overrides: Partial<WarehouseCommandIo> = {},
): void {
  const io: WarehouseCommandIo = {
    run: withDatabase,
    clock: systemClock,
    stdout: process.stdout,
    ...overrides,
  };
  const inTenant: InTenant = (slug, work) =>
    io.run(async (database) => {
      const tenant = await getTenantBySlug(database.db, slug);
      return work({ deps: { db: database.db, clock: io.clock }, actor: systemActor(tenant.id, tenant.slug) });
    });
  const warehouse = program
    .command('warehouse')
    .description('warehouse: locations, items and stock; pick routes');
  registerCreate(warehouse, io, inTenant);
  registerImport(warehouse, io, inTenant);
  registerStock(warehouse, io, inTenant);
  registerRebuild(warehouse, io, inTenant);
  registerWaves(warehouse, io, inTenant);
  registerRouteCommand(warehouse, io.stdout);
}

/** `kehu warehouse create` */
function registerCreate(warehouse: Command, io: WarehouseCommandIo, inTenant: InTenant): void {
  warehouse
    .command('create')
    .description('create a warehouse with its receiving (RECV) and shipping (SHIP) docks')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .requiredOption('--code <code>', 'warehouse code, unique in the tenant')
    .requiredOption('--name <name>', 'warehouse name')
    .action(async (flags: { tenant: string; code: string; name: string }) => {
      const created = await inTenant(flags.tenant, ({ deps, actor }) =>
        createWarehouse(deps, actor, { code: flags.code, name: flags.name }),
      );
      io.stdout.write(`created warehouse ${created.code} (${created.id})\n`);
    });
}

/** `kehu warehouse import <kind> <file>` */
function registerImport(warehouse: Command, io: WarehouseCommandIo, inTenant: InTenant): void {
  warehouse
    .command('import <kind> <file>')
    .description(
      `import ${IMPORT_KINDS.join(', ')} from a CSV file (UTF-8, UTF-8 with BOM or GB18030; English or Chinese ` +
        'headers); locations and stock need --warehouse',
    )
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--warehouse <code>', 'the warehouse, by code (locations and stock)')
    .option('--json', 'print the whole report as JSON')
    .action(
      async (kind: string, file: string, flags: { tenant: string; warehouse?: string; json?: boolean }) => {
        if (!(IMPORT_KINDS as readonly string[]).includes(kind))
          throw new Error(`unknown import kind ${kind}: use ${IMPORT_KINDS.join(', ')}`);
        const bytes = readInput(file);
        const report = await inTenant(flags.tenant, async ({ deps, actor }) => {
          const warehouseId = flags.warehouse
            ? (await getWarehouseByCode(deps, actor, flags.warehouse)).id
            : undefined;
          return importWarehouseCsv(deps, actor, kind as ImportKind, bytes, { warehouseId });
        });
        io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : describeImportReport(report));
      },
    );
}

/** `kehu warehouse stock` */
function registerStock(warehouse: Command, io: WarehouseCommandIo, inTenant: InTenant): void {
  warehouse
    .command('stock')
    .description('show stock by location and lot: on hand, reserved, available')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .option('--warehouse <code>', 'only this warehouse')
    .option('--sku <sku>', 'only this item')
    .option('--json', 'print the rows as JSON')
    .action(async (flags: { tenant: string; warehouse?: string; sku?: string; json?: boolean }) => {
      const rows = await inTenant(flags.tenant, async ({ deps, actor }) => {
        const warehouseId = flags.warehouse
          ? (await getWarehouseByCode(deps, actor, flags.warehouse)).id
          : undefined;
        let itemId: string | undefined;
        if (flags.sku) {
          itemId = (await findItemsBySku(deps.db, actor.tenantId, [flags.sku])).get(flags.sku)?.id;
          if (!itemId) throw new Error(`no item with SKU ${flags.sku}`);
        }
        const page = await listStock(deps, actor, {
          warehouseId,
          itemId,
          includeEmpty: false,
          limit: STOCK_SHOWN,
        });
        return page.items;
      });
      io.stdout.write(flags.json ? `${JSON.stringify(rows, null, 2)}\n` : describeStock(rows));
    });
}

/** `kehu warehouse rebuild` */
function registerRebuild(warehouse: Command, io: WarehouseCommandIo, inTenant: InTenant): void {
  warehouse
    .command('rebuild')
    .description("replay a warehouse's ledger against its stock rows; --repair sets on hand to the ledger's")
    .requiredOption('--tenant <slug>', 'tenant slug')
    .requiredOption('--warehouse <code>', 'the warehouse, by code')
    .option('--repair', 'fix the stock rows that differ')
    .option('--json', 'print the report as JSON')
    .action(async (flags: { tenant: string; warehouse: string; repair?: boolean; json?: boolean }) => {
      const report = await inTenant(flags.tenant, async ({ deps, actor }) => {
        const { id } = await getWarehouseByCode(deps, actor, flags.warehouse);
        return rebuildStock(deps, actor, id, { repair: flags.repair === true });
      });
      io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : describeRebuild(report));
    });
}

/** `kehu warehouse waves release` */
function registerWaves(warehouse: Command, io: WarehouseCommandIo, inTenant: InTenant): void {
  warehouse
    .command('waves')
    .description("waves: release the warehouse's allocated orders by its wave rules")
    .command('release')
    .description('release waves by the rules; --dry-run shows what would be released and why orders stay')
    .requiredOption('--tenant <slug>', 'tenant slug')
    .requiredOption('--warehouse <code>', 'the warehouse, by code')
    .option('--dry-run', 'preview only: store nothing')
    .option('--json', 'print the result as JSON')
    .action(async (flags: { tenant: string; warehouse: string; dryRun?: boolean; json?: boolean }) => {
      const result = await inTenant(flags.tenant, async ({ deps, actor }) => {
        const { id } = await getWarehouseByCode(deps, actor, flags.warehouse);
        return flags.dryRun ? previewWaves(deps, actor, id) : releaseWaves(deps, actor, id);
      });
      io.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : describeWaves(result));
    });
}

/** A release (or its preview) as a person reads it: each wave with its orders, then who stays and why. */
export function describeWaves(result: WavePreview | WaveRelease): string {
  const released = !('at' in result);
  const lines = result.waves.map((wave) => {
    const t = wave.totals;
    const head =
      'number' in wave ? `wave ${wave.number} (${wave.rule.name})` : `would release (${wave.rule})`;
    const kg = t.weightKg === null ? '' : `, ${t.weightKg} kg`;
    const refs = 'orders' in wave ? `: ${wave.orders.map((o) => o.externalRef).join(' ')}` : '';
    return `${head}: ${t.orders} orders, ${t.lines} lines, ${t.units} units${kg}${refs}`;
  });
  if (lines.length === 0) lines.push(released ? 'no wave released' : 'no wave would be released');
  if (result.leftOut.length > 0) lines.push(`left out ${result.leftOut.length}:`);
  for (const left of result.leftOut.slice(0, REJECTED_SHOWN))
    lines.push(`  ${left.externalRef} ${left.code}: ${left.message}`);
  if (result.leftOut.length > REJECTED_SHOWN)
    lines.push(`  … and ${result.leftOut.length - REJECTED_SHOWN} more (--json lists all)`);
  return `${lines.join('\n')}\n`;
}

/** An import report as a person reads it: the counts, then the rejected rows with their line numbers. */
export function describeImportReport(report: WarehouseImportReport): string {
  const lines = [
    `rows ${report.rows}: created ${report.created}, updated ${report.updated}, rejected ${report.rejected.length}`,
  ];
  if (report.rejected.length > 0) lines.push('rejected:');
  for (const r of report.rejected.slice(0, REJECTED_SHOWN))
    lines.push(`  row ${r.row}: ${r.field}: ${r.message}`);
  if (report.rejected.length > REJECTED_SHOWN)
    lines.push(`  … and ${report.rejected.length - REJECTED_SHOWN} more (--json lists all)`);
  return `${lines.join('\n')}\n`;
}

/** Stock rows as an aligned table. */
export function describeStock(rows: StockRow[]): string {
  if (rows.length === 0) return 'no stock\n';
  const table = [
    ['warehouse', 'location', 'sku', 'lot', 'expiry', 'on hand', 'reserved', 'available'],
    ...rows.map((r) => [
      r.warehouseCode,
      r.locationCode,
      r.sku,
      r.lotNumber ?? '-',
      r.expiryDate ?? '-',
      String(r.onHand),
      String(r.reserved),
      String(r.available),
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return `${table
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

/** A rebuild report as a person reads it. */
export function describeRebuild(report: RebuildReport): string {
  const lines = [
    `moves ${report.moves}, stock rows ${report.stockRows}, differences ${report.differences.length}, ` +
      `reservation differences ${report.reservationDifferences}${report.repaired ? ', repaired' : ''}`,
  ];
  for (const d of report.differences)
    lines.push(
      `  ${d.locationCode} ${d.sku} ${d.lotNumber ?? '-'}: stored ${d.stored}, ledger ${d.fromLedger}`,
    );
  return `${lines.join('\n')}\n`;
}

function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

import path from 'node:path';
import iconv from 'iconv-lite';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runCli, useCliDatabase, useInProcessCli } from '../../test/helpers/cli.js';
import { makeTenant } from '../../test/helpers/factories.js';
import { stock } from '../modules/warehouse/stock/stock.table.js';
import { makeWaveWorld } from '../modules/warehouse/wave/wave-fixtures.test-helper.js';
import type { WavePreview } from '../modules/warehouse/index.js';
import { fixedClock } from '../platform/clock.js';
import { describeImportReport, registerWarehouseCommands } from './warehouse-commands.js';

const clock = fixedClock('2026-03-02T02:00:00Z');
const cli = useInProcessCli(
  'kehu-warehouse-cli-',
  (program, io) => registerWarehouseCommands(program, io),
  clock,
);
const { kehu, file } = cli;

describe('kehu warehouse', () => {
  it('creates a warehouse, imports locations, items and stock, shows stock, and rebuilds', async () => {
    const { tenant } = await makeTenant(cli.database.db);
    const t = ['--tenant', tenant.slug];
    expect(await kehu(['warehouse', 'create', ...t, '--code', 'HZ1', '--name', '杭州仓'])).toMatch(
      /^created warehouse HZ1 \(.+\)\n$/,
    );
    const locations = file(
      'locations.csv',
      iconv.encode('货位,库区\nA-01-01-1,\nA-02-03-1,\nA-77-01-1,\n', 'gb18030'),
    );
    expect(await kehu(['warehouse', 'import', 'locations', locations, ...t, '--warehouse', 'HZ1'])).toBe(
      'rows 3: created 2, updated 0, rejected 1\nrejected:\n  row 4: aisle: aisle 77 is outside 1..10\n',
    );
    const items = file('items.csv', 'sku,name,unit\nMILK,牛奶,箱\n');
    expect(JSON.parse(await kehu(['warehouse', 'import', 'items', items, ...t, '--json']))).toEqual({
      rows: 1,
      created: 1,
      updated: 0,
      rejected: [],
    });
    const stockCsv = file(
      'stock.csv',
      'location,sku,lot,expiryDate,quantity\nA-01-01-1,MILK,L1,2026-09-01,7\n',
    );
    await kehu(['warehouse', 'import', 'stock', stockCsv, ...t, '--warehouse', 'HZ1']);
    expect(await kehu(['warehouse', 'stock', ...t, '--sku', 'MILK'])).toBe(
      'warehouse  location   sku   lot  expiry      on hand  reserved  available\n' +
        'HZ1        A-01-01-1  MILK  L1   2026-09-01  7        0         7\n',
    );
    expect(await kehu(['warehouse', 'rebuild', ...t, '--warehouse', 'HZ1'])).toBe(
      'moves 1, stock rows 1, differences 0, reservation differences 0\n',
    );
    await cli.database.db
      .update(stock)
      .set({ onHand: 9 })
      .where(and(eq(stock.tenantId, tenant.id), eq(stock.onHand, 7)));
    expect(await kehu(['warehouse', 'rebuild', ...t, '--warehouse', 'HZ1', '--repair'])).toBe(
      'moves 1, stock rows 1, differences 1, reservation differences 0, repaired\n  A-01-01-1 MILK L1: stored 9, ledger 7\n',
    );
    expect(await kehu(['warehouse', 'rebuild', ...t, '--warehouse', 'HZ1'])).toContain('differences 0');
  });

  it('releases waves by the rules, after a dry run that stores nothing', async () => {
    const { tenant, admin } = await makeTenant(cli.database.db);
    const deps = { db: cli.database.db, clock };
    const world = await makeWaveWorld(cli.database.db, deps, admin.actor, 'WV1');
    await world.strategy({ rules: [{ name: 'SF', carriers: ['SF'], limits: {} }] });
    await world.push([['A', 2]]);
    await world.push([['A', 1]], { carrier: 'ZTO' });
    const t = ['warehouse', 'waves', 'release', '--tenant', tenant.slug, '--warehouse', 'WV1'];
    const leftOut = 'left out 1:\n  WV1-SO-2 carrier: Carrier ZTO is not SF.\n';
    expect(await kehu([...t, '--dry-run'])).toBe(
      `would release (SF): 1 orders, 1 lines, 2 units: WV1-SO-1\n${leftOut}`,
    );
    // The dry run stored nothing: the same again.
    expect(await kehu([...t, '--dry-run'])).toBe(
      `would release (SF): 1 orders, 1 lines, 2 units: WV1-SO-1\n${leftOut}`,
    );
    expect(await kehu(t)).toBe(`wave 1 (SF): 1 orders, 1 lines, 2 units\n${leftOut}`);
    const after = JSON.parse(await kehu([...t, '--dry-run', '--json'])) as WavePreview;
    expect(after.waves).toEqual([]);
    expect(after.leftOut.map((left) => [left.externalRef, left.code]).sort()).toEqual([
      ['WV1-SO-1', 'in_wave'],
      ['WV1-SO-2', 'carrier'],
    ]);
    expect(await kehu(t)).toBe(
      `no wave released\nleft out 2:\n  WV1-SO-1 in_wave: Already in wave 1.\n  WV1-SO-2 carrier: Carrier ZTO is not SF.\n`,
    );
  });

  it('refuses an unknown kind, an unknown warehouse and a missing file', async () => {
    const { tenant } = await makeTenant(cli.database.db);
    const csv = file('one.csv', 'sku,name\nX,x\n');
    await expect(kehu(['warehouse', 'import', 'orders', csv, '--tenant', tenant.slug])).rejects.toThrow(
      /unknown import kind orders/,
    );
    await expect(
      kehu(['warehouse', 'import', 'locations', csv, '--tenant', tenant.slug, '--warehouse', 'NOPE']),
    ).rejects.toMatchObject({ code: 'warehouse.warehouse.not_found' });
    await expect(
      kehu([
        'warehouse',
        'import',
        'items',
        path.join(path.dirname(file('present.csv', '')), 'missing.csv'),
        '--tenant',
        tenant.slug,
      ]),
    ).rejects.toThrow(/cannot read .*missing\.csv: ENOENT/);
  });

  it('lists at most 50 rejected rows', () => {
    const rejected = Array.from({ length: 52 }, (_, i) => ({
      row: i + 2,
      field: 'sku',
      message: 'required',
    }));
    const lines = describeImportReport({ rows: 52, created: 0, updated: 0, rejected }).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 1 + 50 + 1);
    expect(lines.at(-1)).toBe('  … and 2 more (--json lists all)');
  });
});

describe('kehu warehouse (the real command)', () => {
  const cli = useCliDatabase('kehu-warehouse-cli-');

  it('creates a warehouse and imports locations into it', async () => {
    expect((await runCli(['tenant', 'create', 'depot', '--name', 'Depot'], cli.env)).code).toBe(0);
    const created = await runCli(
      ['warehouse', 'create', '--tenant', 'depot', '--code', 'W1', '--name', 'One'],
      cli.env,
    );
    expect(created.code, created.stderr).toBe(0);
    const csv = file('real.csv', '\ufeffcode,kind\nA-01-01-1,storage\nDOCK2,receiving\n');
    const imported = await runCli(
      ['warehouse', 'import', 'locations', csv, '--tenant', 'depot', '--warehouse', 'W1'],
      cli.env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('rows 2: created 2, updated 0, rejected 0\n');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { listItems } from '../catalog/catalog.service.js';
import { listLots } from '../catalog/lot.service.js';
import { makeWarehouse } from '../inbound/inbound.test-helper.js';
import { listLocations } from '../layout/location.service.js';
import { listStock } from '../stock/stock.service.js';
import { CHUNK_ROWS, importWarehouseCsv } from './import.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');

async function countOf(query: ReturnType<typeof sql>): Promise<Record<string, number>> {
  const result = await database.db.execute<Record<string, number>>(query);
  return result.rows[0]!;
}

describe('warehouse CSV import: rows of the same file', () => {
  it('creates a location code on its first row and updates it on later ones; docks stay docks', async () => {
    const { actor, deps, warehouse } = await makeWarehouse(database.db, clock);
    const csv = Buffer.from(
      'code,zone,aisle,slot,level,kind\n' +
        'B-01-01-1,B,,,,\n' +
        'B-01-01-1,C,,,2,\n' +
        'RECV,,1,1,1,storage\n' +
        'RECV,,,,,receiving\n' +
        'D-01-01-1,,,,,shipping\n' +
        'D-01-01-1,,,,,receiving\n' +
        'D-01-01-1,,,,,storage\n',
    );
    const report = await importWarehouseCsv(deps, actor, 'locations', csv, { warehouseId: warehouse.id });
    expect(report).toEqual({
      rows: 7,
      created: 2,
      updated: 2,
      rejected: [
        { row: 4, field: 'kind', message: 'RECV is the receiving dock and stays one' },
        { row: 7, field: 'kind', message: 'D-01-01-1 is the shipping dock and stays one' },
        { row: 8, field: 'kind', message: 'D-01-01-1 is the shipping dock and stays one' },
      ],
    });
    const locations = (await listLocations(deps, actor, warehouse.id, {})).items;
    expect(locations.find((l) => l.code === 'B-01-01-1')).toMatchObject({ zone: 'C', level: 2, pathRank: 2 });
    expect(locations.find((l) => l.code === 'RECV')).toMatchObject({ kind: 'receiving', pathRank: null });
    expect(locations.find((l) => l.code === 'D-01-01-1')).toMatchObject({ kind: 'shipping', aisle: 1 });
    // Zones are created on first sight, also the one a later row moved the location away from.
    const zones = await countOf(
      sql`select count(*)::int as n from zones where warehouse_id = ${warehouse.id} and code in ('B', 'C')`,
    );
    expect(zones.n).toBe(2);
  });

  it('merges the cells of a new SKU named twice; a row without a name waits for none', async () => {
    const { actor, deps } = await makeWarehouse(database.db, clock);
    const csv = Buffer.from(
      'sku,name,unit,weightKg,strategy\n' +
        'TEA,,盒,,\n' +
        'TEA,绿茶,,0.25,\n' +
        'TEA,,罐,,fefo\n' +
        'TEA,,,x,\n',
    );
    const report = await importWarehouseCsv(deps, actor, 'items', csv, {});
    expect(report).toEqual({
      rows: 4,
      created: 1,
      updated: 1,
      rejected: [
        { row: 2, field: 'name', message: 'required for a new SKU' },
        { row: 5, field: 'weightKg', message: 'a number' },
      ],
    });
    const tea = (await listItems(deps, actor, { q: 'TEA', limit: 10 })).items[0];
    expect(tea).toMatchObject({ name: '绿茶', unit: '罐', weightKg: 0.25, allocationStrategy: 'fefo' });
  });
});

/** The stock file of the chunk test: 1,200 rows of MILK over the three locations, seven lots. */
function stockRows(): { lines: string[]; bad: Map<number, { field: string; message: string }> } {
  const lines: string[] = [];
  const bad = new Map<number, { field: string; message: string }>();
  for (let i = 1; i <= 1_200; i++) {
    const location = ['A-01-01-1', 'A-01-02-1', 'A-02-01-1'][i % 3]!;
    const lot = `L${i % 7}`;
    lines.push(`${location},MILK,${lot},2026-01-1${i % 7},,${1 + (i % 5)},,`);
  }
  const set = (line: number, text: string, field: string, message: string) => {
    lines[line - 2] = text;
    bad.set(line, { field, message });
  };
  set(2, 'A-01-01-1,MILK,L1,,,0,,', 'quantity', 'a whole number of at least 1');
  set(CHUNK_ROWS + 1, 'A-01-01-1,NOPE,,,,1,,', 'sku', 'no item with SKU NOPE');
  set(CHUNK_ROWS + 2, 'Z-99,MILK,,,,1,,', 'location', 'no location Z-99 in this warehouse');
  lines[700 - 2] = 'A-01-01-1,MILK,NEW,,2026-12-31,4,,';
  lines[701 - 2] = 'A-01-02-1,MILK,NEW,,,4,,';
  set(900, 'A-02-01-1,FISH,,,,1,,', 'weightKg', 'FISH is a catch-weight item: give the weight');
  set(
    1_100,
    'A-02-01-1,MILK,L3,2026-02-01,,1,,',
    'lot',
    'lot L3 has production date 2026-01-13, not 2026-02-01',
  );
  set(
    1_150,
    'A-01-01-1,MILK,NEW,,2027-01-01,1,,',
    'lot',
    'lot NEW has expiry date 2026-12-31, not 2027-01-01',
  );
  set(
    1_201,
    'A-01-01-1,MILK,LX,2026-02-01,2026-01-01,1,,',
    'lot',
    'expiry 2026-01-01 is before production 2026-02-01',
  );
  return { lines, bad };
}

describe('warehouse CSV import: a file of several chunks', () => {
  it('stores 1,200 stock rows chunk by chunk as one receipt, rejecting exactly the bad rows', async () => {
    const { actor, deps, warehouse, milk, tenant } = await makeWarehouse(database.db, clock);
    const { lines, bad } = stockRows();
    const csv = Buffer.from(
      `location,sku,lot,productionDate,expiryDate,quantity,weightKg,putawayAt\n${lines.join('\n')}\n`,
    );
    const report = await importWarehouseCsv(deps, actor, 'stock', csv, { warehouseId: warehouse.id });
    expect(report).toEqual({
      rows: 1_200,
      created: 1_200 - bad.size,
      updated: 0,
      rejected: [...bad].map(([row, issue]) => ({ row, ...issue })),
    });
    const expected = lines
      .filter((_, index) => !bad.has(index + 2))
      .reduce((sum, line) => sum + Number(line.split(',')[5]), 0);
    const stock = (
      await listStock(deps, actor, { warehouseId: warehouse.id, includeEmpty: false, limit: 100 })
    ).items;
    expect(stock.reduce((sum, row) => sum + row.onHand, 0)).toBe(expected);
    const moves = await countOf(
      sql`select count(*)::int as n, count(distinct receipt_id)::int as receipts from stock_moves where tenant_id = ${tenant.id}`,
    );
    expect(moves).toEqual({ n: 1_200 - bad.size, receipts: 1 });
    const receipts = await countOf(
      sql`select count(*)::int as n from receipts where tenant_id = ${tenant.id} and reference = 'import'`,
    );
    expect(receipts.n).toBe(1);
    const lots = (await listLots(deps, actor, milk.id)).items;
    expect(lots.map((lot) => lot.lotNumber)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'NEW']);
    expect(lots.find((lot) => lot.lotNumber === 'NEW')).toMatchObject({ expiryDate: '2026-12-31' });
  });

  it('imports 1,200 items over three chunks, updating a SKU an earlier chunk created', async () => {
    const { actor, deps } = await makeWarehouse(database.db, clock);
    const lines = Array.from(
      { length: 1_200 },
      (_, i) => `S${String(i + 1).padStart(4, '0')},item ${i + 1},,,`,
    );
    lines[300 - 2] = 'BAD,heavy item,,heavy,';
    lines[800 - 2] = 'NONAME,,,,';
    lines[1_000 - 2] = 'S0009,,箱,,';
    lines[1_150 - 2] = 'S1149,x,,,NOPE';
    const csv = Buffer.from(`sku,name,unit,weightKg,supplier\n${lines.join('\n')}\n`);
    const report = await importWarehouseCsv(deps, actor, 'items', csv, {});
    expect(report).toEqual({
      rows: 1_200,
      created: 1_196,
      updated: 1,
      rejected: [
        { row: 300, field: 'weightKg', message: 'a number' },
        { row: 800, field: 'name', message: 'required for a new SKU' },
        { row: 1_150, field: 'supplier', message: 'no supplier with code NOPE' },
      ],
    });
    const item = (await listItems(deps, actor, { q: 'S0009', limit: 10 })).items[0];
    expect(item).toMatchObject({ name: 'item 9', unit: '箱' });
  });

  it('accounts for every row when two imports of the same new SKUs run at once', async () => {
    const { actor, deps, tenant } = await makeWarehouse(database.db, clock);
    const lines = Array.from({ length: 600 }, (_, i) => `RACE-${i},item ${i}`);
    const csv = Buffer.from(`sku,name\n${lines.join('\n')}\n`);
    const reports = await Promise.all([
      importWarehouseCsv(deps, actor, 'items', csv, {}),
      importWarehouseCsv(deps, actor, 'items', csv, {}),
    ]);
    expect(reports.map((r) => r.rejected)).toEqual([[], []]);
    expect(reports[0].created + reports[1].created).toBe(600);
    expect(reports[0].updated + reports[1].updated).toBe(600);
    const stored = await countOf(
      sql`select count(*)::int as n from items where tenant_id = ${tenant.id} and sku like 'RACE-%'`,
    );
    expect(stored.n).toBe(600);
  });
});

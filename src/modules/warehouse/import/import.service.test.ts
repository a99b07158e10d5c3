import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.js';
import { makeUser } from '../../../../test/helpers/factories.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Database } from '../../../platform/db/database.js';
import { listItems } from '../catalog/catalog.service.js';
import { listLots } from '../catalog/lot.service.js';
import { makeWarehouse } from '../inbound/inbound.test-helper.js';
import { listLocations } from '../layout/location.service.js';
import { listMoves, listStock } from '../stock/stock.service.js';
import { importWarehouseCsv } from './import.service.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const clock = fixedClock('2026-03-01T08:00:00Z');

describe('warehouse CSV import', () => {
  it('imports locations from a GB18030 file with Chinese headers, updating known codes, rejecting bad rows', async () => {
    const { actor, deps, warehouse } = await makeWarehouse(database.db, clock);
    const csv = iconv.encode(
      '货位,库区,巷道,区段,货位号,层,类型\r\n' +
        'B-03-04-1,,,,,,\r\n' +
        'C1,冷,2,1,5,1,存储\r\n' +
        'A-01-01-1,A,1,1,9,2,\r\n' +
        'A-09-01-1,,,,,,\r\n' +
        'X,,,,,,\r\n' +
        'D-01-01-1,,,,,,货架\r\n',
      'gb18030',
    );
    const report = await importWarehouseCsv(deps, actor, 'locations', csv, { warehouseId: warehouse.id });
    expect(report).toEqual({
      rows: 6,
      created: 2,
      updated: 1,
      rejected: [
        { row: 5, field: 'aisle', message: 'aisle 9 is outside 1..4' },
        {
          row: 6,
          field: 'aisle',
          message: 'a storage location needs aisle and slot, or a code like A-03-12-2',
        },
        { row: 7, field: 'kind', message: 'storage, receiving or shipping' },
      ],
    });
    const locations = (await listLocations(deps, actor, warehouse.id, {})).items;
    expect(locations.find((l) => l.code === 'C1')).toMatchObject({ zone: '冷', aisle: 2, slot: 5 });
    expect(locations.find((l) => l.code === 'A-01-01-1')).toMatchObject({ slot: 9, level: 2, pathRank: 802 });
  });

  it('imports items by SKU (UTF-8 with BOM), updating known ones and checking suppliers', async () => {
    const { actor, deps } = await makeWarehouse(database.db, clock);
    const csv = Buffer.from(
      '\ufeffsku,name,unit,weightKg,barcode,catchWeight,strategy,supplier\n' +
        'MILK,,瓶,1.05,,,fefo,\n' +
        'TEA,绿茶,盒,0.25,6900000000001,否,先进先出,SUP\n' +
        'CRAB,大闸蟹,只,,,是,,NOPE\n' +
        'NEW,,,,,,,\n' +
        'BAD,x,,heavy,,,,\n',
    );
    const report = await importWarehouseCsv(deps, actor, 'items', csv, {});
    expect(report).toEqual({
      rows: 5,
      created: 1,
      updated: 1,
      rejected: [
        { row: 4, field: 'supplier', message: 'no supplier with code NOPE' },
        { row: 5, field: 'name', message: 'required for a new SKU' },
        { row: 6, field: 'weightKg', message: 'a number' },
      ],
    });
    const items = (await listItems(deps, actor, { limit: 10 })).items;
    expect(items.map((i) => i.sku)).toEqual(['FISH', 'MILK', 'TEA']);
    expect(items[1]).toMatchObject({ name: '牛奶', unit: '瓶', weightKg: 1.05, allocationStrategy: 'fefo' });
    expect(items[2]).toMatchObject({
      catchWeight: false,
      allocationStrategy: 'fifo',
      barcode: '6900000000001',
    });
  });

  it('imports stock as one receipt straight into the locations, back-dated to the putaway time', async () => {
    const { actor, deps, warehouse, milk } = await makeWarehouse(database.db, clock);
    const csv = Buffer.from(
      '货位,编码,批次,生产日期,有效期,数量,重量,上架时间\n' +
        'A-01-01-1,MILK,L1,2026-01-05,2026/7/5,12,,2026-01-06 10:00\n' +
        'A-01-02-1,MILK,L1,2026-01-05,,3,,\n' +
        'A-01-02-1,MILK,L1,2026-01-06,,3,,\n' +
        'A-02-01-1,FISH,,,,2,,\n' +
        'A-02-01-1,FISH,,,,2,3.4,2026-02-01T08:00:00+08:00\n' +
        'Z-99,MILK,,,,1,,\n' +
        'A-01-01-1,NOPE,,,,1,,\n' +
        'A-01-01-1,MILK,,,,0,,\n',
    );
    const report = await importWarehouseCsv(deps, actor, 'stock', csv, { warehouseId: warehouse.id });
    expect(report).toEqual({
      rows: 8,
      created: 3,
      updated: 0,
      rejected: [
        { row: 4, field: 'lot', message: 'lot L1 has production date 2026-01-05, not 2026-01-06' },
        { row: 5, field: 'weightKg', message: 'FISH is a catch-weight item: give the weight' },
        { row: 7, field: 'location', message: 'no location Z-99 in this warehouse' },
        { row: 8, field: 'sku', message: 'no item with SKU NOPE' },
        { row: 9, field: 'quantity', message: 'a whole number of at least 1' },
      ],
    });
    const stock = (
      await listStock(deps, actor, { warehouseId: warehouse.id, includeEmpty: false, limit: 10 })
    ).items;
    expect(stock.map((r) => [r.locationCode, r.sku, r.lotNumber, r.onHand, r.weightKg, r.putawayAt])).toEqual(
      [
        ['A-01-01-1', 'MILK', 'L1', 12, null, '2026-01-06T10:00:00.000Z'],
        ['A-01-02-1', 'MILK', 'L1', 3, null, '2026-03-01T08:00:00.000Z'],
        ['A-02-01-1', 'FISH', null, 2, 3.4, '2026-02-01T00:00:00.000Z'],
      ],
    );
    expect((await listLots(deps, actor, milk.id)).items).toMatchObject([{ expiryDate: '2026-07-05' }]);
    const moves = (await listMoves(deps, actor, { warehouseId: warehouse.id, limit: 10 })).items;
    expect(moves.map((m) => m.kind)).toEqual(['receipt', 'receipt', 'receipt']);
    expect(new Set(moves.map((m) => m.receiptId)).size).toBe(1);
  });

  it('refuses a file without a required column, a missing warehouse, and pickers', async () => {
    const { actor, deps, warehouse, tenant } = await makeWarehouse(database.db, clock);
    await expect(
      importWarehouseCsv(deps, actor, 'stock', Buffer.from('location,sku\nA,B\n'), {
        warehouseId: warehouse.id,
      }),
    ).rejects.toMatchObject({ code: 'warehouse.import.column_missing', issues: [{ path: 'quantity' }] });
    await expect(
      importWarehouseCsv(deps, actor, 'locations', Buffer.from('code\nX\n'), {}),
    ).rejects.toMatchObject({
      code: 'warehouse.import.warehouse_required',
    });
    const picker = await makeUser(database.db, tenant, 'picker');
    await expect(
      importWarehouseCsv(deps, picker.actor, 'items', Buffer.from('sku\nX\n'), {}),
    ).rejects.toMatchObject({
      code: 'auth.forbidden',
    });
  });
});

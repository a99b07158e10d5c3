import { describe, expect, it } from 'vitest';
import { checkOrder, lotKey, type OrderLookups } from './order-check.js';
import { CreateOutboundOrderInput, type CreateOutboundOrderRequest } from './order.contract.js';

const W1 = '0190c9a8-0000-7000-8000-000000000001';
const W2 = '0190c9a8-0000-7000-8000-000000000002';
const ITEM = '0190c9a8-0000-7000-8000-000000000003';
const LOT = '0190c9a8-0000-7000-8000-000000000004';
const SUP = '0190c9a8-0000-7000-8000-000000000005';
const LOT_SUP = '0190c9a8-0000-7000-8000-000000000006';
const CUSTOMER = '0190c9a8-0000-7000-8000-000000000007';

const lookups: OrderLookups = {
  warehouses: new Map([
    ['WH1', W1],
    ['WH2', W2],
  ]),
  items: new Map([['SKU-A', { id: ITEM, supplierId: SUP }]]),
  lots: new Map([[lotKey(ITEM, 'L1'), { id: LOT, supplierId: LOT_SUP }]]),
  suppliers: new Map([['SUP1', SUP]]),
  customers: new Set([CUSTOMER]),
};

const check = (order: Partial<CreateOutboundOrderRequest>) =>
  checkOrder(
    CreateOutboundOrderInput.parse({
      warehouse: 'WH1',
      externalRef: 'X',
      type: 'sales',
      lines: [{ sku: 'SKU-A', quantity: 1 }],
      ...order,
    }),
    lookups,
  );
const failure = (order: Partial<CreateOutboundOrderRequest>) => {
  const result = check(order);
  if (result.ok) throw new Error('expected a rejection');
  return [result.error.code, (result.error.issues ?? []).map((i) => i.path).sort()];
};

describe('checkOrder (the rules of a pushed order over pre-fetched lookups)', () => {
  it('resolves codes to ids, lines numbered from 1, lots by item and number', () => {
    expect(
      check({
        lines: [
          { sku: 'SKU-A', quantity: 2 },
          { sku: 'SKU-A', quantity: 3, lotNumber: 'L1' },
        ],
      }),
    ).toEqual({
      ok: true,
      order: {
        warehouseId: W1,
        targetWarehouseId: null,
        supplierId: null,
        lines: [
          { lineNo: 1, itemId: ITEM, quantity: 2, lotId: null },
          { lineNo: 2, itemId: ITEM, quantity: 3, lotId: LOT },
        ],
      },
    });
  });

  it('names every failing field at once', () => {
    expect(
      failure({
        warehouse: 'NOPE',
        lines: [
          { sku: 'NOPE', quantity: 1 },
          { sku: 'SKU-A', quantity: 1, lotNumber: 'L9' },
        ],
      }),
    ).toEqual(['warehouse.order.invalid', ['lines.0.sku', 'lines.1.lotNumber', 'warehouse']]);
    expect(
      failure({ type: 'scrap', customerId: CUSTOMER, returnReason: 'expired', targetWarehouse: 'WH2' }),
    ).toEqual(['warehouse.order.invalid', ['customerId', 'returnReason', 'targetWarehouse']]);
  });

  it('takes a transfer to another known warehouse only', () => {
    expect(check({ type: 'transfer', targetWarehouse: 'WH2' })).toMatchObject({
      ok: true,
      order: { targetWarehouseId: W2 },
    });
    expect(failure({ type: 'transfer', targetWarehouse: 'WH1' })).toEqual([
      'warehouse.order.invalid',
      ['targetWarehouse'],
    ]);
    expect(failure({ type: 'transfer', targetWarehouse: 'WH9' })).toEqual([
      'warehouse.order.invalid',
      ['targetWarehouse'],
    ]);
  });

  it("gives a return the supplier named, else its lots' or items' one supplier", () => {
    const ret = { type: 'return_to_supplier' as const, returnReason: 'defective' as const };
    expect(check({ ...ret, supplierCode: 'SUP1' })).toMatchObject({ order: { supplierId: SUP } });
    expect(check(ret)).toMatchObject({ order: { supplierId: SUP } });
    expect(check({ ...ret, lines: [{ sku: 'SKU-A', quantity: 1, lotNumber: 'L1' }] })).toMatchObject({
      order: { supplierId: LOT_SUP },
    });
    expect(
      failure({
        ...ret,
        lines: [
          { sku: 'SKU-A', quantity: 1 },
          { sku: 'SKU-A', quantity: 1, lotNumber: 'L1' },
        ],
      }),
    ).toEqual(['warehouse.order.invalid', ['supplierCode']]);
    expect(failure({ ...ret, supplierCode: 'NOPE' })).toEqual(['warehouse.order.invalid', ['supplierCode']]);
  });

  it('checks the customer only once every other rule passes', () => {
    expect(check({ customerId: CUSTOMER }).ok).toBe(true);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(failure({ customerId: unknown })).toEqual(['warehouse.order.unknown_customer', ['customerId']]);
    expect(failure({ customerId: unknown, warehouse: 'NOPE' })).toEqual([
      'warehouse.order.invalid',
      ['warehouse'],
    ]);
  });
});

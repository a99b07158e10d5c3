/**
 * Resolving pushed orders: the codes of any number of orders are looked up with a handful of queries
 * (warehouses, items, lots, suppliers, customers), then each order is checked by the one set of rules
 * in `order-check.ts`. The single push and the batch push both come through here.
 */
import { findCustomerFacts } from '../../crm/index.js';
import type { Db } from '../../../platform/db/database.js';
import { checkOrder, lotKey, type OrderLookups, type ResolvedOrder } from './order-check.js';
import type { CreateOutboundOrderInput } from './order.contract.js';
import * as lookup from './order-lookup.repository.js';

export type { ResolvedOrder } from './order-check.js';

/** Resolves the order's codes or throws 400 with every failing field. */
export async function resolveOrder(
  db: Db,
  tenantId: string,
  input: CreateOutboundOrderInput,
): Promise<ResolvedOrder> {
  const checked = checkOrder(input, await loadOrderLookups(db, tenantId, [input]));
  if (!checked.ok) throw checked.error;
  return checked.order;
}

/** Everything the orders' codes resolve to, in five queries at most whatever the number of orders. */
export async function loadOrderLookups(
  db: Db,
  tenantId: string,
  inputs: readonly CreateOutboundOrderInput[],
): Promise<OrderLookups> {
  const warehouseCodes = new Set<string>();
  const skus = new Set<string>();
  const lotSkus = new Set<string>();
  const supplierCodes = new Set<string>();
  const customerIds = new Set<string>();
  for (const input of inputs) {
    warehouseCodes.add(input.warehouse);
    if (input.type === 'transfer' && input.targetWarehouse) warehouseCodes.add(input.targetWarehouse);
    for (const line of input.lines) {
      skus.add(line.sku);
      if (line.lotNumber) lotSkus.add(line.sku);
    }
    if (input.type === 'return_to_supplier' && input.supplierCode) supplierCodes.add(input.supplierCode);
    if (input.type === 'sales' && input.customerId) customerIds.add(input.customerId);
  }
  const [warehouses, items, suppliers, customers] = await Promise.all([
    lookup.listWarehousesByCode(db, tenantId, [...warehouseCodes]),
    lookup.listItemsBySku(db, tenantId, [...skus]),
    lookup.listSuppliersByCode(db, tenantId, [...supplierCodes]),
    findCustomerFacts(db, tenantId, [...customerIds]),
  ]);
  const lotItems = items.filter((item) => lotSkus.has(item.sku)).map((item) => item.id);
  const lots = await lookup.listLotsOfItems(db, tenantId, lotItems);
  return {
    warehouses: new Map(warehouses.map((w) => [w.code, w.id])),
    items: new Map(items.map((i) => [i.sku, { id: i.id, supplierId: i.supplierId }])),
    lots: new Map(lots.map((l) => [lotKey(l.itemId, l.lotNumber), { id: l.id, supplierId: l.supplierId }])),
    suppliers: new Map(suppliers.map((s) => [s.code, s.id])),
    customers: new Set(customers.keys()),
  };
}

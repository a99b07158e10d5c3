/**
 * The rules a pushed order must meet before it enters the pool, checked all at once so the answer
 * names every failing field: known warehouse, SKUs and lots; a return to supplier has a reason and a
 * supplier; a transfer goes to another warehouse; only sales carry a customer, who must exist.
 * Pure: the codes are resolved against lookups fetched beforehand, so one push and a batch of a
 * thousand run the same rules.
 */
import type { AppError, FieldIssue } from '../../../platform/errors.js';
import type { CreateOutboundOrderInput } from './order.contract.js';
import { orderInvalid, orderUnknownCustomer } from './order.errors.js';

/** The ids an order's codes resolve to. */
export type ResolvedOrder = {
  warehouseId: string;
  targetWarehouseId: string | null;
  supplierId: string | null;
  lines: { lineNo: number; itemId: string; quantity: number; lotId: string | null }[];
};

/** An item or a lot as the rules need it: its id and the supplier it comes from. */
export type SuppliedRef = { id: string; supplierId: string | null };

/** What the orders' codes resolve to in the tenant, fetched before the check. */
export type OrderLookups = {
  /** Warehouse id by code. */
  warehouses: ReadonlyMap<string, string>;
  /** Item by SKU. */
  items: ReadonlyMap<string, SuppliedRef>;
  /** Lot by `lotKey(itemId, lotNumber)`. */
  lots: ReadonlyMap<string, SuppliedRef>;
  /** Supplier id by code. */
  suppliers: ReadonlyMap<string, string>;
  /** Customer ids the CRM knows. */
  customers: ReadonlySet<string>;
};

/** The key of a lot in `OrderLookups.lots` (an item id is a UUID, so a space cannot be part of it). */
export const lotKey = (itemId: string, lotNumber: string): string => `${itemId} ${lotNumber}`;

/** The order's resolved ids, or the error the push answers (`warehouse.order.invalid`, unknown customer). */
export function checkOrder(
  input: CreateOutboundOrderInput,
  lookups: OrderLookups,
): { ok: true; order: ResolvedOrder } | { ok: false; error: AppError } {
  const issues: FieldIssue[] = [];
  const warehouseId = lookups.warehouses.get(input.warehouse);
  if (!warehouseId) issues.push({ path: 'warehouse', message: `no warehouse ${input.warehouse}` });
  const targetWarehouseId = checkTarget(input, lookups, issues);
  const lines: ResolvedOrder['lines'] = [];
  const lineSuppliers: (string | null)[] = [];
  input.lines.forEach((line, index) => {
    const item = lookups.items.get(line.sku);
    if (!item) {
      issues.push({ path: `lines.${index}.sku`, message: `no item ${line.sku}` });
      return;
    }
    const lot = line.lotNumber ? lookups.lots.get(lotKey(item.id, line.lotNumber)) : undefined;
    if (line.lotNumber && !lot)
      issues.push({ path: `lines.${index}.lotNumber`, message: `no lot ${line.lotNumber} of ${line.sku}` });
    lines.push({ lineNo: index + 1, itemId: item.id, quantity: line.quantity, lotId: lot?.id ?? null });
    lineSuppliers.push(lot?.supplierId ?? item.supplierId);
  });
  const supplierId = checkReturn(input, lookups, lineSuppliers, issues);
  if (input.customerId && input.type !== 'sales')
    issues.push({ path: 'customerId', message: 'only sales orders carry a customer' });
  if (issues.length > 0) return { ok: false, error: orderInvalid(issues) };
  if (input.customerId && !lookups.customers.has(input.customerId))
    return { ok: false, error: orderUnknownCustomer(input.customerId) };
  return { ok: true, order: { warehouseId: warehouseId!, targetWarehouseId, supplierId, lines } };
}

function checkTarget(input: CreateOutboundOrderInput, lookups: OrderLookups, issues: FieldIssue[]) {
  if (input.type !== 'transfer') {
    if (input.targetWarehouse)
      issues.push({ path: 'targetWarehouse', message: 'only transfers have a target warehouse' });
    return null;
  }
  if (!input.targetWarehouse) {
    issues.push({ path: 'targetWarehouse', message: 'required for a transfer' });
    return null;
  }
  if (input.targetWarehouse === input.warehouse) {
    issues.push({ path: 'targetWarehouse', message: 'must be another warehouse' });
    return null;
  }
  const target = lookups.warehouses.get(input.targetWarehouse);
  if (!target) issues.push({ path: 'targetWarehouse', message: `no warehouse ${input.targetWarehouse}` });
  return target ?? null;
}

/** A return's supplier: the one named, or the one all its lots/items come from. */
function checkReturn(
  input: CreateOutboundOrderInput,
  lookups: OrderLookups,
  lineSuppliers: (string | null)[],
  issues: FieldIssue[],
): string | null {
  if (input.type !== 'return_to_supplier') {
    if (input.returnReason)
      issues.push({ path: 'returnReason', message: 'only returns to supplier have a reason' });
    if (input.supplierCode)
      issues.push({ path: 'supplierCode', message: 'only returns to supplier name a supplier' });
    return null;
  }
  if (!input.returnReason)
    issues.push({ path: 'returnReason', message: 'required for a return to supplier' });
  if (input.supplierCode) {
    const supplier = lookups.suppliers.get(input.supplierCode);
    if (!supplier) issues.push({ path: 'supplierCode', message: `no supplier ${input.supplierCode}` });
    return supplier ?? null;
  }
  const known = new Set(lineSuppliers.filter((id): id is string => id !== null));
  if (known.size === 1) return [...known][0]!;
  issues.push({
    path: 'supplierCode',
    message:
      known.size === 0
        ? 'required: no lot or item names a supplier'
        : 'the lines come from several suppliers; name one',
  });
  return null;
}

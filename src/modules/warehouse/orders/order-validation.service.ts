/**
 * The rules a pushed order must meet before it enters the pool, checked all at once so the answer
 * names every failing field: known warehouse, SKUs and lots; a return to supplier has a reason and a
 * supplier; a transfer goes to another warehouse; only sales carry a customer, who must exist.
 */
import { findCustomerFacts } from '../../crm/index.js';
import type { Db } from '../../../platform/db/database.js';
import type { FieldIssue } from '../../../platform/errors.js';
import type { CreateOutboundOrderInput } from './order.contract.js';
import { orderInvalid, orderUnknownCustomer } from './order.errors.js';
import * as lookup from './order-lookup.repository.js';

/** The ids an order's codes resolve to. */
export type ResolvedOrder = {
  warehouseId: string;
  targetWarehouseId: string | null;
  supplierId: string | null;
  lines: { lineNo: number; itemId: string; quantity: number; lotId: string | null }[];
};

/** Resolves the order's codes or throws 400 with every failing field. */
export async function resolveOrder(
  db: Db,
  tenantId: string,
  input: CreateOutboundOrderInput,
): Promise<ResolvedOrder> {
  const issues: FieldIssue[] = [];
  const warehouse = await lookup.findWarehouseRef(db, tenantId, { code: input.warehouse });
  if (!warehouse) issues.push({ path: 'warehouse', message: `no warehouse ${input.warehouse}` });
  const targetWarehouseId = await checkTarget(db, tenantId, input, issues);
  const items = new Map(
    (
      await lookup.listItemsBySku(
        db,
        tenantId,
        input.lines.map((l) => l.sku),
      )
    ).map((i) => [i.sku, i]),
  );
  const lots = await lookup.listLotsOfItems(
    db,
    tenantId,
    [...items.values()].map((i) => i.id),
  );
  const lines: ResolvedOrder['lines'] = [];
  const lineSuppliers: (string | null)[] = [];
  input.lines.forEach((line, index) => {
    const item = items.get(line.sku);
    if (!item) {
      issues.push({ path: `lines.${index}.sku`, message: `no item ${line.sku}` });
      return;
    }
    const lot = line.lotNumber
      ? lots.find((l) => l.itemId === item.id && l.lotNumber === line.lotNumber)
      : undefined;
    if (line.lotNumber && !lot)
      issues.push({ path: `lines.${index}.lotNumber`, message: `no lot ${line.lotNumber} of ${line.sku}` });
    lines.push({ lineNo: index + 1, itemId: item.id, quantity: line.quantity, lotId: lot?.id ?? null });
    lineSuppliers.push(lot?.supplierId ?? item.supplierId);
  });
  const supplierId = await checkReturn(db, tenantId, input, lineSuppliers, issues);
  if (input.customerId && input.type !== 'sales')
    issues.push({ path: 'customerId', message: 'only sales orders carry a customer' });
  if (issues.length > 0) throw orderInvalid(issues);
  if (input.customerId) {
    const facts = await findCustomerFacts(db, tenantId, [input.customerId]);
    if (!facts.has(input.customerId)) throw orderUnknownCustomer(input.customerId);
  }
  return { warehouseId: warehouse!.id, targetWarehouseId, supplierId, lines };
}

async function checkTarget(db: Db, tenantId: string, input: CreateOutboundOrderInput, issues: FieldIssue[]) {
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
  const target = await lookup.findWarehouseRef(db, tenantId, { code: input.targetWarehouse });
  if (!target) issues.push({ path: 'targetWarehouse', message: `no warehouse ${input.targetWarehouse}` });
  return target?.id ?? null;
}

/** A return's supplier: the one named, or the one all its lots/items come from. */
async function checkReturn(
  db: Db,
  tenantId: string,
  input: CreateOutboundOrderInput,
  lineSuppliers: (string | null)[],
  issues: FieldIssue[],
): Promise<string | null> {
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
    const supplier = await lookup.findSupplierByCode(db, tenantId, input.supplierCode);
    if (!supplier) issues.push({ path: 'supplierCode', message: `no supplier ${input.supplierCode}` });
    return supplier?.id ?? null;
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

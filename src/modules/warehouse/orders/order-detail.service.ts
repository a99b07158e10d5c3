/** Reads an order as the API shows it: lines with what is allocated, reservations, latest allocation. */
import { findCustomerFacts } from '../../crm/index.js';
import type { Db } from '../../../platform/db/database.js';
import type { AllocationResult } from './allocation-result.contract.js';
import type {
  OrderStatus,
  OrderType,
  OutboundOrder,
  OutboundOrderDetail,
  Priority,
  ReturnReason,
} from './order.contract.js';
import * as repo from './order.repository.js';
import * as lookup from './order-lookup.repository.js';
import * as held from './order-reservation.repository.js';

/** The priorities' ranks in the pool: urgent 0 … low 3. */
export const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** The order with everything the order page shows, or undefined when the tenant has no such order. */
export async function loadOrderDetail(
  db: Db,
  tenantId: string,
  id: string,
): Promise<OutboundOrderDetail | undefined> {
  const row = await repo.findOrderRow(db, tenantId, id);
  if (!row) return undefined;
  const [codes, lines, reservations, runs, facts] = [
    await lookup.listWarehouseCodes(db, tenantId, [row.warehouseId]),
    await repo.listOrderLines(db, tenantId, id),
    await held.listReservations(db, tenantId, id, ['active', 'picked']),
    await held.listAllocationRuns(db, tenantId, id, 1),
    await findCustomerFacts(db, tenantId, row.customerId ? [row.customerId] : []),
  ];
  const allocation = (runs[0]?.result ?? null) as AllocationResult | null;
  const customer = row.customerId ? facts.get(row.customerId) : undefined;
  return {
    ...toOrderBase(row, codes.get(row.warehouseId) ?? '', {
      customerName: customer?.name ?? null,
      valueTier: allocation ? allocation.valueTier : (customer?.valueTier ?? null),
    }),
    lines: lines.map((line) => ({
      lineNo: line.lineNo,
      itemId: line.itemId,
      sku: line.sku,
      itemName: line.itemName,
      unit: line.unit,
      quantity: line.quantity,
      lotNumber: line.lotNumber,
      allocated: line.allocated,
      picked: line.picked,
      shipped: row.status === 'shipped' ? line.picked : 0,
      shortQuantity: line.shortQuantity,
      shortReason: line.shortReason,
    })),
    reservations: reservations.map((r) => ({
      id: r.id,
      lineNo: r.lineNo,
      stockId: r.stockId,
      locationCode: r.locationCode,
      lotNumber: r.lotNumber,
      quantity: r.quantity,
      status: r.status as 'active' | 'picked',
    })),
    allocation,
  };
}

/** An order row as the API shows it, without its lines. */
export function toOrderBase(
  row: repo.OrderRow,
  warehouseCode: string,
  customer: { customerName: string | null; valueTier: string | null },
): Omit<OutboundOrder, 'lines'> {
  return {
    id: row.id,
    warehouseId: row.warehouseId,
    warehouseCode,
    source: row.source,
    externalRef: row.externalRef,
    type: row.type as OrderType,
    origin: row.origin as OutboundOrder['origin'],
    priority: row.priority as Priority,
    pushedAt: row.pushedAt.toISOString(),
    status: row.status as OrderStatus,
    carrier: row.carrier,
    destination: row.destination,
    customerId: row.customerId,
    customerName: customer.customerName,
    valueTier: customer.valueTier,
    returnReason: row.returnReason as ReturnReason | null,
    supplierId: row.supplierId,
    targetWarehouseId: row.targetWarehouseId,
    allocationPolicy: row.allocationPolicy as OutboundOrder['allocationPolicy'],
    singleLotPerLine: row.singleLotPerLine,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    shippedAt: row.shippedAt?.toISOString() ?? null,
  };
}

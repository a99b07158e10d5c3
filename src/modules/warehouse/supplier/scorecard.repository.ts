/** Queries of the supplier scorecard: returned units by month and reason, received units by month. */
import { and, eq, gte, inArray, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { suppliers } from '../catalog/catalog.table.js';
import { outboundOrderLines, outboundOrders } from '../orders/order.table.js';
import { receipts, stockMoves } from '../stock/stock.table.js';

/** `YYYY-MM` of a timestamp in Asia/Shanghai time (UTC+8 all year), whatever the session's zone. */
const shanghaiMonth = (column: SQL | typeof outboundOrders.pushedAt) =>
  sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** A window of time, `from` included and `to` excluded. */
export type Window = { from: Date; to: Date };

/** Units returned to each supplier per month and reason (returns to supplier not cancelled). */
export async function sumReturns(db: Db, tenantId: string, window: Window, supplierId?: string) {
  const month = shanghaiMonth(outboundOrders.pushedAt);
  return db
    .select({
      supplierId: sql<string>`${outboundOrders.supplierId}`,
      month,
      reason: outboundOrders.returnReason,
      quantity: sql<number>`sum(${outboundOrderLines.quantity})::int`,
    })
    .from(outboundOrders)
    .innerJoin(
      outboundOrderLines,
      and(
        eq(outboundOrderLines.tenantId, outboundOrders.tenantId),
        eq(outboundOrderLines.orderId, outboundOrders.id),
      ),
    )
    .where(
      and(
        eq(outboundOrders.tenantId, tenantId),
        eq(outboundOrders.type, 'return_to_supplier'),
        ne(outboundOrders.status, 'cancelled'),
        supplierId ? eq(outboundOrders.supplierId, supplierId) : isNotNull(outboundOrders.supplierId),
        gte(outboundOrders.pushedAt, window.from),
        lt(outboundOrders.pushedAt, window.to),
      ),
    )
    .groupBy(outboundOrders.supplierId, month, outboundOrders.returnReason);
}

/** Units received from each supplier per month: the receipt moves of the supplier's receipts. */
export async function sumReceipts(db: Db, tenantId: string, window: Window, supplierId?: string) {
  const month = shanghaiMonth(sql`${stockMoves.occurredAt}`);
  return db
    .select({
      supplierId: sql<string>`${receipts.supplierId}`,
      month,
      quantity: sql<number>`sum(${stockMoves.quantity})::int`,
    })
    .from(stockMoves)
    .innerJoin(
      receipts,
      and(eq(receipts.tenantId, stockMoves.tenantId), eq(receipts.id, stockMoves.receiptId)),
    )
    .where(
      and(
        eq(stockMoves.tenantId, tenantId),
        eq(stockMoves.kind, 'receipt'),
        supplierId ? eq(receipts.supplierId, supplierId) : isNotNull(receipts.supplierId),
        gte(stockMoves.occurredAt, window.from),
        lt(stockMoves.occurredAt, window.to),
      ),
    )
    .groupBy(receipts.supplierId, month);
}

/** The suppliers with these ids. */
export async function listSupplierRows(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: suppliers.id, code: suppliers.code, name: suppliers.name })
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.id, ids)));
}

/** Queries of the weight checks: what stock rows weighed in and by whom (user ids), the checks themselves. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { tenantRows } from '../../../platform/tenancy.js';
import { items, lots } from '../catalog/catalog.table.js';
import { locations } from '../layout/layout.table.js';
import { outboundOrders } from '../orders/order.table.js';
import { stock } from '../stock/stock.table.js';
import { weightChecks } from './weight-check.table.js';

/** A stock row as weighed in: its weight and units on hand, putaway time and who put the goods there. */
export type WeighInRow = {
  stockId: string;
  onHand: number;
  weightKg: number | null;
  putawayAt: Date;
  weighedInByUserId: string | null;
};

/**
 * These stock rows as they are now (call before moving goods out of them), each with the user of the
 * latest receipt or putaway move into the row's location of its item and lot.
 */
export async function listWeighIns(db: Db, tenantId: string, stockIds: string[]): Promise<WeighInRow[]> {
  if (stockIds.length === 0) return [];
  // Qualified by hand: drizzle renders columns unqualified inside `sql`, and an unqualified
  // `tenant_id` in this subquery would compare stock_moves' column with itself.
  const weighedInBy = sql<string | null>`(select m.actor_user_id from stock_moves m
    where m.tenant_id = "stock"."tenant_id" and m.item_id = "stock"."item_id"
      and m.to_location_id = "stock"."location_id"
      and m.lot_id is not distinct from "stock"."lot_id"
      and m.kind in ('receipt', 'putaway')
    order by m.occurred_at desc, m.id desc limit 1)`;
  return db
    .select({
      stockId: stock.id,
      onHand: stock.onHand,
      weightKg: stock.weightKg,
      putawayAt: stock.putawayAt,
      weighedInByUserId: weighedInBy,
    })
    .from(stock)
    .where(and(tenantRows({ tenantId }, stock), inArray(stock.id, [...new Set(stockIds)])));
}

/** A weight check to store. */
export type NewWeightCheckRow = typeof weightChecks.$inferInsert;

/** Stores weight checks (inside the shipping transaction). */
export async function insertWeightChecks(db: Db, rows: NewWeightCheckRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(weightChecks).values(rows);
}

/** The key of the last check of a page: weighed out at, id. */
export type WeightCheckCursor = [string, string];

const weightCheckColumns = {
  id: weightChecks.id,
  warehouseId: weightChecks.warehouseId,
  orderId: weightChecks.orderId,
  externalRef: outboundOrders.externalRef,
  lineNo: weightChecks.lineNo,
  itemId: weightChecks.itemId,
  sku: items.sku,
  itemName: items.name,
  unit: items.unit,
  lotId: weightChecks.lotId,
  lotNumber: lots.lotNumber,
  locationCode: locations.code,
  quantity: weightChecks.quantity,
  weighedInKg: weightChecks.weighedInKg,
  weighedOutKg: weightChecks.weighedOutKg,
  days: weightChecks.days,
  lossRatio: weightChecks.lossRatio,
  allowedRatio: weightChecks.allowedRatio,
  overTolerance: weightChecks.overTolerance,
  weighedInByUserId: weightChecks.weighedInByUserId,
  weighedOutByUserId: weightChecks.weighedOutByUserId,
  weighedInAt: weightChecks.weighedInAt,
  weighedOutAt: weightChecks.weighedOutAt,
};

/** A page of weight checks with item, lot, location and order resolved, newest first (users: by id). */
export async function listWeightCheckRows(
  db: Db,
  tenantId: string,
  query: {
    warehouseId?: string;
    flagged?: boolean;
    orderId?: string;
    after?: WeightCheckCursor;
    limit: number;
  },
) {
  return db
    .select(weightCheckColumns)
    .from(weightChecks)
    .innerJoin(items, and(eq(items.tenantId, weightChecks.tenantId), eq(items.id, weightChecks.itemId)))
    .innerJoin(
      outboundOrders,
      and(eq(outboundOrders.tenantId, weightChecks.tenantId), eq(outboundOrders.id, weightChecks.orderId)),
    )
    .leftJoin(lots, and(eq(lots.tenantId, weightChecks.tenantId), eq(lots.id, weightChecks.lotId)))
    .leftJoin(stock, and(eq(stock.tenantId, weightChecks.tenantId), eq(stock.id, weightChecks.stockId)))
    .leftJoin(locations, and(eq(locations.tenantId, stock.tenantId), eq(locations.id, stock.locationId)))
    .where(
      and(
        tenantRows({ tenantId }, weightChecks),
        query.warehouseId ? eq(weightChecks.warehouseId, query.warehouseId) : undefined,
        query.flagged === undefined ? undefined : eq(weightChecks.overTolerance, query.flagged),
        query.orderId ? eq(weightChecks.orderId, query.orderId) : undefined,
        query.after
          ? sql`(${weightChecks.weighedOutAt}, ${weightChecks.id}) < (${query.after[0]}::timestamptz, ${query.after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(weightChecks.weighedOutAt), desc(weightChecks.id))
    .limit(query.limit);
}

/** A row of `listWeightCheckRows`. */
export type WeightCheckReadRow = Awaited<ReturnType<typeof listWeightCheckRows>>[number];

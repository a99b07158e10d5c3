/**
 * An order as allocation, shipping, cancelling and cycle counts read and change it inside their own
 * transactions: the order (locked), its lines, reservations and latest allocation run, the pool
 * waiting for stock, and its status — which only the orders write. The features above the orders
 * reach these rows only through this service.
 */
import type { Db } from '../../../platform/db/database.js';
import type { OrderLineRow, OrderRow } from './order.repository.js';
import * as repo from './order.repository.js';
import type { WarehouseRef } from './order-lookup.repository.js';
import * as lookup from './order-lookup.repository.js';
import type { ReservationRow } from './order-reservation.repository.js';
import * as held from './order-reservation.repository.js';

export type { OrderLineRow, OrderRow, ReservationRow, WarehouseRef };

/** One order of the tenant; `lock` takes its row lock (every change of its reservations takes it). */
export async function findOrderRow(
  tx: Db,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<OrderRow | undefined> {
  return repo.findOrderRow(tx, tenantId, id, options);
}

/** The order's lines in line order, each with its item, lot and the units its active reservations hold. */
export async function listOrderLines(tx: Db, tenantId: string, orderId: string): Promise<OrderLineRow[]> {
  return repo.listOrderLines(tx, tenantId, orderId);
}

/** Orders waiting for stock (pending, partially allocated, backordered) in pool order. */
export async function listPoolOrders(
  db: Db,
  tenantId: string,
  warehouseId: string | undefined,
  limit: number,
): Promise<{ id: string; externalRef: string }[]> {
  return repo.listPoolOrders(db, tenantId, warehouseId, limit);
}

/** Sets the order's status (and ship time) inside the caller's transaction. */
export async function updateOrderStatus(
  tx: Db,
  tenantId: string,
  orderId: string,
  changes: { status: string; updatedAt: Date; shippedAt?: Date },
): Promise<void> {
  await repo.updateOrderStatus(tx, tenantId, orderId, changes);
}

/** A warehouse's id, code and allocation defaults, by code or by id. */
export async function findWarehouseRef(
  db: Db,
  tenantId: string,
  by: { code: string } | { id: string },
): Promise<WarehouseRef | undefined> {
  return lookup.findWarehouseRef(db, tenantId, by);
}

/** The customer's single-lot rule, if one is stored. */
export async function findCustomerLotRule(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<{ singleLotPerLine: boolean } | undefined> {
  return lookup.findCustomerLotRule(db, tenantId, customerId);
}

/** The order's reservations (all, or of these statuses) with where their stock rows are. */
export async function listReservations(
  tx: Db,
  tenantId: string,
  orderId: string,
  statuses?: string[],
): Promise<ReservationRow[]> {
  return held.listReservations(tx, tenantId, orderId, statuses);
}

/** The active reservations on a stock row, with the orders that hold them. */
export async function listActiveReservations(
  tx: Db,
  tenantId: string,
  stockId: string,
): Promise<{ orderId: string; externalRef: string | null; quantity: number }[]> {
  return held.listActiveReservations(tx, tenantId, stockId);
}

/** The latest stored allocation result of the order, if any. */
export async function findLatestAllocationRun(
  tx: Db,
  tenantId: string,
  orderId: string,
): Promise<Record<string, unknown> | undefined> {
  return held.findLatestAllocationRun(tx, tenantId, orderId);
}

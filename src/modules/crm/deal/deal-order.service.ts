/**
 * A won deal's warehouse order, through the order port: its stocked lines become one sales order
 * (origin `deal`, `externalRef` the deal id) in the caller's transaction, so a failed push fails the
 * win and leaves nothing written. The warehouse answers the stored order for the same deal again, so
 * win, reopen, win makes one order.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import { listStockedSkus } from '../catalog/catalog.service.js';
import * as repo from './deal.repository.js';

/** Pushes the order of a deal just won, when it has stocked lines and the warehouse is wired in. */
export async function pushWonDealOrder(
  deps: CrmDeps,
  actor: Actor,
  tx: Db,
  deal: repo.DealRow,
): Promise<void> {
  if (!deps.orders) return;
  const lines = await repo.listDealLines(tx, deal.tenantId, [deal.id]);
  const skus = await listStockedSkus(
    tx,
    deal.tenantId,
    lines.map((line) => line.productId),
  );
  const quantities = new Map<string, number>();
  for (const line of lines) {
    const sku = skus.get(line.productId);
    if (sku) quantities.set(sku, (quantities.get(sku) ?? 0) + line.quantity);
  }
  if (quantities.size === 0) return;
  await deps.orders.pushDealOrder(tx, actor, {
    dealId: deal.id,
    customerId: deal.customerId,
    lines: [...quantities].map(([sku, quantity]) => ({ sku, quantity })),
    note: deal.name,
  });
}

/** Cancels a deal's order that has not shipped; a cancelled one stays as it is. */
export async function cancelDealOrder(deps: CrmDeps, actor: Actor, tx: Db, dealId: string): Promise<void> {
  if (!deps.orders) return;
  const order = (await deps.orders.listDealOrders(tx, actor.tenantId, [dealId])).get(dealId);
  if (!order || order.status === 'cancelled') return;
  // The warehouse refuses to cancel a shipped order (409), which fails the reopen.
  await deps.orders.cancelDealOrder(tx, actor, order.id);
}

/**
 * The CRM's port to the warehouse's order pool: the CRM does not import the warehouse (the warehouse
 * reads customers through the CRM's index), so the composition root hands the CRM an implementation
 * built from the warehouse's public services. Every call takes the `db` of the caller's transaction,
 * so a failed win rolls its order back with it.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';

/** An outbound order as the CRM sees it: its id and where it stands in the warehouse. */
export type DealOrder = { id: string; status: string };

/** What a won deal asks the warehouse for. */
export type DealOrderRequest = {
  dealId: string;
  customerId: string;
  lines: { sku: string; quantity: number }[];
  note?: string;
};

export type SalesOrderPort = {
  /** Which of these SKUs name warehouse items of the tenant. */
  findSkus(db: Db, tenantId: string, skus: string[]): Promise<Set<string>>;
  /**
   * Puts a sales order (origin `deal`, `externalRef` the deal id) into the pool; the same deal again
   * answers its stored order (`created: false`).
   */
  pushDealOrder(db: Db, actor: Actor, request: DealOrderRequest): Promise<DealOrder & { created: boolean }>;
  /** The orders pushed for these deals, by deal id. */
  listDealOrders(db: Db, tenantId: string, dealIds: string[]): Promise<Map<string, DealOrder>>;
  /** Cancels an order that has not shipped (a shipped one is refused by the warehouse). */
  cancelDealOrder(db: Db, actor: Actor, orderId: string): Promise<DealOrder>;
};

/**
 * Which deals an actor may see: their own or their teams', and those of the customers they may see
 * (the customers' scope, `visibleCustomers`). Scoped reads join a deal's customer with `customerOfDeal`.
 */
import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { visibleRows } from '../../../platform/tenancy.js';
import { visibleCustomers } from '../customer/customer-scope.contract.js';
import { customers } from '../customer/customer.table.js';
import { deals } from './deal.table.js';

/** Deals the actor may see: their own or their teams', and those of customers they may see. */
export function visibleDeals(actor: Actor): SQL | undefined {
  if (actor.scope === 'all') return visibleRows(actor, deals);
  return or(
    visibleRows(actor, deals, { ownerUserId: deals.ownerUserId, teamId: deals.teamId }),
    visibleCustomers(actor),
  );
}

/** Joins a deal's customer (scoped reads filter on it). */
export const customerOfDeal = and(eq(customers.tenantId, deals.tenantId), eq(customers.id, deals.customerId));

/**
 * Which deals an actor may see, as SQL on the deals joined to their customers: the deals they (or
 * their teams) own, and the deals of every customer they may see (`visibleCustomers`). The deal
 * feature's scoped reads (deal.repository.ts, deal-report.repository.ts) start from it.
 */
import { or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { visibleRows } from '../../../platform/tenancy.js';
import { visibleCustomers } from '../customer/customer-scope.contract.js';
import { deals } from './deal.table.js';

/** Deals the actor may see: their own or their teams', and those of customers they may see. */
export function visibleDeals(actor: Actor): SQL | undefined {
  if (actor.scope === 'all') return visibleRows(actor, deals);
  return or(
    visibleRows(actor, deals, { ownerUserId: deals.ownerUserId, teamId: deals.teamId }),
    visibleCustomers(actor),
  );
}

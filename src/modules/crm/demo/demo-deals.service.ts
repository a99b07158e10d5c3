/**
 * The demo tenant's deals: every demo customer the rows mark as having an open deal gets one, through
 * the deal services (so stage history, events and the derived deal state are real); some are then won
 * or lost, so the demo shows open, won and lost deals of every kind.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import { createDeal } from '../deal/deal.service.js';
import { loseDeal, winDeal } from '../deal/deal-transition.service.js';

/** Typical deal sizes per customer kind, in minor units (CNY fen). */
const AMOUNTS: Record<string, number> = { business: 28_000_000, government: 56_000_000, consumer: 1_280_000 };

/** Creates the demo deals; answers how many. */
export async function seedDemoDeals(
  deps: CrmDeps,
  actor: Actor,
  customers: { id: string; kind: string; name: string; dealState?: string }[],
): Promise<number> {
  const chosen = customers.filter((customer) => customer.dealState === 'open');
  for (const [i, customer] of chosen.entries()) {
    const deal = await createDeal(deps, actor, {
      customerId: customer.id,
      name: `${customer.name} — ${customer.kind === 'consumer' ? 'order' : 'annual contract'}`,
      amount: AMOUNTS[customer.kind] ?? 1_000_000,
    });
    if (i % 3 === 1) await winDeal(deps, actor, deal.id);
    else if (i % 5 === 2) await loseDeal(deps, actor, deal.id, 'Price');
  }
  return chosen.length;
}

/**
 * The demo tenant's deals: every demo customer the rows mark as having an open deal gets one, through
 * the deal services (so stage history, events, the derived deal state and the account lifecycle are
 * real); some are then won or lost, some open ones stand in the POC stage, and the first won customer
 * wins a second deal, so the demo shows open, won and lost deals and every lifecycle stage.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import { createDeal } from '../deal/deal.service.js';
import { loseDeal, moveDealStage, winDeal } from '../deal/deal-transition.service.js';
import { findPipelineStages } from '../pipeline/pipeline.service.js';

/** Typical deal sizes per customer kind, in minor units (CNY fen). */
const AMOUNTS: Record<string, number> = { business: 28_000_000, government: 56_000_000, consumer: 1_280_000 };

type DemoCustomer = { id: string; kind: string; name: string; dealState?: string };

/** A deal name in the customer's language: Chinese names get Chinese words. */
function demoDealName(customer: DemoCustomer, round: 'first' | 'again' = 'first'): string {
  const chinese = /[\u4e00-\u9fff]/.test(customer.name);
  const words = {
    first: { consumer: ['订单', 'order'], other: ['年度合同', 'annual contract'] },
    again: { consumer: ['复购订单', 'repeat order'], other: ['增购', 'expansion'] },
  }[round][customer.kind === 'consumer' ? 'consumer' : 'other'];
  return chinese ? `${customer.name}·${words[0]}` : `${customer.name} — ${words[1]}`;
}

/** Creates the demo deals; answers how many customers got one. */
export async function seedDemoDeals(deps: CrmDeps, actor: Actor, customers: DemoCustomer[]): Promise<number> {
  const chosen = customers.filter((customer) => customer.dealState === 'open');
  let expanded = false;
  for (const [i, customer] of chosen.entries()) {
    const deal = await createDeal(deps, actor, {
      customerId: customer.id,
      name: demoDealName(customer),
      amount: AMOUNTS[customer.kind] ?? 1_000_000,
    });
    if (i % 3 === 1) {
      await winDeal(deps, actor, deal.id);
      if (!expanded) expanded = await winSecondDeal(deps, actor, customer);
    } else if (i % 5 === 2) await loseDeal(deps, actor, deal.id, 'Price');
    else if (i % 3 === 0) await moveToPoc(deps, actor, deal);
  }
  return chosen.length;
}

/** Moves an open deal to its pipeline's POC / trial stage, when the pipeline has one. */
async function moveToPoc(deps: CrmDeps, actor: Actor, deal: { id: string; pipelineId: string }) {
  const found = await findPipelineStages(deps.db, actor.tenantId, deal.pipelineId);
  const poc = found?.stages.find((stage) => stage.key === 'poc');
  if (poc) await moveDealStage(deps, actor, deal.id, poc.id);
}

/** A won customer buys more: its second won deal moves it to expansion. */
async function winSecondDeal(deps: CrmDeps, actor: Actor, customer: DemoCustomer): Promise<boolean> {
  const more = await createDeal(deps, actor, {
    customerId: customer.id,
    name: demoDealName(customer, 'again'),
    amount: Math.round((AMOUNTS[customer.kind] ?? 1_000_000) / 2),
  });
  await winDeal(deps, actor, more.id);
  return true;
}

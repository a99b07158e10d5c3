/** Tells the customer's account lifecycle about a deal change, inside the transaction that makes it. */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { LifecycleDealEvent } from '../lifecycle/lifecycle.contract.js';
import { followDealEvent } from '../lifecycle/lifecycle.service.js';
import type { StageRow } from '../pipeline/pipeline.service.js';
import * as repo from './deal.repository.js';

/**
 * A deal was created, entered an open stage or was won: the lifecycle moves the customer forward if
 * the event calls for it (first contact, POC, in use, or expansion on a second won deal).
 */
export async function followDealInLifecycle(
  tx: Db,
  actor: Pick<Actor, 'tenantId' | 'userId'>,
  deal: Pick<repo.DealRow, 'id' | 'customerId'>,
  kind: LifecycleDealEvent['kind'],
  stage: Pick<StageRow, 'key' | 'name'> | undefined,
  at: Date,
): Promise<void> {
  const outcomes = await repo.listCustomerOutcomes(tx, actor.tenantId, deal.customerId);
  await followDealEvent(
    tx,
    actor,
    {
      customerId: deal.customerId,
      dealId: deal.id,
      kind,
      stage: { key: stage?.key ?? '', name: stage?.name ?? '' },
      wonDeals: outcomes.filter((outcome) => outcome === 'won').length,
    },
    at,
  );
}

/** Keeps the customer's deal state in step with its deals, inside the transaction that changes a deal. */
import type { Actor } from '../../../platform/auth/actor.js';
import { lockNames } from '../../../platform/db/advisory-lock.js';
import type { Db } from '../../../platform/db/database.js';
import { saveCustomerChanges } from '../customer/customer-record.service.js';
import { deriveDealState, type DealState } from './deal-state.js';
import * as repo from './deal.repository.js';

/**
 * Recomputes a customer's `dealState` from all its deals and stores it. Changes to one customer's deals
 * queue on a lock, so each recomputation reads the others' committed outcomes.
 */
export async function syncDealState(
  tx: Db,
  actor: Pick<Actor, 'tenantId'>,
  customerId: string,
): Promise<DealState> {
  await lockNames(tx, [`crm.deal-state:${actor.tenantId}:${customerId}`]);
  const state = deriveDealState(await repo.listCustomerOutcomes(tx, actor.tenantId, customerId));
  await saveCustomerChanges(tx, actor, customerId, { dealState: state });
  return state;
}

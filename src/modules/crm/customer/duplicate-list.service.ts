/** The customer page's 查重 panel: likely duplicates of one customer the caller may see. */
import type { Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import type { CustomerKind, DuplicateList } from './customer.contract.js';
import { getCustomerRow } from './customer.service.js';
import { findDuplicateCandidates } from './duplicate.service.js';

/**
 * Customers of the tenant sharing a normalised key (phone, email, company name, USCC) with customer
 * `id`, strongest match first, for the customer page's 查重 panel. Candidates come from the whole
 * tenant, not only the caller's scope, with id, name, owner and pool only, as the 409 of a duplicate
 * create does: the point is that a rep learns a colleague already works this customer, without
 * seeing its details.
 */
export async function listDuplicates(deps: CrmDeps, actor: Actor, id: string): Promise<DuplicateList> {
  const row = await getCustomerRow(deps, actor, id);
  const items = await findDuplicateCandidates(
    deps.db,
    actor.tenantId,
    { ...row, kind: row.kind as CustomerKind },
    [row.id],
  );
  return { items };
}

/**
 * Duplicate detection (查重): existing customers of the tenant sharing a normalised key with a new or
 * existing customer. Merging them is the merge feature's job.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { CrmDeps } from '../crm-deps.js';
import { matchKeysOf, sharedKeys } from '../matching/matching.contract.js';
import type { CustomerKind, DuplicateCandidate, DuplicateList } from './customer.contract.js';
import { getCustomerRow } from './customer.service.js';
import { keysOfRow, toCandidate } from './duplicate-candidate.js';
import { findCustomersByKeys } from './duplicate.repository.js';

/** Customers of the tenant that share a key with these fields, strongest match first. */
export async function findDuplicateCandidates(
  db: Db,
  tenantId: string,
  fields: {
    kind: CustomerKind;
    name: string;
    phone?: string | null;
    email?: string | null;
    uscc?: string | null;
  },
  excludeIds: string[] = [],
): Promise<DuplicateCandidate[]> {
  const keys = matchKeysOf(fields);
  const rows = await findCustomersByKeys(db, tenantId, [keys], excludeIds);
  return rows
    .map((row) => toCandidate(row, sharedKeys(keys, keysOfRow(row))))
    .filter((candidate) => candidate.matchedOn.length > 0)
    .sort((a, b) => b.matchedOn.length - a.matchedOn.length || a.id.localeCompare(b.id));
}

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

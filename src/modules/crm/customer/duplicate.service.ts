/**
 * Duplicate detection (查重): existing customers of the tenant sharing a normalised key with a new or
 * existing customer. Merging them is the merge feature's job.
 */
import type { Db } from '../../../platform/db/database.js';
import { matchKeysOf, sharedKeys } from '../matching/matching.contract.js';
import type { CustomerKind, DuplicateCandidate } from './customer.contract.js';
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

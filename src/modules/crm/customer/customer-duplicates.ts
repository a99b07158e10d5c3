/** Likely duplicates of a customer: existing customers of the tenant sharing a normalised key. */
import type { Db } from '../../../platform/db/database.js';
import { matchKeysOf, sharedKeys, type MatchKeys } from '../matching/match-keys.js';
import type { CustomerKind, DuplicateCandidate } from './customer.contract.js';
import { findCustomersByKeys, type MatchRow } from './customer-match.repository.js';

/** The keys stored in a match row, in the shape `sharedKeys` compares. */
export function keysOfRow(row: Pick<MatchRow, 'phoneKey' | 'emailKey' | 'nameKey' | 'uscc'>): MatchKeys {
  return {
    phoneKey: row.phoneKey ?? undefined,
    emailKey: row.emailKey ?? undefined,
    nameKey: row.nameKey ?? undefined,
    uscc: row.uscc ?? undefined,
  };
}

/** A match row as the API shows a candidate. */
export function toCandidate(row: MatchRow, matchedOn: DuplicateCandidate['matchedOn']): DuplicateCandidate {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as CustomerKind,
    ownerUserId: row.ownerUserId,
    poolId: row.poolId,
    matchedOn,
  };
}

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

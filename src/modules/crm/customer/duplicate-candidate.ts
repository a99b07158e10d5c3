/** Pure helpers of duplicate detection: the keys a match row carries and how the API shows a candidate. */
import type { MatchKeys } from '../matching/matching.contract.js';
import type { CustomerKind, DuplicateCandidate } from './customer.contract.js';
import type { MatchRow } from './duplicate.repository.js';

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

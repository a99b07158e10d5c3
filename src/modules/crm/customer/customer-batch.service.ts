/**
 * Customers in batches, for CSV import: the customers a batch of rows names (by id or external id,
 * each with whether the actor may see it), the parents they point at, their likely duplicates, the
 * ids merged away, and one insert per batch. The import's rules live in crm/import; holders and their
 * log go through ownership.service.ts, tiers through customer-tier.service.ts.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { MatchKeys } from '../matching/matching.contract.js';
import type { NewCustomerRow } from './customer.repository.js';
import * as repo from './customer-batch.repository.js';
import { nameInitials } from './name-initials.js';
import type { MatchRow } from './duplicate.repository.js';

export type { ScopedCustomerRow } from './customer-batch.repository.js';
export type { MatchRow } from './duplicate.repository.js';

/** Customers of the tenant with one of these ids or external ids, whoever owns them. */
export async function findCustomersByRef(
  db: Db,
  actor: Actor,
  ids: string[],
  externalIds: string[],
): Promise<repo.ScopedCustomerRow[]> {
  return repo.findCustomersByRef(db, actor, ids, externalIds);
}

/** Customers sharing a key with any of `keys`, one index probe per key. */
export async function findImportMatches(db: Db, tenantId: string, keys: MatchKeys[]): Promise<MatchRow[]> {
  return repo.findImportMatches(db, tenantId, keys);
}

/** Which of these ids are customers of the tenant (parents named by rows). */
export async function findExistingIds(db: Db, tenantId: string, ids: string[]): Promise<string[]> {
  return repo.findExistingIds(db, tenantId, ids);
}

/** Where each of these ids went, for those merged away. */
export async function findMerges(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<{ fromId: string; intoId: string }[]> {
  return repo.findMerges(db, tenantId, ids);
}

/** Inserts a batch of imported customers in one statement. */
export async function insertImportedCustomers(
  db: Db,
  tenantId: string,
  rows: NewCustomerRow[],
): Promise<void> {
  await repo.insertImportedCustomers(
    db,
    tenantId,
    rows.map((row) => ({ ...row, nameInitials: nameInitials(row.name) })),
  );
}

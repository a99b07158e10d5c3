/**
 * What the other CRM features read and write on a customer beyond its own use cases: its row by id or
 * in pages, a follow-up's mark on it, external keys for the touchpoints link and pool sizes. Who holds a
 * customer is ownership.service.ts; its tiers are customer-tier.service.ts; the pure helpers that
 * check and shape rows are customer-rules.contract.ts.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { ListCustomersQuery } from './customer.contract.js';
import * as repo from './customer.repository.js';

export type {
  ContactedFacts,
  CustomerChanges,
  CustomerRow,
  CustomerSeedRow,
  FollowUpCursor,
  NewCustomerRow,
} from './customer.repository.js';

/** One customer the actor may see, if any (`getCustomerRow` throws instead). */
export async function findVisibleCustomer(
  db: Db,
  actor: Actor,
  id: string,
): Promise<repo.CustomerRow | undefined> {
  return repo.findVisibleCustomer(db, actor, id);
}

/** A page of customer rows the actor may see, one extra telling whether another page exists. */
export async function listCustomerRows(
  db: Db,
  actor: Actor,
  query: ListCustomersQuery,
  cursor: { id: string } | repo.FollowUpCursor | undefined,
): Promise<repo.CustomerRow[]> {
  return repo.listVisibleCustomers(db, actor, query, cursor);
}

/** Changes one customer of the actor's tenant (scope and rules are the caller's); the row after, if any. */
export async function saveCustomerChanges(
  db: Db,
  actor: Pick<Actor, 'tenantId'>,
  id: string,
  changes: repo.CustomerChanges,
): Promise<repo.CustomerRow | undefined> {
  return repo.updateCustomerRow(db, actor, id, changes);
}

/**
 * Marks a customer as contacted at `at` (a follow-up): the last follow-up only moves forward, a
 * pending recall warning is cleared, and the follow-up's facts change with it.
 */
export async function markCustomerContacted(
  db: Db,
  tenantId: string,
  customerId: string,
  contact: { at: Date; facts: repo.ContactedFacts },
  now: Date,
): Promise<void> {
  await repo.markCustomerContacted(db, tenantId, customerId, contact.at, contact.facts, now);
}

/** Customers whose external id or USCC is among the given ones, oldest first (the touchpoints link). */
export async function findCustomersByExternalKeys(
  db: Db,
  tenantId: string,
  keys: { externalIds: string[]; usccs: string[] },
): Promise<{ id: string; externalId: string | null; uscc: string | null }[]> {
  return repo.findCustomersByExternalKeys(db, tenantId, keys.externalIds, keys.usccs);
}

/** How many customers sit in each pool of the tenant (pools without customers are left out). */
export async function countCustomersByPool(
  db: Db,
  tenantId: string,
): Promise<{ poolId: string; n: number }[]> {
  return repo.countCustomersByPool(db, tenantId);
}

/** Inserts customers as they are, tenant included, in batches (seed data such as the demo's). */
export async function insertCustomerRows(db: Db, rows: repo.CustomerSeedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await repo.insertCustomerRows(db, rows.slice(i, i + 200));
}

/**
 * Kept customer counts: the summary served from them, and the periodic fold of their deltas. The
 * counts follow every write to `customers` through its row trigger (migration
 * `customer_count_triggers`), so no use case has to remember them.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { Job } from '../../../platform/jobs/scheduler.js';
import type { CustomerSummary, CustomerSummaryQuery } from './customer.contract.js';
import * as repo from './customer-count.repository.js';
import { facetsOfGroups, toSummary } from './customer-summary.js';

/** The summary from the kept counts (the caller checked the permission and `isServedByKeptCounts`). */
export async function summarizeFromKeptCounts(
  db: Db,
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<CustomerSummary> {
  const { kinds, tiers } = facetsOfGroups(await repo.countKeptCustomers(db, actor, query), query);
  return toSummary(kinds, tiers, query);
}

/** Folds one tenant's pending deltas into its counts; answers how many groups changed. */
export function foldCustomerCounts(db: Db, tenantId: string): Promise<number> {
  return repo.foldCustomerCountDeltas(db, tenantId);
}

/** Folds the pending deltas of every tenant; answers the tenants folded. */
export async function foldAllCustomerCounts(db: Db): Promise<string[]> {
  const tenants = await repo.listTenantsWithCountDeltas(db);
  for (const tenantId of tenants) await foldCustomerCounts(db, tenantId);
  return tenants;
}

/**
 * Every minute: fold the deltas, so a read sums few of them. The counts are exact without it; the
 * fold only keeps reads short.
 */
export function customerCountJob(deps: { db: Db }): Job {
  return {
    name: 'crm.customer_counts',
    everyMs: 60_000,
    run: async () => {
      await foldAllCustomerCounts(deps.db);
    },
  };
}

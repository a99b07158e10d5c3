/**
 * Kept customer counts: the summary served from them, and the periodic fold of their deltas. The
 * counts follow every write to `customers` through its row trigger (migration
 * `customer_count_triggers`), so no use case has to remember them.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { Clock } from '../../../platform/clock.js';
import { enqueueJob } from '../../../platform/jobs/job.service.js';
import type { Job, JobHandler } from '../../../platform/jobs/scheduler.js';
import type { CustomerSummary, CustomerSummaryQuery } from './customer.contract.js';
import * as repo from './customer-count.repository.js';
import { facetsOfGroups, toSummary } from './customer-summary.js';

/**
 * Pending delta rows a summary may sum before it asks for a fold of its tenant (a big import leaves
 * one per row until the minute's fold job runs; summing 200k of them takes tens of milliseconds).
 */
export const FOLD_ON_READ_ROWS = 10_000;

/** The one-off job a summary queues when it summed more than FOLD_ON_READ_ROWS pending deltas. */
export const FOLD_TENANT_JOB = 'crm.customer_counts.fold';

/**
 * The summary from the kept counts (the caller checked the permission and `isServedByKeptCounts`).
 * When it had to sum many pending deltas, a fold of the tenant is queued (at most one a minute).
 */
export async function summarizeFromKeptCounts(
  deps: { db: Db; clock: Clock },
  actor: Actor,
  query: CustomerSummaryQuery,
): Promise<CustomerSummary> {
  const groups = await repo.countKeptCustomers(deps.db, actor, query);
  const pending = groups.reduce((sum, group) => sum + (group.pending ? group.rows : 0), 0);
  if (pending > FOLD_ON_READ_ROWS) {
    const minute = deps.clock.now().toISOString().slice(0, 16);
    await enqueueJob(deps.db, deps.clock, {
      name: FOLD_TENANT_JOB,
      tenantId: actor.tenantId,
      payload: { tenantId: actor.tenantId },
      maxAttempts: 3,
      singletonKey: `${FOLD_TENANT_JOB}:${actor.tenantId}:${minute}`,
    });
  }
  const { kinds, tiers } = facetsOfGroups(groups, query);
  return toSummary(kinds, tiers, query);
}

/** Runs the folds summaries queue. */
export function customerCountFoldHandler(deps: { db: Db }): JobHandler {
  return {
    name: FOLD_TENANT_JOB,
    run: async (payload) => {
      await foldCustomerCounts(deps.db, String(payload['tenantId']));
    },
  };
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

/**
 * Automatic recall: an owned customer goes back to a pool when the days since the later of its last
 * follow-up and its receipt exceed the tenant's limit for its intent tier; the owner is warned a set
 * number of days before. Runs in batches of set-based queries, each batch one transaction, and is
 * idempotent: a second run at the same moment finds nothing left to do.
 *
 * Recall does not wait for a warning: a customer already past due when the job first sees it (the
 * server was down, or the limits were lowered) is recalled at once.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { listTenantIds } from '../../access/index.js';
import type { Job, JobLogger } from '../../../platform/jobs/scheduler.js';
import type { CrmDeps } from '../crm-deps.js';
import type { PoolRules } from '../settings/crm-settings.contract.js';
import { getCrmSettings } from '../settings/crm-settings.service.js';
import { logPoolMoves, recallToPool } from '../customer/ownership.service.js';
import type { RecallResult, RecallWarningList, RunRecallInput } from '../pool/pool.contract.js';
import { ensureDefaultPool, findDefaultPool, mapRegionPools } from '../pool/pool.service.js';
import * as repo from '../customer/recall-scan.service.js';
import { DAY_MS } from '../../../platform/clock.js';

const BATCH = 500;
const TIER_KEYS = ['A', 'B', 'C', 'D', 'unset'] as const;
type TierKey = (typeof TIER_KEYS)[number];

/** The cutoffs of one run, computed once from the tenant's rules and the clock. */
export type RecallRule = {
  due: repo.TierCutoffs;
  warn: repo.TierCutoffs;
  exempt: repo.RecallExemptions;
  days: PoolRules['recallDays'];
};

/** Cutoffs at `now`: due when the clock started more than N days ago, warned within the last W of them. */
export function recallRuleAt(rules: PoolRules, now: Date): RecallRule {
  const ago = (days: number): Date => new Date(now.getTime() - days * DAY_MS);
  const due = {} as repo.TierCutoffs;
  const warn = {} as repo.TierCutoffs;
  for (const key of TIER_KEYS) {
    const days = rules.recallDays[key];
    due[key] = days === null ? null : ago(days);
    warn[key] =
      days === null || rules.recallWarningDays === 0
        ? null
        : ago(Math.max(days - rules.recallWarningDays, 0));
  }
  return { due, warn, exempt: rules.recallExempt, days: rules.recallDays };
}

const tierKey = (tier: string | null): TierKey =>
  (TIER_KEYS.find((key) => key === tier) as TierKey) ?? 'unset';

/** Why a customer is (or will be) recalled, e.g. "no follow-up for 16 days (tier C allows 15)". */
export function describeOverdue(tier: string | null, startedAt: Date, now: Date, allowed: number): string {
  const elapsed = Math.floor((now.getTime() - startedAt.getTime()) / DAY_MS);
  const limit = tier ? `tier ${tier} allows ${allowed}` : `no intent tier: ${allowed} allowed`;
  return `no follow-up for ${elapsed} days (${limit})`;
}

/** When recall takes a customer whose clock started at `startedAt`. */
const recallAtOf = (rule: RecallRule, tier: string | null, startedAt: Date): Date =>
  new Date(startedAt.getTime() + (rule.days[tierKey(tier)] ?? 0) * DAY_MS);

/**
 * Recalls every due customer of one tenant and warns the owners of those near due; with `dryRun`
 * only reports. `actorUserId` is who asked, for the log (null for the scheduled job).
 */
export async function runRecall(
  deps: CrmDeps,
  tenantId: string,
  options: { dryRun: boolean; actorUserId?: string | null },
): Promise<RecallResult> {
  const rules = (await getCrmSettings(deps.db, tenantId)).pools;
  const now = deps.clock.now();
  const rule = recallRuleAt(rules, now);
  const context = {
    deps,
    tenantId,
    rule,
    now,
    dryRun: options.dryRun,
    actorUserId: options.actorUserId ?? null,
  };
  const recalled = await recallDue(context);
  const warned = await warnNearDue(context);
  return { dryRun: options.dryRun, recalled, warned };
}

type RunContext = {
  deps: CrmDeps;
  tenantId: string;
  rule: RecallRule;
  now: Date;
  dryRun: boolean;
  actorUserId: string | null;
};

type PlannedRecall = { row: repo.RecallCandidate; poolId: string | null; cause: string };

/** Moves the due customers batch by batch, each to its region's pool or the default pool. */
async function recallDue(run: RunContext): Promise<RecallResult['recalled']> {
  const regionPools = await mapRegionPools(run.deps.db, run.tenantId);
  const out: RecallResult['recalled'] = [];
  let afterId: string | undefined;
  for (;;) {
    const batch = await run.deps.db.transaction((tx) => recallBatch(tx, run, regionPools, afterId));
    for (const { row, poolId, cause } of batch.moved) {
      out.push({ customerId: row.id, name: row.name, fromUserId: row.ownerUserId, toPoolId: poolId, cause });
    }
    if (batch.rows.length < BATCH) return out;
    afterId = batch.rows[batch.rows.length - 1]!.id;
  }
}

/** One batch: find due customers (locked), move them grouped by target pool, log each move. */
async function recallBatch(
  tx: Db,
  run: RunContext,
  regionPools: Map<string, string>,
  afterId: string | undefined,
): Promise<{ rows: repo.RecallCandidate[]; moved: PlannedRecall[] }> {
  const { tenantId, rule, now } = run;
  const rows = await repo.listDueForRecall(tx, tenantId, rule, { afterId, limit: BATCH }, !run.dryRun);
  const regional = (row: repo.RecallCandidate) => (row.region ? regionPools.get(row.region) : undefined);
  let defaultPoolId: string | null = null;
  if (rows.some((row) => !regional(row))) {
    // A dry run creates nothing, so it names the default pool only when it exists.
    defaultPoolId = run.dryRun
      ? ((await findDefaultPool(tx, tenantId))?.id ?? null)
      : (await ensureDefaultPool(tx, tenantId, now)).id;
  }
  const planned = rows.map((row) => ({
    row,
    poolId: regional(row) ?? defaultPoolId,
    cause: describeOverdue(row.intentTier, row.startedAt, now, rule.days[tierKey(row.intentTier)] ?? 0),
  }));
  if (run.dryRun) return { rows, moved: planned };
  const movedIds = new Set<string>();
  for (const poolId of new Set(planned.map((plan) => plan.poolId!))) {
    const recalls = planned
      .filter((plan) => plan.poolId === poolId)
      .map(({ row, cause }) => ({ customerId: row.id, fromUserId: row.ownerUserId, cause }));
    const by = { actorUserId: run.actorUserId, at: now };
    for (const id of await recallToPool(tx, tenantId, poolId, recalls, by)) movedIds.add(id);
  }
  const moved = planned.filter((plan) => movedIds.has(plan.row.id));
  return { rows, moved };
}

/** Marks the owners of customers near recall as warned, once per clock start, and logs each warning. */
async function warnNearDue(run: RunContext): Promise<RecallResult['warned']> {
  const { deps, tenantId, rule, now } = run;
  const out: RecallResult['warned'] = [];
  let afterId: string | undefined;
  for (;;) {
    const rows = await deps.db.transaction(async (tx) => {
      const found = await repo.listWarnable(tx, tenantId, rule, { afterId, limit: BATCH }, !run.dryRun);
      if (run.dryRun || found.length === 0) return found;
      await repo.markRecallWarned(
        tx,
        tenantId,
        found.map((row) => row.id),
        now,
      );
      await logPoolMoves(
        tx,
        tenantId,
        found.map((row) => ({
          customerId: row.id,
          action: 'recall_warning',
          fromUserId: row.ownerUserId,
          actorUserId: run.actorUserId,
          cause: warningCause(rule, row, now),
          at: now,
        })),
      );
      return found;
    });
    for (const row of rows) {
      const recallAt = recallAtOf(rule, row.intentTier, row.startedAt).toISOString();
      out.push({
        customerId: row.id,
        name: row.name,
        ownerUserId: row.ownerUserId,
        recallAt,
        cause: warningCause(rule, row, now),
      });
    }
    if (rows.length < BATCH) return out;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** E.g. "recall on 2026-01-16: no follow-up for 13 days (tier C allows 15)". */
function warningCause(rule: RecallRule, row: repo.RecallCandidate, now: Date): string {
  const recallAt = recallAtOf(rule, row.intentTier, row.startedAt);
  const allowed = rule.days[tierKey(row.intentTier)] ?? 0;
  return `recall on ${recallAt.toISOString().slice(0, 10)}: ${describeOverdue(row.intentTier, row.startedAt, now, allowed)}`;
}

/** Runs recall now for the caller's tenant (admins), e.g. after changing the limits. */
export async function recallNow(deps: CrmDeps, actor: Actor, input: RunRecallInput): Promise<RecallResult> {
  requirePermission(actor, 'crm.settings');
  return runRecall(deps, actor.tenantId, { dryRun: input.dryRun, actorUserId: actor.userId });
}

/** The caller's own customers that recall will take soon (or is about to take), the soonest first. */
export async function listRecallWarnings(deps: CrmDeps, actor: Actor): Promise<RecallWarningList> {
  requirePermission(actor, 'customers.read');
  if (!actor.userId) return { items: [] };
  const rules = (await getCrmSettings(deps.db, actor.tenantId)).pools;
  const rule = recallRuleAt(rules, deps.clock.now());
  const rows = await repo.listOwnedNearRecall(deps.db, actor.tenantId, actor.userId, rule, 200);
  const items = rows.map((row) => ({
    customerId: row.id,
    name: row.name,
    intentTier: row.intentTier as RecallWarningList['items'][number]['intentTier'],
    recallAt: recallAtOf(rule, row.intentTier, row.startedAt).toISOString(),
    // A warning from before the latest follow-up or move no longer applies.
    warnedAt:
      row.recallWarnedAt && row.recallWarnedAt >= row.startedAt ? row.recallWarnedAt.toISOString() : null,
  }));
  return { items: items.sort((a, b) => a.recallAt.localeCompare(b.recallAt)) };
}

/**
 * The scheduled job: recall for every tenant every 15 minutes. One tenant failing does not stop the
 * others; the run then fails as a whole so the scheduler logs it.
 */
export function recallJob(deps: CrmDeps, logger?: JobLogger): Job {
  return {
    name: 'crm.recall',
    everyMs: 15 * 60_000,
    run: async () => {
      const failures: unknown[] = [];
      for (const tenantId of await listTenantIds(deps.db)) {
        try {
          const result = await runRecall(deps, tenantId, { dryRun: false });
          if (result.recalled.length + result.warned.length > 0) {
            logger?.info(
              { tenantId, recalled: result.recalled.length, warned: result.warned.length },
              'recall ran',
            );
          }
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0)
        throw new AggregateError(failures, `recall failed for ${failures.length} tenant(s)`);
    },
  };
}

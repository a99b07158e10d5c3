/**
 * The learned win probability (see win-probability.ts for the model): trained per tenant from the
 * stage entries of its won and lost deals, stored, retrained by a job as deals close (or on demand),
 * and applied to open deals with the facts that raised and lowered it most.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { DAY_MS } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import type { Job, JobLogger } from '../../../platform/jobs/scheduler.js';
import type { CrmDeps } from '../crm-deps.js';
import { findCustomerFacts, type CustomerFacts } from '../customer/customer-facts.service.js';
import { listStagesById } from '../pipeline/pipeline.service.js';
import type { DealProbability, WinModelStatus } from './deal.contract.js';
import type { DealRow } from './deal.repository.js';
import {
  amountBand,
  daysInStageBand,
  describeWinReason,
  estimateWin,
  MIN_CLOSED_DEALS,
  trainWinModel,
  type WinExample,
  type WinFacts,
  type WinReason,
} from './win-probability.js';
import * as repo from './win-model.repository.js';

/** Customers whose facts one query reads. */
const FACTS_CHUNK = 1000;

/** How often the job looks for tenants whose deals closed since their model was trained. */
const RETRAIN_EVERY_MS = 10 * 60_000;

type Stage = { name: string; won: boolean; lost: boolean };

async function customerFactsOf(db: Db, tenantId: string, ids: string[]): Promise<Map<string, CustomerFacts>> {
  const unique = [...new Set(ids)];
  const facts = new Map<string, CustomerFacts>();
  for (let i = 0; i < unique.length; i += FACTS_CHUNK) {
    for (const [id, row] of await findCustomerFacts(db, tenantId, unique.slice(i, i + FACTS_CHUNK))) {
      facts.set(id, row);
    }
  }
  return facts;
}

/** A deal's facts at a stage it spent `days` in. */
function factsOf(
  deal: { stageId: string; source: string | null; amount: number },
  customer: CustomerFacts | undefined,
  days: number,
): WinFacts {
  return {
    stage: deal.stageId,
    kind: customer?.kind ?? null,
    source: deal.source,
    intentTier: customer?.intentTier ?? null,
    valueTier: customer?.valueTier ?? null,
    industry: customer?.industry ?? null,
    region: customer?.region ?? null,
    amountBand: amountBand(deal.amount),
    daysInStageBand: daysInStageBand(days),
  };
}

/** Trains the tenant's model from its won and lost deals and stores it; answers its status. */
export async function retrainWinModel(
  deps: Pick<CrmDeps, 'db' | 'clock'>,
  tenantId: string,
): Promise<WinModelStatus> {
  const started = performance.now();
  const entries = await repo.listClosedStageEntries(deps.db, tenantId);
  const stages = await stagesOf(
    deps.db,
    tenantId,
    entries.map((entry) => entry.pipelineId),
  );
  const customers = await customerFactsOf(
    deps.db,
    tenantId,
    entries.map((entry) => entry.customerId),
  );
  const examples: WinExample[] = [];
  const closed = new Set<string>();
  for (const entry of entries) {
    closed.add(entry.dealId);
    const stage = stages.get(entry.stageId);
    if (!stage || stage.won || stage.lost) continue;
    const days = Math.max(0, (entry.until.getTime() - entry.at.getTime()) / DAY_MS);
    examples.push({
      facts: factsOf(entry, customers.get(entry.customerId), days),
      won: entry.outcome === 'won',
    });
  }
  const model = trainWinModel(examples, closed.size);
  const lastClosedAt = lastCloseOf(entries);
  const row: repo.WinModelRow = {
    tenantId,
    model,
    closedDeals: closed.size,
    examples: examples.length,
    lastClosedAt,
    trainedAt: deps.clock.now(),
    trainingMs: Math.round(performance.now() - started),
  };
  await repo.saveWinModel(deps.db, row);
  return toStatus(row);
}

/** The latest time a deal of these entries left a stage (its close). */
function lastCloseOf(entries: repo.ClosedStageEntry[]): Date | null {
  let last: Date | null = null;
  for (const entry of entries) if (!last || entry.until > last) last = entry.until;
  return last;
}

/** The stages of these pipelines by id. */
async function stagesOf(db: Db, tenantId: string, pipelineIds: string[]): Promise<Map<string, Stage>> {
  if (pipelineIds.length === 0) return new Map();
  const all = await listStagesById(db, tenantId, pipelineIds);
  return new Map([...all].map(([id, stage]) => [id, { name: stage.name, won: stage.won, lost: stage.lost }]));
}

function toStatus(row: repo.WinModelRow | undefined): WinModelStatus {
  return {
    closedDeals: row?.closedDeals ?? 0,
    examples: row?.examples ?? 0,
    needed: MIN_CLOSED_DEALS,
    ready: (row?.closedDeals ?? 0) >= MIN_CLOSED_DEALS,
    trainedAt: row?.trainedAt.toISOString() ?? null,
    trainingMs: row?.trainingMs ?? null,
  };
}

/** Where the tenant's model stands. */
export async function getWinModelStatus(deps: CrmDeps, actor: Actor): Promise<WinModelStatus> {
  requirePermission(actor, 'customers.read');
  return toStatus(await repo.findWinModel(deps.db, actor.tenantId));
}

/** Retrains the tenant's model now (CRM settings). */
export async function retrainWinModelAs(deps: CrmDeps, actor: Actor): Promise<WinModelStatus> {
  requirePermission(actor, 'crm.settings');
  return retrainWinModel(deps, actor.tenantId);
}

/** A reason with the stage's name in place of its id, and a sentence. */
function presentReason(reason: WinReason, stages: Map<string, Stage>) {
  const label = reason.feature === 'stage' ? (stages.get(reason.value)?.name ?? reason.value) : reason.value;
  return { ...reason, label, text: describeWinReason({ ...reason, value: label }) };
}

/**
 * The automated probability of each open deal, with its reasons; closed deals and tenants with too
 * little history get `automated: null` and say why.
 */
export async function estimateDeals(
  deps: Pick<CrmDeps, 'db' | 'clock'>,
  tenantId: string,
  rows: DealRow[],
  /** When each deal entered its stage, when the caller has read it already. */
  known?: Map<string, Date>,
): Promise<Map<string, Omit<DealProbability, 'manual'>>> {
  const result = new Map<string, Omit<DealProbability, 'manual'>>();
  if (rows.length === 0) return result;
  const model = (await repo.findWinModel(deps.db, tenantId))?.model;
  const closedDeals = model?.closedDeals ?? 0;
  const open = rows.filter((row) => row.outcome === 'open');
  const none = (status: 'closed' | 'too_little_history') => ({
    automated: null,
    reasons: [],
    explanation: { status, closedDeals, needed: MIN_CLOSED_DEALS, raised: [], lowered: [] },
  });
  for (const row of rows) if (row.outcome !== 'open') result.set(row.id, none('closed'));
  if (!model || closedDeals < MIN_CLOSED_DEALS) {
    for (const row of open) result.set(row.id, none('too_little_history'));
    return result;
  }
  const [customers, entered, stages] = await Promise.all([
    customerFactsOf(
      deps.db,
      tenantId,
      open.map((row) => row.customerId),
    ),
    known ??
      repo.listStageEntryTimes(
        deps.db,
        tenantId,
        open.map((row) => row.id),
      ),
    stagesOf(
      deps.db,
      tenantId,
      open.map((row) => row.pipelineId),
    ),
  ]);
  const now = deps.clock.now().getTime();
  for (const row of open) {
    const days = Math.max(0, (now - (entered.get(row.id) ?? row.createdAt).getTime()) / DAY_MS);
    const estimate = estimateWin(model, factsOf(row, customers.get(row.customerId), days));
    if (estimate.status !== 'ok') {
      result.set(row.id, none('too_little_history'));
      continue;
    }
    const raised = estimate.raised.map((reason) => presentReason(reason, stages));
    const lowered = estimate.lowered.map((reason) => presentReason(reason, stages));
    result.set(row.id, {
      automated: Math.round(estimate.probability * 1000) / 1000,
      reasons: [...raised, ...lowered].map((reason) => reason.text),
      explanation: { status: 'ok', closedDeals, needed: MIN_CLOSED_DEALS, raised, lowered },
    });
  }
  return result;
}

/** Every ten minutes: retrain the models of tenants whose deals closed (or reopened) since. */
export function winModelJob(deps: Pick<CrmDeps, 'db' | 'clock'>, logger?: JobLogger): Job {
  return {
    name: 'crm.win_model',
    everyMs: RETRAIN_EVERY_MS,
    run: async () => {
      for (const tenantId of await repo.listTenantsToRetrain(deps.db)) {
        const status = await retrainWinModel(deps, tenantId);
        logger?.info({ tenantId, ...status }, 'win probability retrained');
      }
    },
  };
}

/**
 * Deal use cases: create, read, list (scoped like customers), edit, and re-point on merge. Stage moves
 * and outcomes are deal-transition.service.ts. Every write runs in `deps.db.transaction`, so the
 * services also work inside a caller's transaction (lead conversion), as savepoints.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import { actorForMember, hasTeam, permissionsOf } from '../../access/index.js';
import type { CrmDeps } from '../crm-deps.js';
import { getCustomerRow } from '../customer/customer.service.js';
import { defaultPipelineStages, findPipelineStages, listStagesById } from '../pipeline/pipeline.service.js';
import type { StageRow } from '../pipeline/pipeline.service.js';
import type { CreateDealInput, Deal, DealPage, DealQuery, UpdateDealInput } from './deal.contract.js';
import { dealInvalid, dealNotFound } from './deal.errors.js';
import { DEFAULT_CURRENCY, priceDealLines } from './deal-pricing.service.js';
import { toDeal } from './deal-row.js';
import { followDealInLifecycle } from './deal-lifecycle.service.js';
import { syncDealState } from './deal-state.service.js';
import { estimateDeals } from './win-model.service.js';
import { listStageEntryTimes } from './win-model.repository.js';
import * as repo from './deal.repository.js';
import type { DealOrder } from './sales-order.contract.js';

/** The pipeline and open stage a new deal starts in; 400 naming `pipelineId` or `stageId`. */
async function startingStage(
  deps: CrmDeps,
  tenantId: string,
  customerKind: string,
  input: CreateDealInput,
): Promise<StageRow> {
  const found = input.pipelineId
    ? await findPipelineStages(deps.db, tenantId, input.pipelineId)
    : await defaultPipelineStages(deps.db, tenantId, customerKind, deps.clock.now());
  if (!found) throw dealInvalid([{ path: 'pipelineId', message: 'no such pipeline' }]);
  const open = found.stages.filter((stage) => !stage.won && !stage.lost);
  const stage = input.stageId ? open.find((s) => s.id === input.stageId) : open[0];
  if (!stage)
    throw dealInvalid([{ path: input.stageId ? 'stageId' : 'pipelineId', message: 'no such open stage' }]);
  return stage;
}

/** The owner and team named on a new deal must be a member who works on customers, and a team of the tenant. */
async function checkDealPeople(deps: CrmDeps, actor: Actor, input: CreateDealInput): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.ownerUserId) {
    const tenant = { id: actor.tenantId, slug: actor.tenantSlug };
    const member = await actorForMember(deps.db, tenant, input.ownerUserId, 'system');
    if (!member || !permissionsOf(member.role).includes('customers.write')) {
      issues.push({ path: 'ownerUserId', message: 'not a member who works on customers' });
    }
  }
  if (input.teamId && !(await hasTeam(deps.db, actor.tenantId, input.teamId))) {
    issues.push({ path: 'teamId', message: 'no such team' });
  }
  if (issues.length) throw dealInvalid(issues);
}

/**
 * Creates an open deal for a customer the actor may see, in the customer kind's default pipeline
 * unless another is named. Its lines take the customer's prices; the amount is their net total. The
 * customer's deal state follows in the same transaction.
 */
export async function createDeal(
  deps: CrmDeps,
  actor: Actor,
  input: CreateDealInput,
  origin?: { leadId?: string; source?: string },
): Promise<Deal> {
  requirePermission(actor, 'customers.write');
  const customer = await getCustomerRow(deps, actor, input.customerId);
  await checkDealPeople(deps, actor, input);
  const stage = await startingStage(deps, actor.tenantId, customer.kind, input);
  const id = newId();
  const now = deps.clock.now();
  const priced = await priceDealLines(
    deps.db,
    actor.tenantId,
    id,
    customer,
    input.lines ?? [],
    input.currency,
  );
  const row: repo.DealRow = {
    tenantId: actor.tenantId,
    id,
    customerId: customer.id,
    name: input.name,
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    outcome: 'open',
    amount: priced.lines.length ? priced.amount : (input.amount ?? 0),
    currency: priced.lines.length ? priced.currency : (input.currency ?? DEFAULT_CURRENCY),
    expectedCloseDate: input.expectedCloseDate ?? null,
    ownerUserId: input.ownerUserId ?? actor.userId ?? customer.ownerUserId,
    teamId: input.teamId ?? customer.teamId,
    lostReason: null,
    closedAt: null,
    leadId: origin?.leadId ?? null,
    source: origin?.source ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.db.transaction((tx) => insertNewDeal(tx, actor, row, priced.lines, stage));
  return (await loadDeals(deps, actor.tenantId, [row]))[0]!;
}

/**
 * Writes a new deal, its lines and first stage entry, re-derives the customer's deal state, moves its
 * lifecycle on, publishes `crm.deal.created`.
 */
async function insertNewDeal(
  tx: Db,
  actor: Actor,
  row: repo.DealRow,
  lines: repo.DealLineRow[],
  stage: StageRow,
): Promise<void> {
  await repo.insertDeal(tx, row, lines);
  await repo.insertStageChange(tx, {
    tenantId: actor.tenantId,
    id: newId(),
    dealId: row.id,
    fromStageId: null,
    toStageId: row.stageId,
    fromOutcome: null,
    toOutcome: 'open',
    userId: actor.userId,
    note: null,
    at: row.createdAt,
  });
  await syncDealState(tx, actor, row.customerId);
  await followDealInLifecycle(tx, actor, row, 'created', stage, row.createdAt);
  await publishDomainEvent(tx, {
    tenantId: actor.tenantId,
    type: 'crm.deal.created',
    occurredAt: row.createdAt,
    customerId: row.customerId,
    actorUserId: actor.userId,
    payload: {
      dealId: row.id,
      name: row.name,
      amount: row.amount,
      currency: row.currency,
      stageId: row.stageId,
    },
  });
}

/** Deals in their public shape: lines, warehouse orders and the stage's probability. */
export async function loadDeals(deps: CrmDeps, tenantId: string, rows: repo.DealRow[]): Promise<Deal[]> {
  const ids = rows.map((row) => row.id);
  const [lines, stages, orders, entered] = await Promise.all([
    repo.listDealLines(deps.db, tenantId, ids),
    listStagesById(
      deps.db,
      tenantId,
      rows.map((row) => row.pipelineId),
    ),
    deps.orders && ids.length
      ? deps.orders.listDealOrders(deps.db, tenantId, ids)
      : new Map<string, DealOrder>(),
    listStageEntryTimes(deps.db, tenantId, ids),
  ]);
  const learned = await estimateDeals(deps, tenantId, rows, entered);
  return rows.map((row) => {
    const order = orders.get(row.id);
    return toDeal(
      row,
      lines.filter((line) => line.dealId === row.id),
      order ? [order] : [],
      stages.get(row.stageId)?.probability,
      entered.get(row.id) ?? row.createdAt,
      learned.get(row.id),
    );
  });
}

/** The deal row with this id; 404 when missing or outside the actor's scope. */
export async function getDealRow(deps: CrmDeps, actor: Actor, id: string): Promise<repo.DealRow> {
  requirePermission(actor, 'customers.read');
  const row = await repo.findVisibleDeal(deps.db, actor, id);
  if (!row) throw dealNotFound(id);
  return row;
}

/** One deal with its lines, orders and probability. */
export async function getDeal(deps: CrmDeps, actor: Actor, id: string): Promise<Deal> {
  return (await loadDeals(deps, actor.tenantId, [await getDealRow(deps, actor, id)]))[0]!;
}

/** A page of the deals the actor may see, newest first. */
export async function listDeals(deps: CrmDeps, actor: Actor, query: DealQuery): Promise<DealPage> {
  requirePermission(actor, 'customers.read');
  const { after, limit, ...filter } = query;
  const rows = await repo.listVisibleDeals(deps.db, actor, filter, after, limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: await loadDeals(deps, actor.tenantId, page),
    nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}

/** Edits a deal's name, expected close date, lines (the amount follows them) or entered amount. */
export async function updateDeal(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdateDealInput,
): Promise<Deal> {
  requirePermission(actor, 'customers.write');
  const current = await getDealRow(deps, actor, id);
  const customer = await getCustomerRow(deps, actor, current.customerId);
  const changes: repo.DealChanges = { updatedAt: deps.clock.now() };
  if (input.name !== undefined) changes.name = input.name;
  if (input.expectedCloseDate !== undefined) changes.expectedCloseDate = input.expectedCloseDate;
  const hasLines = (await repo.listDealLines(deps.db, actor.tenantId, [id])).length > 0;
  if (input.amount !== undefined && (input.lines?.length || (hasLines && input.lines === undefined))) {
    throw dealInvalid([{ path: 'amount', message: 'the amount of a deal with lines is their total' }]);
  }
  if (input.amount !== undefined) changes.amount = input.amount;
  const priced = input.lines
    ? await priceDealLines(deps.db, actor.tenantId, id, customer, input.lines, current.currency)
    : undefined;
  if (priced) changes.amount = priced.lines.length ? priced.amount : (input.amount ?? 0);
  await deps.db.transaction(async (tx) => {
    if (priced) await repo.replaceDealLines(tx, actor.tenantId, id, priced.lines);
    await repo.updateDealRow(tx, actor.tenantId, id, changes);
  });
  return getDeal(deps, actor, id);
}

/**
 * Moves the deals of merged customers to the one they merged into and derives its deal state again
 * from all its deals (call in the merge's transaction); how many moved.
 */
export async function repointDeals(
  db: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  const moved = await repo.repointDeals(db, tenantId, intoId, fromIds);
  await syncDealState(db, { tenantId }, intoId);
  return moved;
}

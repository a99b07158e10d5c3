/**
 * Moving deals: to another stage, won, lost or invalid, and reopened. Each move locks the deal, checks
 * that its outcome allows the move (409 `crm.deal.invalid_transition`), records the change in the stage
 * history, re-derives the customer's deal state and publishes its events, all in one transaction. A won
 * deal's stocked lines become one warehouse order (deal-order.service.ts).
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import { findPipelineStages, type StageRow } from '../pipeline/pipeline.service.js';
import type { Deal, DealHistory, DealOutcome, ReopenDealInput } from './deal.contract.js';
import { dealInvalid, dealInvalidTransition, dealNotFound } from './deal.errors.js';
import { cancelDealOrder, pushWonDealOrder } from './deal-order.service.js';
import { toStageChange } from './deal-row.js';
import { getDeal, getDealRow } from './deal.service.js';
import { followDealInLifecycle } from './deal-lifecycle.service.js';
import { syncDealState } from './deal-state.service.js';
import * as repo from './deal.repository.js';

/** Where a move takes the deal. */
type Move = { stageId: string; outcome: DealOutcome; note?: string | null; lostReason?: string | null };

/** What a move sees: the locked deal and its pipeline's stages. */
type MoveContext = { deal: repo.DealRow; stages: StageRow[]; tx: Db; now: Date };

const isOpenStage = (stage: StageRow) => !stage.won && !stage.lost;

/** Runs one move of a deal the actor may see; `plan` throws when the move is not allowed. */
async function moveDeal(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  plan: (context: MoveContext) => Promise<Move> | Move,
  after?: (context: MoveContext & { move: Move }) => Promise<void>,
): Promise<Deal> {
  requirePermission(actor, 'customers.write');
  await getDealRow(deps, actor, id);
  await deps.db.transaction(async (tx) => {
    const deal = await repo.lockDeal(tx, actor.tenantId, id);
    if (!deal) throw dealNotFound(id);
    const stages = (await findPipelineStages(tx, actor.tenantId, deal.pipelineId))?.stages ?? [];
    const now = deps.clock.now();
    const context = { deal, stages, tx, now };
    const move = await plan(context);
    if (move.stageId === deal.stageId && move.outcome === deal.outcome) return;
    const closed = move.outcome === 'open' ? null : deal.outcome === 'open' ? now : deal.closedAt;
    await repo.updateDealRow(tx, actor.tenantId, id, {
      stageId: move.stageId,
      outcome: move.outcome,
      closedAt: closed,
      lostReason:
        move.outcome === 'open' || move.outcome === 'won' ? null : (move.lostReason ?? deal.lostReason),
      updatedAt: now,
    });
    await repo.insertStageChange(tx, {
      tenantId: actor.tenantId,
      id: newId(),
      dealId: id,
      fromStageId: deal.stageId,
      toStageId: move.stageId,
      fromOutcome: deal.outcome,
      toOutcome: move.outcome,
      userId: actor.userId,
      note: move.note ?? null,
      at: now,
    });
    await syncDealState(tx, actor, deal.customerId);
    await followMove(tx, actor, context, move);
    await publishMoveEvents(tx, actor, deal, move, now);
    if (after) await after({ ...context, move });
  });
  return getDeal(deps, actor, id);
}

/** The lifecycle follows a deal that enters another open stage or is won. */
async function followMove(tx: Db, actor: Actor, { deal, stages, now }: MoveContext, move: Move) {
  const stage = stages.find((s) => s.id === move.stageId);
  if (move.outcome === 'won' && deal.outcome !== 'won') {
    await followDealInLifecycle(tx, actor, deal, 'won', stage, now);
  } else if (move.outcome === 'open' && move.stageId !== deal.stageId) {
    await followDealInLifecycle(tx, actor, deal, 'stage_entered', stage, now);
  }
}

/** `crm.deal.stage_changed` for every move, and `crm.deal.won` / `crm.deal.lost` when that is the outcome. */
async function publishMoveEvents(tx: Db, actor: Actor, deal: repo.DealRow, move: Move, now: Date) {
  const base = {
    tenantId: actor.tenantId,
    occurredAt: now,
    customerId: deal.customerId,
    actorUserId: actor.userId,
  };
  const payload = {
    dealId: deal.id,
    fromStageId: deal.stageId,
    toStageId: move.stageId,
    from: deal.outcome,
    to: move.outcome,
    amount: deal.amount,
    currency: deal.currency,
  };
  await publishDomainEvent(tx, { ...base, type: 'crm.deal.stage_changed', payload });
  if (move.outcome !== deal.outcome && (move.outcome === 'won' || move.outcome === 'lost')) {
    await publishDomainEvent(tx, {
      ...base,
      type: `crm.deal.${move.outcome}`,
      payload: { ...payload, reason: move.lostReason ?? null },
    });
  }
}

/** 409 unless the deal's outcome is one of `allowed`. */
function requireOutcome(deal: repo.DealRow, allowed: string[], move: string): void {
  if (!allowed.includes(deal.outcome)) throw dealInvalidTransition(deal.id, deal.outcome, move);
}

/** Moves an open deal to another open stage; a won stage wins it; a won deal moves between won stages. */
export async function moveDealStage(deps: CrmDeps, actor: Actor, id: string, stageId: string): Promise<Deal> {
  let wins = false;
  return moveDeal(
    deps,
    actor,
    id,
    ({ deal, stages }) => {
      const target = stages.find((stage) => stage.id === stageId);
      if (!target) throw dealInvalid([{ path: 'stageId', message: "not a stage of the deal's pipeline" }]);
      if (target.lost)
        throw dealInvalidTransition(id, deal.outcome, 'move to a lost stage (lose it with a reason)');
      requireOutcome(deal, target.won ? ['open', 'won'] : ['open'], 'move to this stage');
      wins = target.won && deal.outcome === 'open';
      return { stageId, outcome: target.won ? 'won' : 'open' };
    },
    async (context) => {
      if (wins) await pushWonDealOrder(deps, actor, context.tx, context.deal);
    },
  );
}

/** Wins an open deal (its pipeline's first won stage); stocked lines become one warehouse order. */
export async function winDeal(deps: CrmDeps, actor: Actor, id: string): Promise<Deal> {
  return moveDeal(
    deps,
    actor,
    id,
    ({ deal, stages }) => {
      requireOutcome(deal, ['open'], 'be won');
      const current = stages.find((stage) => stage.id === deal.stageId);
      const stage = current?.won ? current : stages.find((s) => s.won);
      return { stageId: stage?.id ?? deal.stageId, outcome: 'won' };
    },
    async ({ tx, deal }) => pushWonDealOrder(deps, actor, tx, deal),
  );
}

/** Loses an open deal with a reason (its pipeline's lost stage). */
export async function loseDeal(deps: CrmDeps, actor: Actor, id: string, reason: string): Promise<Deal> {
  return moveDeal(deps, actor, id, ({ deal, stages }) => {
    requireOutcome(deal, ['open'], 'be lost');
    const stage = stages.find((s) => s.lost);
    return { stageId: stage?.id ?? deal.stageId, outcome: 'lost', lostReason: reason, note: reason };
  });
}

/** Marks an open deal invalid (not a real opportunity); its stage stays. */
export async function invalidateDeal(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  reason?: string,
): Promise<Deal> {
  return moveDeal(deps, actor, id, ({ deal }) => {
    requireOutcome(deal, ['open'], 'be marked invalid');
    return { stageId: deal.stageId, outcome: 'invalid', lostReason: reason ?? null, note: reason ?? null };
  });
}

/**
 * Reopens a won, lost or invalid deal at the open stage it last stood in. A won deal's order stays
 * unless `cancelOrder` asks to cancel it (refused by the warehouse once shipped); winning again
 * answers the same order.
 */
export async function reopenDeal(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: ReopenDealInput,
): Promise<Deal> {
  return moveDeal(
    deps,
    actor,
    id,
    async ({ deal, stages, tx }) => {
      requireOutcome(deal, ['won', 'lost', 'invalid'], 'be reopened');
      const history = await repo.listStageChanges(tx, deal.tenantId, deal.id);
      const openIds = new Set(stages.filter(isOpenStage).map((stage) => stage.id));
      const last = [...history].reverse().find((change) => openIds.has(change.toStageId));
      const stageId = openIds.has(deal.stageId)
        ? deal.stageId
        : (last?.toStageId ?? [...openIds][0] ?? deal.stageId);
      return { stageId, outcome: 'open' };
    },
    async ({ tx, deal }) => {
      if (input.cancelOrder && deal.outcome === 'won') await cancelDealOrder(deps, actor, tx, deal.id);
    },
  );
}

/** A deal's stage and outcome changes, oldest first, with who made them and when. */
export async function listDealHistory(deps: CrmDeps, actor: Actor, id: string): Promise<DealHistory> {
  const deal = await getDealRow(deps, actor, id);
  const rows = await repo.listStageChanges(deps.db, actor.tenantId, deal.id);
  return { items: rows.map(toStageChange) };
}

/**
 * The account lifecycle of each customer (first contact → POC → in use → expansion). This service is
 * the one writer of a customer's stage and its history, which it writes together: deals move it
 * forward inside their own transaction (`followDealEvent`), people move it anywhere by hand, and a
 * merge hands the history and the furthest stage to the surviving customer.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import { lockNames } from '../../../platform/db/advisory-lock.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import { getCustomerRow } from '../customer/customer.service.js';
import type {
  Lifecycle,
  LifecycleDealEvent,
  LifecycleSource,
  LifecycleStage,
  MoveLifecycleInput,
} from './lifecycle.contract.js';
import { lifecycleInPool } from './lifecycle.errors.js';
import { followDealEventTo, furthestStage } from './lifecycle-rules.js';
import * as repo from './lifecycle.repository.js';

/** Who made a move and why. */
type MoveOrigin = { source: LifecycleSource; dealId: string | null; note: string | null };

/** Moves of one customer's stage queue on a lock, so each reads the stage the last one wrote. */
async function lockLifecycle(tx: Db, tenantId: string, customerIds: string[]): Promise<void> {
  await lockNames(
    tx,
    customerIds.map((id) => `crm.lifecycle:${tenantId}:${id}`),
  );
}

async function findStage(tx: Db, tenantId: string, customerId: string): Promise<LifecycleStage | null> {
  const [row] = await repo.listLifecycles(tx, tenantId, [customerId]);
  return (row?.stage as LifecycleStage | undefined) ?? null;
}

/** Writes the new stage and its history row. */
async function writeStage(
  tx: Db,
  actor: Pick<Actor, 'tenantId' | 'userId'>,
  customerId: string,
  from: LifecycleStage | null,
  to: LifecycleStage,
  origin: MoveOrigin,
  at: Date,
): Promise<void> {
  await repo.upsertLifecycle(tx, { tenantId: actor.tenantId, customerId, stage: to, changedAt: at });
  await repo.insertLifecycleChange(tx, {
    tenantId: actor.tenantId,
    id: newId(),
    customerId,
    fromStage: from,
    toStage: to,
    source: origin.source,
    dealId: origin.dealId,
    actorUserId: actor.userId,
    note: origin.note,
    at,
  });
}

/** A customer's stage and its moves, newest first; 404 for a customer the actor cannot see. */
export async function getLifecycle(deps: CrmDeps, actor: Actor, customerId: string): Promise<Lifecycle> {
  await getCustomerRow(deps, actor, customerId);
  const [stage, changes] = await Promise.all([
    findStage(deps.db, actor.tenantId, customerId),
    repo.listLifecycleChanges(deps.db, actor.tenantId, customerId),
  ]);
  return {
    customerId,
    stage,
    history: changes.map((row) => ({
      id: row.id,
      fromStage: row.fromStage as LifecycleStage | null,
      toStage: row.toStage as LifecycleStage,
      source: row.source as LifecycleSource,
      dealId: row.dealId,
      actorUserId: row.actorUserId,
      note: row.note,
      at: row.at.toISOString(),
    })),
  };
}

/**
 * Moves a customer to any stage by hand, with a note; whoever may edit the customer may (a pool
 * customer only once claimed, unless the actor sees every customer). Moving to the stage it already
 * has changes nothing.
 */
export async function moveLifecycle(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  input: MoveLifecycleInput,
): Promise<Lifecycle> {
  requirePermission(actor, 'customers.write');
  const customer = await getCustomerRow(deps, actor, customerId);
  if (customer.poolId && actor.scope !== 'all') throw lifecycleInPool(customerId);
  await deps.db.transaction(async (tx) => {
    await lockLifecycle(tx, actor.tenantId, [customerId]);
    const current = await findStage(tx, actor.tenantId, customerId);
    if (current === input.stage) return;
    const origin = { source: 'manual' as const, dealId: null, note: input.note || null };
    await writeStage(tx, actor, customerId, current, input.stage, origin, deps.clock.now());
  });
  return getLifecycle(deps, actor, customerId);
}

/**
 * Follows a deal change inside the deal's transaction: moves the customer forward when the event
 * calls for a later stage (see `followDealEventTo`), never backwards. Answers the stage it moved to.
 */
export async function followDealEvent(
  tx: Db,
  actor: Pick<Actor, 'tenantId' | 'userId'>,
  event: LifecycleDealEvent,
  at: Date,
): Promise<LifecycleStage | undefined> {
  await lockLifecycle(tx, actor.tenantId, [event.customerId]);
  const current = await findStage(tx, actor.tenantId, event.customerId);
  const next = followDealEventTo(current, event);
  if (!next) return undefined;
  const origin = { source: 'deal' as const, dealId: event.dealId, note: null };
  await writeStage(tx, actor, event.customerId, current, next, origin, at);
  return next;
}

/**
 * Hands merged customers' lifecycle to the one they merged into (call in the merge's transaction):
 * their history moves to it and it keeps the furthest stage of them all. Answers how many history
 * rows moved.
 */
export async function repointLifecycles(
  tx: Db,
  tenantId: string,
  intoId: string,
  fromIds: string[],
): Promise<number> {
  await lockLifecycle(tx, tenantId, [intoId, ...fromIds]);
  const rows = await repo.listLifecycles(tx, tenantId, [intoId, ...fromIds]);
  const moved = await repo.repointLifecycleChanges(tx, tenantId, intoId, fromIds);
  const into = rows.find((row) => row.customerId === intoId);
  const best = furthestStage(rows.map((row) => row.stage as LifecycleStage));
  if (best && best !== into?.stage) {
    const from = rows.find((row) => row.stage === best)!;
    await repo.upsertLifecycle(tx, { tenantId, customerId: intoId, stage: best, changedAt: from.changedAt });
  }
  await repo.deleteLifecycles(tx, tenantId, fromIds);
  return moved;
}

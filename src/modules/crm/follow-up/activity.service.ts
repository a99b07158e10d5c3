/**
 * A customer's activity history: follow-ups, tier changes and pool moves merged newest first, with one keyset
 * cursor over all of them. A new kind of entry (touchpoints, deals) adds a source query and a mapper.
 */
import type { Actor } from '../../../platform/auth/actor.js';
import type { CrmDeps } from '../crm-deps.js';
import { getCustomerRow } from '../customer/customer.service.js';
import type { TierDimension, TierSource } from '../tier/tier.contract.js';
import type { PageQuery, ActivityItem, ActivityPage } from './follow-up.contract.js';
import { listFollowUpsAfter, type FollowUpRow } from './follow-up.repository.js';
import { byTimeDescending, decodeTimeCursor, encodeTimeCursor } from './time-cursor.js';
import { listTierChangesAfter, type TierChangeRow } from '../customer/customer-tier.service.js';
import { listPoolMovesAfter, type PoolMoveRow } from '../customer/ownership.service.js';

/** An activity entry before it is shaped for the API, with its sort key. */
type Entry = { at: Date; id: string; item: ActivityItem };

function followUpEntry(row: FollowUpRow): Entry {
  return {
    at: row.at,
    id: row.id,
    item: {
      type: 'follow_up',
      id: row.id,
      at: row.at.toISOString(),
      userId: row.userId,
      channel: row.channel as 'call',
      note: row.note,
      personId: row.personId,
    },
  };
}

function tierChangeEntry(row: TierChangeRow): Entry {
  return {
    at: row.changedAt,
    id: row.id,
    item: {
      type: 'tier_change',
      id: row.id,
      at: row.changedAt.toISOString(),
      userId: row.changedByUserId,
      dimension: row.dimension as TierDimension,
      from: row.fromTier,
      to: row.toTier,
      source: row.source as TierSource,
      reason: row.reason,
    },
  };
}

function poolMoveEntry(row: PoolMoveRow): Entry {
  return {
    at: row.at,
    id: row.id,
    item: {
      type: 'pool_move',
      id: row.id,
      at: row.at.toISOString(),
      userId: row.actorUserId,
      action: row.action,
      fromUserId: row.fromUserId,
      toUserId: row.toUserId,
      fromPoolId: row.fromPoolId,
      toPoolId: row.toPoolId,
      cause: row.cause,
    },
  };
}

/**
 * A page of a customer's activity history, newest first. Each source is read `limit + 1` past the cursor, which
 * is enough: any entry of the merged page is among the first `limit + 1` of its own source.
 */
export async function listActivity(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  query: PageQuery,
): Promise<ActivityPage> {
  await getCustomerRow(deps, actor, customerId);
  const cursor = decodeTimeCursor(query.after);
  const take = query.limit + 1;
  const { db } = deps;
  const [followUps, tierChanges, poolMoves] = await Promise.all([
    listFollowUpsAfter(db, actor.tenantId, customerId, cursor, take),
    listTierChangesAfter(db, actor.tenantId, customerId, cursor, take),
    listPoolMovesAfter(db, actor.tenantId, customerId, cursor, take),
  ]);
  const entries = [
    ...followUps.map(followUpEntry),
    ...tierChanges.map(tierChangeEntry),
    ...poolMoves.map(poolMoveEntry),
  ].sort(byTimeDescending);
  const page = entries.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((entry) => entry.item),
    nextCursor: entries.length > query.limit && last ? encodeTimeCursor(last) : null,
  };
}

/**
 * The relations that follow a merged customer to its new home, each moved by the feature that owns
 * its rows, except buying-committee memberships (which need a plan, see `moveCommittees`) and the
 * pool log (customer ownership re-points it).
 */
import type { Db } from '../../../platform/db/database.js';
import { repointChildren } from '../customer/customer-merge.service.js';
import { repointTierChanges } from '../customer/customer-tier.service.js';
import { repointFollowUps } from '../follow-up/follow-up.service.js';
import { repointTasks } from '../task/task.service.js';
import { repointDeals } from '../deal/deal.service.js';
import { repointLifecycles } from '../lifecycle/lifecycle.service.js';
import type { RepointedRelation } from './merge.contract.js';

/** Moves the rows of one relation from the merged customers to the target; answers how many moved. */
export type Repointer = {
  relation: Exclude<RepointedRelation, 'members' | 'poolMoves'>;
  repoint(tx: Db, tenantId: string, intoId: string, fromIds: string[]): Promise<number>;
};

/**
 * Every relation that follows a merged customer. EXTENSION POINT: when deals, tickets or tenders
 * arrive, add one entry per table that holds a `customer_id` here (its owning feature's service
 * re-points it, and its count goes to `RepointedCounts`); the merge service runs them all in its one
 * transaction.
 */
export const REPOINTERS: readonly Repointer[] = [
  { relation: 'followUps', repoint: repointFollowUps },
  { relation: 'tierChanges', repoint: repointTierChanges },
  { relation: 'children', repoint: repointChildren },
  { relation: 'tasks', repoint: repointTasks },
  { relation: 'deals', repoint: repointDeals },
  { relation: 'lifecycleChanges', repoint: repointLifecycles },
];

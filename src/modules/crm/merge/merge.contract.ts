/** Request and response shapes of merges: the public contract of this feature. */
import { z } from 'zod';
import { Customer } from '../customer/customer.contract.js';

/** The most customers one merge takes in, so a merge stays one short transaction. */
export const MAX_MERGE_SOURCES = 20;

/** The customers to merge into the one in the path; they are deleted afterwards. */
export const MergeCustomersInput = z.object({
  from: z.array(z.uuid()).min(1).max(MAX_MERGE_SOURCES),
});
export type MergeCustomersInput = z.infer<typeof MergeCustomersInput>;

/** The relations a merge re-points from the merged customers to the one they merge into. */
export const REPOINTED_RELATIONS = [
  'members',
  'followUps',
  'tierChanges',
  'poolMoves',
  'children',
  'tasks',
  'deals',
  'lifecycleChanges',
] as const;
export type RepointedRelation = (typeof REPOINTED_RELATIONS)[number];

/** How many rows of each relation now belong to the merged customer. */
export const RepointedCounts = z.object({
  /** Buying-committee memberships moved (a person already on the committee keeps their row there). */
  members: z.number().int(),
  followUps: z.number().int(),
  tierChanges: z.number().int(),
  poolMoves: z.number().int(),
  /** Accounts whose parent was a merged customer. */
  children: z.number().int(),
  /** Tasks about a merged customer. */
  tasks: z.number().int(),
  /** Deals moved; the target's deal state is derived again from all its deals. */
  deals: z.number().int(),
  /** Lifecycle history rows moved; the target keeps the furthest lifecycle stage. */
  lifecycleChanges: z.number().int(),
});
export type RepointedCounts = z.infer<typeof RepointedCounts>;

/** The customer after the merge, which customers went into it, and what moved. */
export const MergeResult = Customer.extend({
  merged: z.array(z.uuid()),
  repointed: RepointedCounts,
});
export type MergeResult = z.infer<typeof MergeResult>;

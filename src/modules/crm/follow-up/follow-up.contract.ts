/** Request and response shapes of follow-ups (跟进) and the customer's activity history. */
import { z } from 'zod';
import { BUDGET_STATES, NEED_STATES } from '../customer/customer.contract.js';
import { TierDimension, TierSource } from '../tier/tier.contract.js';

export const FOLLOW_UP_CHANNELS = ['call', 'visit', 'meeting', 'message', 'email', 'other'] as const;
export const FollowUpChannel = z.enum(FOLLOW_UP_CHANNELS);
export type FollowUpChannel = z.infer<typeof FollowUpChannel>;

/**
 * A call, visit or message to record. `at` defaults to now and may not lie in the future. What the
 * conversation taught about budget, need or objection can be recorded in the same request: the
 * customer's facts change (they feed the tier rules) and the note says so.
 */
export const CreateFollowUpInput = z.object({
  channel: FollowUpChannel,
  note: z.string().trim().min(1, 'required').max(5000),
  at: z.iso.datetime({ offset: true }).optional(),
  personId: z.uuid().optional(),
  budget: z.enum(BUDGET_STATES).optional(),
  need: z.enum(NEED_STATES).optional(),
  /** The objection heard; null when it has been cleared. */
  objection: z.string().trim().min(1).max(500).nullable().optional(),
});
export type CreateFollowUpInput = z.infer<typeof CreateFollowUpInput>;

export const FollowUp = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  channel: FollowUpChannel,
  note: z.string(),
  at: z.iso.datetime(),
  personId: z.uuid().nullable(),
  /** Who recorded it; null for API keys. */
  userId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** Keyset paging shared by the follow-up list and the activity history. */
export const PageQuery = z.object({
  /** The `nextCursor` of the previous page. */
  after: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const FollowUpPage = z.object({ items: z.array(FollowUp), nextCursor: z.string().nullable() });
export type FollowUpPage = z.infer<typeof FollowUpPage>;

const itemBase = { id: z.uuid(), at: z.iso.datetime(), userId: z.uuid().nullable() };

export const FollowUpItem = z.object({
  type: z.literal('follow_up'),
  ...itemBase,
  channel: FollowUpChannel,
  note: z.string(),
  personId: z.uuid().nullable(),
});

export const TierChangeItem = z.object({
  type: z.literal('tier_change'),
  ...itemBase,
  dimension: TierDimension,
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: TierSource,
  reason: z.string(),
});

export const PoolMoveItem = z.object({
  type: z.literal('pool_move'),
  ...itemBase,
  /** create / claim / assign / transfer / release / recall / recall_warning / merge / import. */
  action: z.string(),
  fromUserId: z.uuid().nullable(),
  toUserId: z.uuid().nullable(),
  fromPoolId: z.uuid().nullable(),
  toPoolId: z.uuid().nullable(),
  cause: z.string().nullable(),
});

/**
 * One entry of a customer's activity history. A discriminated union on `type`, so later kinds (touchpoints,
 * deals) join as new members without changing the existing ones; clients should skip types they do
 * not know.
 */
export const ActivityItem = z.discriminatedUnion('type', [FollowUpItem, TierChangeItem, PoolMoveItem]);
export type ActivityItem = z.infer<typeof ActivityItem>;
export type ActivityItemType = ActivityItem['type'];

export const ActivityPage = z.object({ items: z.array(ActivityItem), nextCursor: z.string().nullable() });
export type ActivityPage = z.infer<typeof ActivityPage>;

/** The error codes of follow-ups, as the API answers them (`code` of a problem); the web app compares against these. */
export const FOLLOW_UP_ERRORS = {
  invalid: 'crm.follow_up.invalid',
  inPool: 'crm.follow_up.in_pool',
} as const;

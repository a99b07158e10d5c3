/** Request and response shapes of pools, ownership moves, the pool log and recall: the public contract. */
import { z } from 'zod';
import { IntentTier } from '../settings/crm-settings.contract.js';

/** What happened to a customer in one move; `recall_warning` moves nothing but is logged like a move. */
export const POOL_MOVE_ACTIONS = [
  'create',
  'claim',
  'assign',
  'transfer',
  'release',
  'recall',
  'recall_warning',
  'merge',
  'import',
] as const;
export const PoolMoveAction = z.enum(POOL_MOVE_ACTIONS);
export type PoolMoveAction = z.infer<typeof PoolMoveAction>;

/** A public pool (公海) with how many customers sit in it now. */
export const Pool = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Customers of this region go to this pool when released or recalled; null for none. */
  region: z.string().nullable(),
  /** Where customers go when no pool has their region. */
  isDefault: z.boolean(),
  customerCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Pool = z.infer<typeof Pool>;

export const PoolList = z.object({ items: z.array(Pool) });
export type PoolList = z.infer<typeof PoolList>;

const poolName = z.string().trim().min(1, 'required').max(60);
const poolRegion = z.string().trim().min(1).max(100);

export const CreatePoolInput = z.object({
  name: poolName,
  region: poolRegion.optional(),
  /** Makes this the default pool; the previous default stops being one. */
  isDefault: z.boolean().optional(),
});
export type CreatePoolInput = z.infer<typeof CreatePoolInput>;

export const UpdatePoolInput = z
  .object({
    name: poolName.optional(),
    region: poolRegion.nullable().optional(),
    /** `true` makes this the default pool; `false` is refused while it is the default (name another instead). */
    isDefault: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdatePoolInput = z.infer<typeof UpdatePoolInput>;

const reason = z.string().trim().min(1, 'required').max(500);

export const ReleaseInput = z.object({
  /** The pool to release to; by default the pool of the customer's region, else the default pool. */
  poolId: z.uuid().optional(),
  /** Why the customer goes back, kept in the pool log. */
  reason,
});
export type ReleaseInput = z.infer<typeof ReleaseInput>;

export const AssignInput = z.object({
  /** The new owner, a member of the tenant who may work on customers. */
  userId: z.uuid(),
  reason: reason.optional(),
});
export type AssignInput = z.infer<typeof AssignInput>;

export const BulkAssignInput = z.object({
  customerIds: z.array(z.uuid()).min(1).max(500),
  userId: z.uuid(),
  reason: reason.optional(),
});
export type BulkAssignInput = z.infer<typeof BulkAssignInput>;

/** The per-item answer of a bulk assign: each customer either moved or failed with the error it got alone. */
export const BulkAssignResult = z.object({
  moved: z.array(z.object({ id: z.uuid(), action: z.enum(['assign', 'transfer']) })),
  failed: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      message: z.string(),
      /** The refusal's numbers, as the single-customer answer carries them (e.g. `limit`). */
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
export type BulkAssignResult = z.infer<typeof BulkAssignResult>;

/** One entry of a customer's pool log. */
export const PoolMove = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  action: PoolMoveAction,
  fromUserId: z.uuid().nullable(),
  toUserId: z.uuid().nullable(),
  fromPoolId: z.uuid().nullable(),
  toPoolId: z.uuid().nullable(),
  /** Who did it; null for the recall job, imports by API key and the system. */
  actorUserId: z.uuid().nullable(),
  cause: z.string().nullable(),
  at: z.iso.datetime(),
});
export type PoolMove = z.infer<typeof PoolMove>;

export const PoolLog = z.object({ items: z.array(PoolMove) });
export type PoolLog = z.infer<typeof PoolLog>;

/** A customer of the caller that recall will return to a pool soon unless someone follows up. */
export const RecallWarning = z.object({
  customerId: z.uuid(),
  name: z.string(),
  intentTier: IntentTier.nullable(),
  /** When recall takes the customer (it may be past when the job has not run yet). */
  recallAt: z.iso.datetime(),
  /** When the owner was warned; null while the warning job has not reached the customer. */
  warnedAt: z.iso.datetime().nullable(),
});
export type RecallWarning = z.infer<typeof RecallWarning>;

export const RecallWarningList = z.object({ items: z.array(RecallWarning) });
export type RecallWarningList = z.infer<typeof RecallWarningList>;

export const RunRecallInput = z.object({
  /** Report what would move without moving or warning anyone. */
  dryRun: z.boolean().default(false),
});
export type RunRecallInput = z.infer<typeof RunRecallInput>;

/** What one recall run did (or, in a dry run, would do). */
export const RecallResult = z.object({
  dryRun: z.boolean(),
  recalled: z.array(
    z.object({
      customerId: z.uuid(),
      name: z.string(),
      fromUserId: z.uuid(),
      /** null only in a dry run when the default pool does not exist yet (a real run creates it). */
      toPoolId: z.uuid().nullable(),
      cause: z.string(),
    }),
  ),
  warned: z.array(
    z.object({
      customerId: z.uuid(),
      name: z.string(),
      ownerUserId: z.uuid(),
      recallAt: z.iso.datetime(),
      cause: z.string(),
    }),
  ),
});
export type RecallResult = z.infer<typeof RecallResult>;

/** The error codes of pools and ownership moves, as the API answers them (`code` of a problem); the web app compares against these. */
export const POOL_ERRORS = {
  notFound: 'crm.pool.not_found',
  nameTaken: 'crm.pool.name_taken',
  defaultRequired: 'crm.pool.default_required',
  alreadyClaimed: 'crm.pool.already_claimed',
  alreadyInPool: 'crm.pool.already_in_pool',
  movedMeanwhile: 'crm.pool.moved_meanwhile',
  ownedLimit: 'crm.pool.owned_limit',
  claimLimit: 'crm.pool.claim_limit',
  cooldown: 'crm.pool.cooldown',
  notOwner: 'crm.pool.not_owner',
  noUser: 'crm.pool.no_user',
  assigneeUnknown: 'crm.pool.assignee_unknown',
  assigneeCannotOwn: 'crm.pool.assignee_cannot_own',
  sameOwner: 'crm.pool.same_owner',
} as const;

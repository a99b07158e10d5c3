/** The account lifecycle (客户生命周期): stages, request and response shapes, error codes. */
import { z } from 'zod';

/** The stages in order: first contact, POC, in use, expansion / referral. */
export const LIFECYCLE_STAGES = ['first_contact', 'poc', 'in_use', 'expansion'] as const;
export const LifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

/** What moved a stage: a deal event or a person by hand. */
export const LIFECYCLE_SOURCES = ['deal', 'manual'] as const;
export type LifecycleSource = (typeof LIFECYCLE_SOURCES)[number];

/** Error codes of the lifecycle. */
export const LIFECYCLE_ERRORS = {
  inPool: 'crm.lifecycle.in_pool',
} as const;

/** A move by hand: to any stage, with an optional note saying why. */
export const MoveLifecycleInput = z.object({
  stage: LifecycleStage,
  note: z.string().trim().max(2000).optional(),
});
export type MoveLifecycleInput = z.infer<typeof MoveLifecycleInput>;

export const LifecycleChange = z.object({
  id: z.uuid(),
  /** Null for the customer's first stage. */
  fromStage: LifecycleStage.nullable(),
  toStage: LifecycleStage,
  source: z.enum(LIFECYCLE_SOURCES),
  /** The deal whose event moved it, when `source` is `deal`. */
  dealId: z.uuid().nullable(),
  /** Who moved it (or changed the deal); null for API keys. */
  actorUserId: z.uuid().nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
});
export type LifecycleChange = z.infer<typeof LifecycleChange>;

/** A customer's stage (null: none yet) and its moves, newest first. */
export const Lifecycle = z.object({
  customerId: z.uuid(),
  stage: LifecycleStage.nullable(),
  history: z.array(LifecycleChange),
});
export type Lifecycle = z.infer<typeof Lifecycle>;

/**
 * A deal change the lifecycle follows: a deal created, entering an open stage, or won. `stage` is the
 * stage the deal stands in afterwards; `wonDeals` how many of the customer's deals are won now.
 */
export type LifecycleDealEvent = {
  customerId: string;
  dealId: string;
  kind: 'created' | 'stage_entered' | 'won';
  stage: { key: string; name: string };
  wonDeals: number;
};

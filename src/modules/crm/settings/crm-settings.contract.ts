/** A tenant's CRM rules: value tiers, tier rules, pools and recall, duplicate policy, custom fields. */
import { z } from 'zod';

export const INTENT_TIERS = ['A', 'B', 'C', 'D'] as const;
export const IntentTier = z.enum(INTENT_TIERS);
export type IntentTier = z.infer<typeof IntentTier>;

export const SATISFACTION_TIERS = ['A', 'B', 'C'] as const;
export const SatisfactionTier = z.enum(SATISFACTION_TIERS);
export type SatisfactionTier = z.infer<typeof SatisfactionTier>;

/** The facts a tier rule can test. */
export const TierCondition = z.discriminatedUnion('fact', [
  z.object({ fact: z.literal('budget'), is: z.enum(['unknown', 'confirmed', 'over_budget', 'none']) }),
  z.object({ fact: z.literal('need'), is: z.enum(['unknown', 'recorded', 'latent', 'none']) }),
  z.object({ fact: z.literal('decisionMakerKnown'), is: z.boolean() }),
  z.object({ fact: z.literal('openObjection'), is: z.boolean() }),
  z.object({ fact: z.literal('refused'), is: z.boolean() }),
  /** Days since the last follow-up, or since creation when there was none. */
  z.object({ fact: z.literal('daysSinceContact'), atLeast: z.number().int().min(0) }),
]);
export type TierCondition = z.infer<typeof TierCondition>;

/** Suggest `tier` when every condition holds; rules are tried in order and the first match wins. */
export const TierRule = z.object({
  tier: IntentTier,
  when: z.array(TierCondition).min(1),
});
export type TierRule = z.infer<typeof TierRule>;

/** The rules a new tenant starts with, in the order of MISSION 2.1. */
export const DEFAULT_TIER_RULES: TierRule[] = [
  { tier: 'D', when: [{ fact: 'refused', is: true }] },
  { tier: 'D', when: [{ fact: 'daysSinceContact', atLeast: 90 }] },
  { tier: 'D', when: [{ fact: 'need', is: 'none' }] },
  // An open objection means hesitation even when budget and decision maker are known.
  { tier: 'B', when: [{ fact: 'openObjection', is: true }] },
  {
    tier: 'A',
    when: [
      { fact: 'budget', is: 'confirmed' },
      { fact: 'decisionMakerKnown', is: true },
    ],
  },
  { tier: 'B', when: [{ fact: 'budget', is: 'over_budget' }] },
  { tier: 'B', when: [{ fact: 'need', is: 'recorded' }] },
  { tier: 'C', when: [{ fact: 'need', is: 'latent' }] },
  { tier: 'C', when: [{ fact: 'need', is: 'unknown' }] },
];

const days = z.number().int().min(1).max(3650);

/** Recall waiting times per intent tier; null means customers of that tier are never recalled. */
export const RecallDays = z.object({
  A: days.nullable().default(30),
  B: days.nullable().default(21),
  C: days.nullable().default(15),
  D: days.nullable().default(10),
  unset: days.nullable().default(10),
});

export const PoolRules = z.object({
  /** Most customers one user may own; null for no limit. */
  maxOwnedPerUser: z.number().int().min(1).nullable().default(200),
  /** Most claims from pools per user per day; null for no limit. */
  claimsPerDay: z.number().int().min(1).nullable().default(20),
  /** Days a previous owner must wait before claiming back a customer they released or lost. */
  reclaimCooldownDays: z.number().int().min(0).default(7),
  recallDays: RecallDays.prefault({}),
  /** Which customers recall leaves alone. */
  recallExempt: z
    .object({
      locked: z.boolean().default(true),
      openDeal: z.boolean().default(true),
      won: z.boolean().default(true),
    })
    .prefault({}),
  /** Warn the owner this many days before recall; 0 for no warning. */
  recallWarningDays: z.number().int().min(0).max(365).default(3),
});
export type PoolRules = z.infer<typeof PoolRules>;

/** A change of some pool rules; what it leaves out keeps its stored value. */
export const PoolRulesPatch = z.object({
  maxOwnedPerUser: z.number().int().min(1).nullable().optional(),
  claimsPerDay: z.number().int().min(1).nullable().optional(),
  reclaimCooldownDays: z.number().int().min(0).optional(),
  recallDays: z
    .object({
      A: days.nullable().optional(),
      B: days.nullable().optional(),
      C: days.nullable().optional(),
      D: days.nullable().optional(),
      unset: days.nullable().optional(),
    })
    .optional(),
  recallExempt: z
    .object({ locked: z.boolean().optional(), openDeal: z.boolean().optional(), won: z.boolean().optional() })
    .optional(),
  recallWarningDays: z.number().int().min(0).max(365).optional(),
});
export type PoolRulesPatch = z.infer<typeof PoolRulesPatch>;

export const ValueTierDef = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _'),
  label: z.string().trim().min(1).max(50),
});

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'boolean', 'date', 'select'] as const;

export const CustomFieldDef = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'starts with a lower-case letter; letters, digits and _'),
  label: z.string().trim().min(1).max(60),
  type: z.enum(CUSTOM_FIELD_TYPES),
  /** The choices of a `select` field. */
  options: z.array(z.string().trim().min(1).max(60)).max(100).optional(),
  /** Kinds of customer the field applies to; all when absent. */
  kinds: z.array(z.enum(['business', 'consumer', 'government'])).optional(),
});
export type CustomFieldDef = z.infer<typeof CustomFieldDef>;

export const DuplicatePolicy = z.enum(['block', 'warn']);

const ValueTierList = z.array(ValueTierDef).min(1).max(20);

export const CrmSettings = z.object({
  valueTiers: ValueTierList.default([
    { code: 'svip', label: 'SVIP' },
    { code: 'vip', label: 'VIP' },
    { code: 'standard', label: 'Standard' },
  ]),
  tierRules: z.array(TierRule).max(100).default(DEFAULT_TIER_RULES),
  pools: PoolRules.prefault({}),
  /** What a likely duplicate does at each entry point: refuse (409) or create and warn. */
  duplicatePolicy: z
    .object({ create: DuplicatePolicy.default('block'), import: DuplicatePolicy.default('block') })
    .prefault({}),
  customFields: z.array(CustomFieldDef).max(100).default([]),
});
export type CrmSettings = z.infer<typeof CrmSettings>;

/** A partial update: lists replace the stored ones; pool rules and the duplicate policy change field by field. */
export const UpdateCrmSettingsInput = z.object({
  // Not the defaulted shape: a missing section must stay missing, not turn into the defaults.
  valueTiers: ValueTierList.optional(),
  tierRules: z.array(TierRule).max(100).optional(),
  pools: PoolRulesPatch.optional(),
  duplicatePolicy: z
    .object({ create: DuplicatePolicy.optional(), import: DuplicatePolicy.optional() })
    .optional(),
  customFields: z.array(CustomFieldDef).max(100).optional(),
});
export type UpdateCrmSettingsInput = z.infer<typeof UpdateCrmSettingsInput>;

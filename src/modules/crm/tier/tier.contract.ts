/** Request and response shapes of tiers: the customer's four tiers, rule suggestions and the history. */
import { z } from 'zod';
import { type BUDGET_STATES, type NEED_STATES, TierDimension } from '../customer/customer.contract.js';
import { IntentTier, type TierCondition, ValueTierDef } from '../settings/crm-settings.contract.js';

/**
 * The four ways a customer is classified: intent A–D, satisfaction A–C, value (tenant's list), persona.
 * They name the customer's tier columns, so the customer feature defines them.
 */
export { TIER_DIMENSIONS, TierDimension } from '../customer/customer.contract.js';

/** How a tier came to be: set by hand, a rule's suggestion accepted by a person, an import, a merge. */
export const TIER_SOURCES = ['manual', 'suggested', 'import', 'merge'] as const;
export const TierSource = z.enum(TIER_SOURCES);
export type TierSource = z.infer<typeof TierSource>;

/** The fact keys a rule condition tests, e.g. `budget` or `daysSinceContact`. */
export type TierFact = TierCondition['fact'];

/** What the tier rules read about a customer. */
export type TierFacts = {
  budget: (typeof BUDGET_STATES)[number];
  need: (typeof NEED_STATES)[number];
  decisionMakerKnown: boolean;
  /** True when the customer's objection column is not empty. */
  openObjection: boolean;
  refused: boolean;
  /** Whole days since the later of the last follow-up and creation. */
  daysSinceContact: number;
  /** The objection's text, only to explain a suggestion. */
  objection?: string | null;
};

/** Why a rule matched: one entry per condition of the rule, with the observed value for translation. */
export const TierReason = z.object({
  fact: z.enum(['budget', 'need', 'decisionMakerKnown', 'openObjection', 'refused', 'daysSinceContact']),
  /** What the customer's data says: a budget or need state, a boolean, or a number of days. */
  value: z.union([z.string(), z.boolean(), z.number()]),
  /** For `daysSinceContact`: the rule's threshold. */
  atLeast: z.number().int().optional(),
  /** For `openObjection`: the objection's text. */
  note: z.string().optional(),
  /** The reason in English, e.g. `no contact for 95 days (≥ 90)`. */
  text: z.string(),
});
export type TierReason = z.infer<typeof TierReason>;

/** A rule's suggestion for the intent tier, and whether it differs from the tier the customer has. */
export const TierSuggestion = z.object({
  tier: IntentTier,
  reasons: z.array(TierReason),
  differsFromCurrent: z.boolean(),
});
export type TierSuggestion = z.infer<typeof TierSuggestion>;

/** A customer's tiers with the rules' suggestion and the tenant's value tiers to choose from. */
export const CustomerTiers = z.object({
  intent: IntentTier.nullable(),
  satisfaction: z.enum(['A', 'B', 'C']).nullable(),
  value: z.string().nullable(),
  persona: z.string().nullable(),
  suggestion: TierSuggestion.nullable(),
  valueTiers: z.array(ValueTierDef),
});
export type CustomerTiers = z.infer<typeof CustomerTiers>;

/**
 * A change of one tier. By hand: `tier` (null to unset) and a `reason`. Accepting the suggestion:
 * `acceptSuggestion: true` on the intent dimension, with the tier the client showed as `expectedTier`
 * (or `tier`) so a suggestion that changed meanwhile answers 409 instead of a surprise.
 */
export const ChangeTierInput = z.object({
  dimension: TierDimension,
  tier: z.string().trim().min(1).max(32).nullable().optional(),
  reason: z.string().trim().max(500).optional(),
  acceptSuggestion: z.literal(true).optional(),
  expectedTier: IntentTier.optional(),
});
export type ChangeTierInput = z.infer<typeof ChangeTierInput>;

/** One entry of the tier history. */
export const TierChange = z.object({
  id: z.uuid(),
  dimension: TierDimension,
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: TierSource,
  /** Why: the person's reason, or the suggestion's reasons. */
  reason: z.string(),
  /** Who: null for the system and API keys. */
  userId: z.uuid().nullable(),
  at: z.iso.datetime(),
});
export type TierChange = z.infer<typeof TierChange>;

export const TierHistoryQuery = z.object({ dimension: TierDimension.optional() });
export type TierHistoryQuery = z.infer<typeof TierHistoryQuery>;

/** The tier history, newest first. */
export const TierHistory = z.object({ items: z.array(TierChange) });
export type TierHistory = z.infer<typeof TierHistory>;

export const TierSuggestionsInput = z.object({
  customerIds: z.array(z.uuid()).min(1).max(500),
});
export type TierSuggestionsInput = z.infer<typeof TierSuggestionsInput>;

/** Suggestions for many customers: one item per visible customer, the others listed as not found. */
export const TierSuggestionBatch = z.object({
  items: z.array(
    z.object({ customerId: z.uuid(), intent: IntentTier.nullable(), suggestion: TierSuggestion.nullable() }),
  ),
  notFound: z.array(z.uuid()),
});
export type TierSuggestionBatch = z.infer<typeof TierSuggestionBatch>;

/** The error codes of tiers, as the API answers them (`code` of a problem); the web app compares against these. */
export const TIER_ERRORS = {
  invalid: 'crm.tier.invalid',
  suggestionChanged: 'crm.tier.suggestion_changed',
  inPool: 'crm.tier.in_pool',
} as const;

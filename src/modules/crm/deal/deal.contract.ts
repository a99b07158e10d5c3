/** Deals (商机): request and response shapes, outcomes and error codes. */
import { z } from 'zod';
import { CommitteeRole, Stance } from '../contact/contact.contract.js';
import { WIN_FEATURES } from './win-probability.js';

export const DEAL_OUTCOMES = ['open', 'won', 'lost', 'invalid'] as const;
export const DealOutcome = z.enum(DEAL_OUTCOMES);
export type DealOutcome = z.infer<typeof DealOutcome>;

/** A deal line as written: the customer's price applies unless `unitPrice` is given. */
export const DealLineInput = z.object({
  productId: z.uuid(),
  quantity: z.number().positive().max(1e9),
  /** Minor units; the customer's price (kind and value tier, else the list price) when left out. */
  unitPrice: z.number().int().min(0).max(1e13).optional(),
  discountPercent: z.number().min(0).max(100).optional(),
  /** 0..1; the product's tax rate when left out. */
  taxRate: z.number().min(0).max(1).optional(),
});
export type DealLineInput = z.infer<typeof DealLineInput>;

const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, 'a three-letter currency code')
  .transform((c) => c.toUpperCase());

/** A new deal; its amount is the lines' total when it has lines, else `amount` (0 when left out). */
export const CreateDealInput = z.object({
  customerId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  /** The customer kind's default pipeline when left out. */
  pipelineId: z.uuid().optional(),
  /** An open stage of the pipeline; its first when left out. */
  stageId: z.uuid().optional(),
  lines: z.array(DealLineInput).max(200).optional(),
  amount: z.number().int().min(0).max(1e15).optional(),
  currency: currency.optional(),
  expectedCloseDate: z.iso.date().optional(),
  /** Defaults to the creating user. */
  ownerUserId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});
export type CreateDealInput = z.infer<typeof CreateDealInput>;

/** Edits a deal; `lines` replaces all lines (and the amount follows them). */
export const UpdateDealInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    lines: z.array(DealLineInput).max(200).optional(),
    amount: z.number().int().min(0).max(1e15).optional(),
    expectedCloseDate: z.iso.date().nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to update');
export type UpdateDealInput = z.infer<typeof UpdateDealInput>;

export const DealLine = z.object({
  lineNo: z.number().int(),
  productId: z.uuid(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  discountPercent: z.number(),
  taxRate: z.number(),
  /** quantity × unit price less the discount, in minor units. */
  net: z.number().int(),
  tax: z.number().int(),
});
export type DealLine = z.infer<typeof DealLine>;

/** A fact that moved the learned probability, with the closed deals behind it. */
export const WinReason = z.object({
  feature: z.enum(WIN_FEATURES),
  /** The fact's value as stored (a stage's id) and as shown (the stage's name). */
  value: z.string(),
  label: z.string(),
  /** Its log-likelihood ratio: above 0 it raised the probability, below 0 it lowered it. */
  weight: z.number(),
  /** Of the closed deals' entries with this fact, how many won, of how many. */
  won: z.number().int(),
  closed: z.number().int(),
  /** The same in one English sentence. */
  text: z.string(),
});

export const DealProbability = z.object({
  /** The stage's default probability (1 once won, 0 once lost or invalid). */
  manual: z.number(),
  /** The learned model's estimate; null for a closed deal or while there is too little history. */
  automated: z.number().nullable(),
  /** The explanation in sentences: what raised it most, then what lowered it most. */
  reasons: z.array(z.string()),
  explanation: z.object({
    /** `ok`, `too_little_history` (fewer closed deals than `needed`) or `closed` (the deal is). */
    status: z.enum(['ok', 'too_little_history', 'closed']),
    closedDeals: z.number().int(),
    needed: z.number().int(),
    raised: z.array(WinReason),
    lowered: z.array(WinReason),
  }),
});
export type DealProbability = z.infer<typeof DealProbability>;

/** Where the tenant's learned model stands. */
export const WinModelStatus = z.object({
  closedDeals: z.number().int(),
  /** Stage entries of closed deals it learnt from. */
  examples: z.number().int(),
  /** Closed deals it needs before it estimates. */
  needed: z.number().int(),
  ready: z.boolean(),
  trainedAt: z.iso.datetime().nullable(),
  trainingMs: z.number().int().nullable(),
});
export type WinModelStatus = z.infer<typeof WinModelStatus>;

export const Deal = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  /** When the deal entered its current stage (its latest stage entry). */
  stageEnteredAt: z.iso.datetime(),
  outcome: DealOutcome,
  /** Minor units, before tax: the lines' net total, or as entered when there are no lines. */
  amount: z.number().int(),
  tax: z.number().int(),
  currency: z.string(),
  expectedCloseDate: z.iso.date().nullable(),
  ownerUserId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  lostReason: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  leadId: z.uuid().nullable(),
  source: z.string().nullable(),
  lines: z.array(DealLine),
  probability: DealProbability,
  /** The warehouse orders of a won deal and where they stand. */
  orders: z.array(z.object({ id: z.uuid(), status: z.string() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Deal = z.infer<typeof Deal>;

export const DealQuery = z.object({
  ownerUserId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  outcome: DealOutcome.optional(),
  /** The `nextCursor` of the previous page. */
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DealQuery = z.infer<typeof DealQuery>;

export const DealPage = z.object({ items: z.array(Deal), nextCursor: z.string().nullable() });
export type DealPage = z.infer<typeof DealPage>;

export const MoveStageInput = z.object({ stageId: z.uuid() });
export const LoseDealInput = z.object({ reason: z.string().trim().min(1).max(500) });
export const InvalidateDealInput = z.object({ reason: z.string().trim().min(1).max(500).optional() });
export const ReopenDealInput = z.object({
  /** Cancel the won deal's warehouse order when it has not shipped. */
  cancelOrder: z.boolean().default(false),
});
export type ReopenDealInput = z.infer<typeof ReopenDealInput>;

/** One stage or outcome change of a deal. */
export const DealStageChange = z.object({
  id: z.uuid(),
  fromStageId: z.uuid().nullable(),
  toStageId: z.uuid(),
  fromOutcome: DealOutcome.nullable(),
  toOutcome: DealOutcome,
  userId: z.uuid().nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
});
export type DealStageChange = z.infer<typeof DealStageChange>;
export const DealHistory = z.object({ items: z.array(DealStageChange) });
export type DealHistory = z.infer<typeof DealHistory>;

/** Error codes of deals. */
export const DEAL_ERRORS = {
  notFound: 'crm.deal.not_found',
  invalid: 'crm.deal.invalid',
  invalidTransition: 'crm.deal.invalid_transition',
  noWarehouse: 'crm.deal.no_warehouse',
} as const;

/** A person on the deal's buying committee: their roles in this deal, department and stance. */
export const DealParticipant = z.object({
  personId: z.uuid(),
  roles: z.array(CommitteeRole),
  department: z.string().nullable(),
  stance: Stance,
  updatedAt: z.iso.datetime(),
});
export type DealParticipant = z.infer<typeof DealParticipant>;
export const DealParticipantList = z.object({ items: z.array(DealParticipant) });
export type DealParticipantList = z.infer<typeof DealParticipantList>;

/** Adds a person to the deal or changes their part in it. */
export const SetParticipantInput = z.object({
  roles: z.array(CommitteeRole).min(1).max(5),
  department: z.string().trim().min(1).max(100).nullable().optional(),
  stance: Stance.default('neutral'),
});
export type SetParticipantInput = z.infer<typeof SetParticipantInput>;

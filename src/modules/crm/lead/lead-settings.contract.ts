/** The tenant's lead settings: disqualify reasons and how new leads without an owner are assigned. */
import { z } from 'zod';
import { CustomerKind } from '../customer/customer.contract.js';

const ReasonCode = z.string().trim().min(1).max(50);

/** A rule sends the leads it matches (every given condition holds) to its users. */
export const AssignmentRule = z.object({
  kind: CustomerKind.optional(),
  region: z.string().trim().min(1).max(100).optional(),
  productId: z.uuid().optional(),
  userIds: z.array(z.uuid()).min(1).max(100),
});
export type AssignmentRule = z.infer<typeof AssignmentRule>;

/**
 * `off`: leads without an owner stay unassigned. `round_robin`: they go in turn to `userIds`.
 * `rules`: the first matching rule names the users to take turns; no match falls back to `userIds`.
 * Nobody gets more than `dailyCap` leads a day (UTC); when all are full the lead stays unassigned.
 */
export const LeadAssignment = z.object({
  mode: z.enum(['off', 'round_robin', 'rules']),
  userIds: z.array(z.uuid()).max(100),
  dailyCap: z.number().int().min(1).max(10_000).nullable(),
  rules: z.array(AssignmentRule).max(100),
});
export type LeadAssignment = z.infer<typeof LeadAssignment>;

export const LeadSettings = z.object({
  /** The reasons a lead may be disqualified for (codes; the web app shows them as written). */
  disqualifyReasons: z.array(ReasonCode).min(1).max(50),
  assignment: LeadAssignment,
});
export type LeadSettings = z.infer<typeof LeadSettings>;

export const DEFAULT_LEAD_SETTINGS: LeadSettings = {
  disqualifyReasons: ['no_budget', 'no_need', 'no_response', 'competitor', 'duplicate', 'other'],
  assignment: { mode: 'off', userIds: [], dailyCap: null, rules: [] },
};

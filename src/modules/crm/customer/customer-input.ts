/** The columns and first history entries of a new customer, worked out from a create input. */
import type { Actor } from '../../../platform/auth/actor.js';
import type { CreateCustomerInput } from './customer.contract.js';
import type { NewTierChange } from './tier-history.repository.js';

/** The profile columns of a create input (everything but kind, tiers, owner and pool). */
export function profileOf(input: CreateCustomerInput) {
  return {
    name: input.name,
    phone: input.phone ?? null,
    email: input.email ?? null,
    wechatId: input.wechatId ?? null,
    region: input.region ?? null,
    industry: input.industry ?? null,
    size: input.size ?? null,
    parentId: input.parentId ?? null,
    uscc: input.uscc ?? null,
    agencyLevel: input.agencyLevel ?? null,
    procurementMode: input.procurementMode ?? null,
    motive: input.motive ?? null,
    budget: input.budget ?? 'unknown',
    need: input.need ?? 'unknown',
    objection: input.objection ?? null,
    refused: input.refused ?? false,
    locked: input.locked ?? false,
    dealState: 'none',
    source: input.source ?? null,
    tags: input.tags ?? [],
    externalId: input.externalId ?? null,
    customFields: input.customFields ?? {},
  };
}

/** Tiers given at creation, as history entries. */
export function initialTiers(
  input: CreateCustomerInput,
  customerId: string,
  actor: Actor,
  at: Date,
): NewTierChange[] {
  const given = [
    ['intent', input.intentTier],
    ['satisfaction', input.satisfactionTier],
    ['value', input.valueTier],
    ['persona', input.persona],
  ] as const;
  return given
    .filter(([, tier]) => tier !== undefined)
    .map(([dimension, tier]) => ({
      customerId,
      dimension,
      fromTier: null,
      toTier: tier!,
      source: 'manual',
      reason: 'set when the customer was created',
      changedByUserId: actor.userId,
      changedAt: at,
    }));
}

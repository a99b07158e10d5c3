/**
 * Tier use cases: read a customer's tiers with the rules' suggestion, accept it or set a tier by hand
 * (each change kept with from, to, who, when, why), read the history, and suggest for many at once.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { FieldIssue } from '../../../platform/errors.js';
import { publishDomainEvent } from '../../../platform/events/domain-event.js';
import type { CrmDeps } from '../crm-deps.js';
import { SERVICE_PERSONAS } from '../customer/customer.contract.js';
import type { CustomerRow } from '../customer/customer-record.service.js';
import * as tiers from '../customer/customer-tier.service.js';
import { getCustomerRow } from '../customer/customer.service.js';
import {
  INTENT_TIERS,
  SATISFACTION_TIERS,
  type CrmSettings,
  type IntentTier,
} from '../settings/crm-settings.contract.js';
import { findDecisionMakerKnown } from '../contact/committee.service.js';
import { getCrmSettings } from '../settings/crm-settings.service.js';
import type {
  ChangeTierInput,
  CustomerTiers,
  TierChange,
  TierDimension,
  TierHistory,
  TierHistoryQuery,
  TierSource,
  TierSuggestion,
  TierSuggestionBatch,
} from './tier.contract.js';
import { suggestionChanged, tierInPool, tierInvalid } from './tier.errors.js';
import { explainSuggestion, factsOf, suggestIntentTier } from './tier-rules.js';

/** The rules' suggestion for a customer row, marked when it differs from the tier it has. */
function suggestionFor(
  row: tiers.TierFactRow,
  decisionMakerKnown: boolean,
  settings: CrmSettings,
  now: Date,
): TierSuggestion | null {
  const suggestion = suggestIntentTier(factsOf(row, decisionMakerKnown, now), settings.tierRules);
  return suggestion && { ...suggestion, differsFromCurrent: suggestion.tier !== row.intentTier };
}

/** The suggestion for one customer the caller has loaded already. */
async function suggestionOf(
  deps: CrmDeps,
  row: CustomerRow,
  settings: CrmSettings,
): Promise<TierSuggestion | null> {
  const decisionMakerKnown = (await findDecisionMakerKnown(deps.db, row.tenantId, [row.id])).has(row.id);
  return suggestionFor(row, decisionMakerKnown, settings, deps.clock.now());
}

/** The tiers of a customer as the API shows them. */
function tiersOf(row: CustomerRow, suggestion: TierSuggestion | null, settings: CrmSettings): CustomerTiers {
  return {
    intent: row.intentTier as CustomerTiers['intent'],
    satisfaction: row.satisfactionTier as CustomerTiers['satisfaction'],
    value: row.valueTier,
    persona: row.persona,
    suggestion,
    valueTiers: settings.valueTiers,
  };
}

/** A customer's four tiers, the rules' suggestion for the intent tier, and the tenant's value tiers. */
export async function getCustomerTiers(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
): Promise<CustomerTiers> {
  const row = await getCustomerRow(deps, actor, customerId);
  const settings = await getCrmSettings(deps.db, actor.tenantId);
  return tiersOf(row, await suggestionOf(deps, row, settings), settings);
}

/** Problems with the tier a person chose for a dimension: values outside the dimension's list. */
function checkTier(dimension: TierDimension, tier: string | null, settings: CrmSettings): FieldIssue[] {
  if (tier === null) return [];
  const allowed: Record<TierDimension, readonly string[]> = {
    intent: INTENT_TIERS,
    satisfaction: SATISFACTION_TIERS,
    value: settings.valueTiers.map((valueTier) => valueTier.code),
    persona: SERVICE_PERSONAS,
  };
  return allowed[dimension].includes(tier)
    ? []
    : [{ path: 'tier', message: `not a ${dimension} tier: use one of ${allowed[dimension].join(', ')}` }];
}

/** What a change request resolves to: the new tier, its source and why. */
type ResolvedChange = { tier: string | null; source: TierSource; reason: string };

/** The current suggestion, when it is the one the client accepted. */
async function resolveAccepted(
  deps: CrmDeps,
  row: CustomerRow,
  input: ChangeTierInput,
  settings: CrmSettings,
): Promise<ResolvedChange> {
  if (input.dimension !== 'intent') {
    throw tierInvalid([{ path: 'dimension', message: 'only the intent tier has suggestions' }]);
  }
  const expected = input.expectedTier ?? input.tier ?? undefined;
  const suggestion = await suggestionOf(deps, row, settings);
  if (!suggestion || (expected !== undefined && expected !== suggestion.tier)) {
    throw suggestionChanged(expected, suggestion);
  }
  return { tier: suggestion.tier, source: 'suggested', reason: explainSuggestion(suggestion) };
}

/** A tier set by hand: a valid tier (or null) and a reason. */
function resolveManual(input: ChangeTierInput, settings: CrmSettings): ResolvedChange {
  const issues: FieldIssue[] = [];
  if (input.tier === undefined)
    issues.push({ path: 'tier', message: 'required: a tier, or null to unset it' });
  issues.push(...checkTier(input.dimension, input.tier ?? null, settings));
  const reason = input.reason?.trim() ?? '';
  if (!reason) issues.push({ path: 'reason', message: 'required: say why the tier changes' });
  if (issues.length) throw tierInvalid(issues);
  return { tier: input.tier ?? null, source: 'manual', reason };
}

/**
 * Changes one tier: accepts the rules' current suggestion for the intent tier, or sets any tier by hand
 * with a reason. An unchanged tier is a no-op (nothing recorded); an intent tier change publishes
 * `crm.tier.changed`. Pool customers keep their tiers until claimed, except for scope `all`.
 */
export async function changeCustomerTier(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  input: ChangeTierInput,
): Promise<CustomerTiers> {
  requirePermission(actor, 'customers.write');
  const row = await getCustomerRow(deps, actor, customerId);
  if (row.poolId && actor.scope !== 'all') throw tierInPool(customerId);
  const settings = await getCrmSettings(deps.db, actor.tenantId);
  const change = input.acceptSuggestion
    ? await resolveAccepted(deps, row, input, settings)
    : resolveManual(input, settings);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const current = await tiers.lockCustomerTiers(tx, actor.tenantId, customerId);
    const from = current ? tiers.tierOf(current, input.dimension) : change.tier;
    if (from === change.tier) return;
    await tiers.setCustomerTier(
      tx,
      actor.tenantId,
      { id: customerId, dimension: input.dimension, tier: change.tier },
      now,
    );
    await tiers.recordTierChanges(tx, actor.tenantId, [
      {
        customerId,
        dimension: input.dimension,
        fromTier: from,
        toTier: change.tier,
        source: change.source,
        reason: change.reason,
        changedByUserId: actor.userId,
        changedAt: now,
      },
    ]);
    if (input.dimension !== 'intent') return;
    await publishDomainEvent(tx, {
      tenantId: actor.tenantId,
      type: 'crm.tier.changed',
      occurredAt: now,
      customerId,
      actorUserId: actor.userId,
      payload: { dimension: 'intent', from, to: change.tier, source: change.source, reason: change.reason },
    });
  });
  return getCustomerTiers(deps, actor, customerId);
}

/** A customer's tier changes, newest first, optionally of one dimension. */
export async function listTierHistory(
  deps: CrmDeps,
  actor: Actor,
  customerId: string,
  query: TierHistoryQuery,
): Promise<TierHistory> {
  await getCustomerRow(deps, actor, customerId);
  const rows = await tiers.listTierChanges(deps.db, actor.tenantId, customerId);
  const items: TierChange[] = rows
    .filter((row) => !query.dimension || row.dimension === query.dimension)
    .reverse()
    .map((row) => ({
      id: row.id,
      dimension: row.dimension as TierDimension,
      from: row.fromTier,
      to: row.toTier,
      source: row.source as TierSource,
      reason: row.reason,
      userId: row.changedByUserId,
      at: row.changedAt.toISOString(),
    }));
  return { items };
}

/** Suggestions for many customers (one query for facts, one for decision makers); unseen ids are listed apart. */
export async function suggestTiers(
  deps: CrmDeps,
  actor: Actor,
  customerIds: string[],
): Promise<TierSuggestionBatch> {
  requirePermission(actor, 'customers.read');
  const ids = [...new Set(customerIds)];
  const rows = await tiers.listVisibleTierFacts(deps.db, actor, ids);
  const withDecisionMaker = await findDecisionMakerKnown(
    deps.db,
    actor.tenantId,
    rows.map((row) => row.id),
  );
  const settings = await getCrmSettings(deps.db, actor.tenantId);
  const now = deps.clock.now();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const suggestion = suggestionFor(row, withDecisionMaker.has(id), settings, now);
      return [{ customerId: id, intent: row.intentTier as IntentTier | null, suggestion }];
    }),
    notFound: ids.filter((id) => !byId.has(id)),
  };
}

/**
 * The tenant's tier rules, evaluated: pure functions from a customer's facts to a suggested intent
 * tier and the reasons for it. No database, no clock: the service gathers the facts.
 */
import type { IntentTier, TierCondition, TierRule } from '../settings/crm-settings.contract.js';
import type { TierFacts, TierReason } from './tier.contract.js';
import { DAY_MS } from '../../../platform/clock.js';

/** The suggested intent tier and one reason per condition of the rule that matched. */
export type IntentSuggestion = { tier: IntentTier; reasons: TierReason[] };

/** True when the customer's facts satisfy one condition of a rule. */
export function holdsFor(condition: TierCondition, facts: TierFacts): boolean {
  switch (condition.fact) {
    case 'daysSinceContact':
      return facts.daysSinceContact >= condition.atLeast;
    default:
      return facts[condition.fact] === condition.is;
  }
}

const budgetTexts: Record<TierFacts['budget'], string> = {
  confirmed: 'budget confirmed',
  over_budget: 'over budget',
  none: 'no budget',
  unknown: 'budget unknown',
};

const needTexts: Record<TierFacts['need'], string> = {
  recorded: 'need recorded',
  latent: 'latent need',
  none: 'no need',
  unknown: 'no need recorded',
};

/** The reason a holding condition gives, in English, with the observed value for translation. */
export function reasonFor(condition: TierCondition, facts: TierFacts): TierReason {
  switch (condition.fact) {
    case 'budget':
      return { fact: 'budget', value: facts.budget, text: budgetTexts[facts.budget] };
    case 'need':
      return { fact: 'need', value: facts.need, text: needTexts[facts.need] };
    case 'decisionMakerKnown':
      return {
        fact: 'decisionMakerKnown',
        value: facts.decisionMakerKnown,
        text: facts.decisionMakerKnown ? 'decision maker known' : 'decision maker unknown',
      };
    case 'openObjection': {
      const note = facts.objection?.trim();
      if (!facts.openObjection) return { fact: 'openObjection', value: false, text: 'no open objection' };
      return note
        ? { fact: 'openObjection', value: true, note, text: `open objection: ${note}` }
        : { fact: 'openObjection', value: true, text: 'open objection' };
    }
    case 'refused':
      return { fact: 'refused', value: facts.refused, text: facts.refused ? 'refused' : 'not refused' };
    case 'daysSinceContact':
      return {
        fact: 'daysSinceContact',
        value: facts.daysSinceContact,
        atLeast: condition.atLeast,
        text: `no contact for ${facts.daysSinceContact} days (≥ ${condition.atLeast})`,
      };
  }
}

/**
 * The first rule whose every condition holds decides the tier, e.g. budget confirmed and decision
 * maker known → `{ tier: 'A', reasons: [budget confirmed, decision maker known] }`; null when no rule
 * matches.
 */
export function suggestIntentTier(facts: TierFacts, rules: readonly TierRule[]): IntentSuggestion | null {
  const rule = rules.find((candidate) => candidate.when.every((condition) => holdsFor(condition, facts)));
  if (!rule) return null;
  return { tier: rule.tier, reasons: rule.when.map((condition) => reasonFor(condition, facts)) };
}

/** One line for the history, e.g. `A because: budget confirmed, decision maker known`. */
export function explainSuggestion(suggestion: IntentSuggestion): string {
  return `${suggestion.tier} because: ${suggestion.reasons.map((reason) => reason.text).join(', ')}`;
}

/** Whole days from `since` to `now`, never negative (a clock behind a stored date counts as today). */
export function wholeDaysBetween(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/** The columns of a customer row the facts come from. */
export type TierFactColumns = {
  budget: string;
  need: string;
  objection: string | null;
  refused: boolean;
  lastFollowUpAt: Date | null;
  createdAt: Date;
};

/** A customer's facts: contact is the later of the last follow-up and creation. */
export function factsOf(row: TierFactColumns, decisionMakerKnown: boolean, now: Date): TierFacts {
  const objection = row.objection?.trim() ?? '';
  const lastContact =
    row.lastFollowUpAt && row.lastFollowUpAt > row.createdAt ? row.lastFollowUpAt : row.createdAt;
  return {
    budget: row.budget as TierFacts['budget'],
    need: row.need as TierFacts['need'],
    decisionMakerKnown,
    openObjection: objection !== '',
    refused: row.refused,
    daysSinceContact: wholeDaysBetween(lastContact, now),
    objection: objection || null,
  };
}

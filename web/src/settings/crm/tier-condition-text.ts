/** A tier rule's condition in words, e.g. "Budget: confirmed" or "No contact for ≥ 90 days". */
import type { TFunction } from 'i18next';
import type { TierCondition } from '../../api/types';

/** The facts a condition can test, in the order the rule form offers them. */
export const TIER_FACTS = [
  'budget',
  'need',
  'decisionMakerKnown',
  'openObjection',
  'refused',
  'daysSinceContact',
] as const satisfies readonly TierCondition['fact'][];

/** The condition as a short phrase in the interface language. */
export function describeCondition(condition: TierCondition, t: TFunction): string {
  switch (condition.fact) {
    case 'budget':
      return t('settings.crm.tierRules.says.budget', { value: t(`customers.budgetStates.${condition.is}`) });
    case 'need':
      return t('settings.crm.tierRules.says.need', { value: t(`customers.needStates.${condition.is}`) });
    case 'decisionMakerKnown':
      return condition.is
        ? t('settings.crm.tierRules.says.decisionMakerKnown')
        : t('settings.crm.tierRules.says.decisionMakerUnknown');
    case 'openObjection':
      return condition.is
        ? t('settings.crm.tierRules.says.openObjection')
        : t('settings.crm.tierRules.says.noObjection');
    case 'refused':
      return condition.is
        ? t('settings.crm.tierRules.says.refused')
        : t('settings.crm.tierRules.says.notRefused');
    case 'daysSinceContact':
      return t('settings.crm.tierRules.says.daysSinceContact', { days: condition.atLeast });
  }
}

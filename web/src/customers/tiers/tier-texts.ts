/** Tier words in the interface language: reasons of a suggestion, tier names per dimension. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { crmSettingsQuery } from '../../api/queries';
import type { TierDimension, TierReason } from '../../../../src/modules/crm/tier/tier.contract';

/** The eight service personas (MISSION 2.4), in the order the interface lists them. */
export const PERSONAS = [
  'prospect',
  'first_time_buyer',
  'loyal_buyer',
  'impulse_buyer',
  'sceptical',
  'researcher',
  'discount_chaser',
  'angry',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The four dimensions in the order the interface shows them. */
export const TIER_DIMENSIONS = ['intent', 'satisfaction', 'value', 'persona'] as const;

export const INTENT_TIERS = ['A', 'B', 'C', 'D'] as const;
export type IntentTier = (typeof INTENT_TIERS)[number];
export const SATISFACTION_TIERS = ['A', 'B', 'C'] as const;
export type SatisfactionTier = (typeof SATISFACTION_TIERS)[number];

/** The persona `value` names, if it is one of the eight. */
export const asPersona = (value: string | null): Persona | undefined => PERSONAS.find((p) => p === value);
/** The intent tier `value` names, if it is one. */
export const asIntentTier = (value: string | null): IntentTier | undefined =>
  INTENT_TIERS.find((tier) => tier === value);
/** The satisfaction tier `value` names, if it is one. */
export const asSatisfactionTier = (value: string | null): SatisfactionTier | undefined =>
  SATISFACTION_TIERS.find((tier) => tier === value);

/** Translators for tier words; value tiers are named by the tenant's own labels. */
export function useTierTexts() {
  const { t } = useTranslation();
  const settings = useQuery(crmSettingsQuery);

  /** One reason of a suggestion, e.g. "budget confirmed" / "预算已确认". */
  const reason = (r: TierReason): string => {
    const yes = r.value === true;
    switch (r.fact) {
      case 'budget':
        return r.value === 'confirmed' ||
          r.value === 'over_budget' ||
          r.value === 'none' ||
          r.value === 'unknown'
          ? t(`tiers.reasons.budget.${r.value}`)
          : r.text;
      case 'need':
        return r.value === 'recorded' || r.value === 'latent' || r.value === 'none' || r.value === 'unknown'
          ? t(`tiers.reasons.need.${r.value}`)
          : r.text;
      case 'decisionMakerKnown':
        return t(yes ? 'tiers.reasons.decisionMakerKnown.yes' : 'tiers.reasons.decisionMakerKnown.no');
      case 'refused':
        return t(yes ? 'tiers.reasons.refused.yes' : 'tiers.reasons.refused.no');
      case 'openObjection':
        if (!yes) return t('tiers.reasons.openObjection.no');
        return r.note
          ? t('tiers.reasons.openObjection.yesNote', { note: r.note })
          : t('tiers.reasons.openObjection.yes');
      case 'daysSinceContact':
        return t('tiers.reasons.daysSinceContact', { days: Number(r.value), atLeast: r.atLeast ?? 0 });
    }
  };

  /** The name of a tier of a dimension; an unknown code shows as it is. */
  const tierName = (dimension: TierDimension, tier: string): string => {
    if (dimension === 'persona') {
      const persona = asPersona(tier);
      return persona ? t(`tiers.personas.${persona}.name`) : tier;
    }
    if (dimension === 'value') return settings.data?.valueTiers.find((v) => v.code === tier)?.label ?? tier;
    return tier;
  };

  return {
    reason,
    reasons: (list: TierReason[]): string => list.map(reason).join(t('tiers.suggestion.separator')),
    tierName,
    /** "Not set" for null, else the tier's name. */
    tierOrUnset: (dimension: TierDimension, tier: string | null): string =>
      tier === null ? t('tiers.notSet') : tierName(dimension, tier),
  };
}

/** Words for the errors of tiers and follow-ups that the common problem texts do not know. */
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/problem-text';

/** One sentence for an error of a tier change or a follow-up, in the interface language. */
export function describeTierError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === 'crm.tier.suggestion_changed') return t('tiers.problems.suggestionChanged');
    if (error.code === 'crm.tier.in_pool') return t('tiers.problems.inPool');
    if (error.code === 'crm.follow_up.in_pool') return t('tiers.problems.followUpInPool');
  }
  return describeError(error);
}

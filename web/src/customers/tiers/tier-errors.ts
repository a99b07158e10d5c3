/** Words for the errors of tiers and follow-ups that the common problem texts do not know. */
import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { describeError } from '../../api/problem-text';
import { FOLLOW_UP_ERRORS } from '../../../../src/modules/crm/follow-up/follow-up.contract';
import { TIER_ERRORS } from '../../../../src/modules/crm/tier/tier.contract';

/** One sentence for an error of a tier change or a follow-up, in the interface language. */
export function describeTierError(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.code === TIER_ERRORS.suggestionChanged) return t('tiers.problems.suggestionChanged');
    if (error.code === TIER_ERRORS.inPool) return t('tiers.problems.inPool');
    if (error.code === FOLLOW_UP_ERRORS.inPool) return t('tiers.problems.followUpInPool');
  }
  return describeError(error);
}

/** Error codes of tiers. */
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import type { TierSuggestion } from './tier.contract.js';
import { TIER_ERRORS } from './tier.contract.js';

/** The change names a tier the dimension does not have, misses its reason, or mixes up its form. */
export const tierInvalid = (issues: FieldIssue[]): AppError =>
  new AppError(
    'invalid',
    TIER_ERRORS.invalid,
    issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    { issues },
  );

/** The suggestion the client accepted is not the one the rules give now. */
export const suggestionChanged = (expected: string | undefined, current: TierSuggestion | null): AppError =>
  new AppError(
    'conflict',
    TIER_ERRORS.suggestionChanged,
    current
      ? `The suggestion is now ${current.tier}${expected ? `, not ${expected}` : ''}; look again before accepting it.`
      : 'There is no suggestion for this customer now.',
    { details: { suggestion: current } },
  );

/** Pool customers keep their tiers until someone claims them (scope `all` excepted). */
export const tierInPool = (customerId: string): AppError =>
  new AppError(
    'forbidden',
    TIER_ERRORS.inPool,
    `Customer ${customerId} sits in a pool: claim it before changing its tiers.`,
  );

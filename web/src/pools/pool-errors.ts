/** Why a claim, release or assignment was refused, in the user's words, with the server's numbers and dates. */
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { useMe } from '../auth/use-me';
import { lookupText } from '../i18n/i18n';
import { useFormat } from '../shell/use-format';
import type { BulkAssignResult } from './pool-api';
import { POOL_ERRORS } from '../../../src/modules/crm/pool/pool.contract';

/** The extra fields the server puts on a pool refusal (see src/modules/crm/pool/pool.errors.ts). */
type PoolProblemDetails = { limit?: number; until?: string; days?: number; userId?: string };

/** The details of a refusal, read from the problem body. */
export function poolProblemDetails(error: unknown): PoolProblemDetails {
  if (!isApiError(error) || !error.problem) return {};
  return readDetails(error.problem);
}

function readDetails(body: Record<string, unknown>): PoolProblemDetails {
  return {
    ...(typeof body.limit === 'number' ? { limit: body.limit } : {}),
    ...(typeof body.until === 'string' ? { until: body.until } : {}),
    ...(typeof body.days === 'number' ? { days: body.days } : {}),
    ...(typeof body.userId === 'string' ? { userId: body.userId } : {}),
  };
}

/** The sentence for a pool refusal code, or undefined for codes that are not about pools. */
function usePoolCodeText(): (code: string, details: PoolProblemDetails) => string | undefined {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  return (code, details) => {
    const until = details.until ? format.dateTime(details.until) : '';
    const limit = details.limit ?? 0;
    switch (code) {
      case POOL_ERRORS.ownedLimit:
        return details.userId && details.userId !== me.user.id
          ? t('pools.errors.ownedLimitOther', { limit })
          : t('pools.errors.ownedLimit', { limit });
      case POOL_ERRORS.claimLimit:
        return t('pools.errors.claimLimit', { limit, until });
      case POOL_ERRORS.cooldown:
        return t('pools.errors.cooldown', { until });
      case POOL_ERRORS.alreadyClaimed:
        return t('pools.errors.alreadyClaimed');
      case POOL_ERRORS.alreadyInPool:
        return t('pools.errors.alreadyInPool');
      case POOL_ERRORS.movedMeanwhile:
        return t('pools.errors.movedMeanwhile');
      case POOL_ERRORS.notOwner:
        return t('pools.errors.notOwner');
      case POOL_ERRORS.assigneeUnknown:
        return t('pools.errors.assigneeUnknown');
      case POOL_ERRORS.assigneeCannotOwn:
        return t('pools.errors.assigneeCannotOwn');
      case POOL_ERRORS.sameOwner:
        return t('pools.errors.sameOwner');
      case POOL_ERRORS.nameTaken:
        return t('pools.errors.nameTaken');
      case POOL_ERRORS.notFound:
        return t('pools.errors.poolNotFound');
      default:
        return undefined;
    }
  };
}

/** Turns an error from a pool action into one sentence; other errors fall back to `describeError`. */
export function usePoolErrorText(): (error: unknown) => string {
  const text = usePoolCodeText();
  return (error) =>
    (isApiError(error) ? text(error.code, poolProblemDetails(error)) : undefined) ?? describeError(error);
}

/** The same for one failed item of a bulk assignment, which carries only a code and a message. */
export function useBulkFailureText(): (failure: BulkAssignResult['failed'][number]) => string {
  const text = usePoolCodeText();
  return (failure) =>
    text(failure.code, readDetails(failure.details ?? {})) ??
    lookupText(`problems.${failure.code}`) ??
    failure.message;
}

/** Reads and writes of tiers, follow-ups and the timeline, as TanStack Query options and mutations. */
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi, queryString } from '../../api/client';
import type {
  CreateFollowUpInput,
  FollowUp,
  ActivityPage,
} from '../../../../src/modules/crm/follow-up/follow-up.contract';
import type {
  ChangeTierInput,
  CustomerTiers,
  TierDimension,
  TierHistory,
} from '../../../../src/modules/crm/tier/tier.contract';

/** How many timeline entries one "load more" brings. */
export const TIMELINE_PAGE_SIZE = 20;

const path = (customerId: string, rest: string): string =>
  `/api/customers/${encodeURIComponent(customerId)}/${rest}`;

// Every key starts with 'customers', so whatever refreshes customers refreshes these too.

/** A customer's tiers with the rules' suggestion. */
export function customerTiersQuery(customerId: string) {
  return queryOptions({
    queryKey: ['customers', 'tiers', customerId],
    queryFn: () => callApi<CustomerTiers>('GET', path(customerId, 'tiers')),
  });
}

/** A customer's tier history, newest first, optionally of one dimension. */
export function tierHistoryQuery(customerId: string, dimension?: TierDimension) {
  return queryOptions({
    queryKey: ['customers', 'tier-history', customerId, dimension ?? 'all'],
    queryFn: () => callApi<TierHistory>('GET', path(customerId, `tier-history${queryString({ dimension })}`)),
  });
}

/** A customer's timeline, one keyset page at a time. */
export function timelineQuery(customerId: string) {
  return infiniteQueryOptions({
    queryKey: ['customers', 'timeline', customerId],
    queryFn: ({ pageParam }) =>
      callApi<ActivityPage>(
        'GET',
        path(customerId, `timeline${queryString({ after: pageParam, limit: TIMELINE_PAGE_SIZE })}`),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Changes one tier (by hand or by accepting the suggestion); the customer and its lists refresh after. */
export function useChangeTier(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeTierInput) => callApi<CustomerTiers>('POST', path(customerId, 'tiers'), input),
    onSuccess: (tiers) => queryClient.setQueryData(customerTiersQuery(customerId).queryKey, tiers),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}

/** Records a follow-up; the customer (last follow-up, facts), its suggestion and timeline refresh after. */
export function useCreateFollowUp(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateFollowUpInput) =>
      callApi<FollowUp>('POST', path(customerId, 'follow-ups'), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  });
}

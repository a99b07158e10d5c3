/**
 * What the pools page and the customer page read and change about pools and ownership. Every key
 * starts with `customers`, so invalidating `['customers']` after any move refreshes counts, lists,
 * logs and warnings together.
 */
import { infiniteQueryOptions, queryOptions, useQueryClient } from '@tanstack/react-query';
import { callApi, queryString } from '../api/client';
import type { Customer, CustomerPage } from '../api/types';
import type {
  AssignInput,
  BulkAssignInput,
  BulkAssignResult,
  CreatePoolInput,
  Pool,
  PoolLog,
  RecallWarningList,
  ReleaseInput,
} from '../../../src/modules/crm/pool/pool.contract';

export type {
  BulkAssignResult,
  Pool,
  PoolMove,
  RecallWarning,
} from '../../../src/modules/crm/pool/pool.contract';

/** The intent tiers a pool list can be filtered by; `none` is "no tier yet". */
export const TIER_FILTERS = ['A', 'B', 'C', 'D', 'none'] as const;
/** One of the tier filters. */
export type TierFilter = (typeof TIER_FILTERS)[number];

/** The tenant's pools with their customer counts, the default first. */
export const poolsQuery = queryOptions({
  queryKey: ['customers', 'pools'],
  queryFn: async () => (await callApi<{ items: Pool[] }>('GET', '/api/pools')).items,
});

/** What the pool list shows: one pool, a search, and the tiers picked. */
export type PoolListFilters = { poolId: string; q?: string; tiers: TierFilter[] };

/** The customers of one pool, newest first, a keyset page at a time. */
export function poolCustomersQuery(filters: PoolListFilters) {
  return infiniteQueryOptions({
    queryKey: ['customers', 'pool-list', filters],
    queryFn: ({ pageParam }) =>
      callApi<CustomerPage>(
        'GET',
        `/api/customers${queryString({
          poolId: filters.poolId,
          q: filters.q,
          intentTier: filters.tiers.length ? filters.tiers.join(',') : undefined,
          after: pageParam,
          limit: 50,
        })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A customer's moves between owners and pools, oldest first. */
export function poolLogQuery(customerId: string) {
  return queryOptions({
    queryKey: ['customers', 'pool-log', customerId],
    queryFn: async () =>
      (await callApi<PoolLog>('GET', `/api/customers/${encodeURIComponent(customerId)}/pool-log`)).items,
  });
}

/** The signed-in user's customers that recall will take soon. */
export const recallWarningsQuery = queryOptions({
  queryKey: ['customers', 'recall-warnings'],
  queryFn: async () => (await callApi<RecallWarningList>('GET', '/api/customers/recall-warnings')).items,
});

/** Claims a customer from its pool for the signed-in user. */
export const claimCustomer = (id: string): Promise<Customer> =>
  callApi<Customer>('POST', `/api/customers/${encodeURIComponent(id)}/claim`);

/** Releases a customer back to a pool, with a reason. */
export const releaseCustomer = (id: string, body: ReleaseInput): Promise<Customer> =>
  callApi<Customer>('POST', `/api/customers/${encodeURIComponent(id)}/release`, body);

/** Assigns (from a pool) or transfers (from an owner) one customer. */
export const assignCustomer = (id: string, body: AssignInput): Promise<Customer> =>
  callApi<Customer>('POST', `/api/customers/${encodeURIComponent(id)}/assign`, body);

/** Assigns several customers to one user; the answer says which moved and why others did not. */
export const assignCustomers = (body: BulkAssignInput): Promise<BulkAssignResult> =>
  callApi<BulkAssignResult>('POST', '/api/customers/assign', body);

/** Creates a pool (admins). */
export const createPool = (body: CreatePoolInput): Promise<Pool> => callApi<Pool>('POST', '/api/pools', body);

/** Refreshes everything about customers after a move: lists, counts, the pool log and warnings. */
export function useRefreshCustomers(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['customers'] });
}

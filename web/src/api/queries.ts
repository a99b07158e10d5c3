/** What the app reads from the server, as TanStack Query options shared by loaders and components. */
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { callApi, isApiError, queryString } from './client';
import type {
  ApiKeyOut,
  CrmSettings,
  Customer,
  CustomerKind,
  CustomerPage,
  CustomerSort,
  CustomerSummary,
  InvitationWithLink,
  Me,
  SavedView,
  TeamOut,
  UserDirectoryEntry,
  UserOut,
} from './types';

/** How many customers one "page" of the list holds. */
export const CUSTOMER_PAGE_SIZE = 50;

/** The signed-in user, or null when there is no session (asked without a 401 in the console). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> =>
    (await callApi<{ signedIn: boolean; me: Me | null }>('GET', '/api/auth/session')).me,
  staleTime: Infinity,
});

/**
 * The filters of the customer list as the API takes them: `intentTier` is a comma list such as `A,B`
 * or `none`, `ownerUserId` a user id (the page resolves "me" before it asks).
 */
export type CustomerFilters = {
  kind?: CustomerKind;
  q?: string;
  intentTier?: string;
  satisfactionTier?: string;
  valueTier?: string;
  persona?: string;
  ownerUserId?: string;
  poolId?: string;
  ownership?: 'pool' | 'owned';
  tag?: string;
  sort?: CustomerSort;
};

/** The customer list, in the chosen order, one keyset page at a time. */
export function customersQuery(filters: CustomerFilters) {
  return infiniteQueryOptions({
    queryKey: ['customers', 'list', filters],
    queryFn: ({ pageParam }) =>
      callApi<CustomerPage>(
        'GET',
        `/api/customers${queryString({ ...filters, after: pageParam, limit: CUSTOMER_PAGE_SIZE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * How many customers match, by kind and by intent tier, for the list's picture and filter counts. The
 * kind counts ignore the kind filter and the tier counts the tier filter, so each control shows what
 * choosing another option would give.
 */
export function customerSummaryQuery(filters: CustomerFilters) {
  // The order does not change the counts; leaving it out lets both orders share one cache entry.
  const { sort: _sort, ...counted } = filters;
  return queryOptions({
    queryKey: ['customers', 'summary', counted],
    queryFn: () => callApi<CustomerSummary>('GET', `/api/customers/summary${queryString(counted)}`),
  });
}

/** One customer by id. */
export function customerQuery(id: string) {
  return queryOptions({
    queryKey: ['customers', 'one', id],
    queryFn: () => callApi<Customer>('GET', `/api/customers/${encodeURIComponent(id)}`),
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

/** The caller's saved views of the customer list and the tenant's shared ones. */
export const savedViewsQuery = queryOptions({
  queryKey: ['saved-views'],
  queryFn: async () => (await callApi<{ items: SavedView[] }>('GET', '/api/saved-views')).items,
});

/** The tenant's CRM rules: value tiers, tier rules, pools, duplicate policy and custom fields. */
export const crmSettingsQuery = queryOptions({
  queryKey: ['crm-settings'],
  queryFn: () => callApi<CrmSettings>('GET', '/api/crm/settings'),
  staleTime: 5 * 60_000,
});

/** The users of the tenant (admins only). */
export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: async () => (await callApi<{ items: UserOut[] }>('GET', '/api/users')).items,
});

/** The names of the tenant's users (any member may read them), to name owners. */
export const userDirectoryQuery = queryOptions({
  queryKey: ['users', 'directory'],
  queryFn: async () => (await callApi<{ items: UserDirectoryEntry[] }>('GET', '/api/users/directory')).items,
  staleTime: 5 * 60_000,
});

/** The API keys of the tenant, without their secrets (admins only). */
export const invitationsQuery = queryOptions({
  queryKey: ['invitations'],
  queryFn: async () => (await callApi<{ items: InvitationWithLink[] }>('GET', '/api/invitations')).items,
});

export const apiKeysQuery = queryOptions({
  queryKey: ['api-keys'],
  queryFn: async () => (await callApi<{ items: ApiKeyOut[] }>('GET', '/api/api-keys')).items,
});

/** The teams of the tenant with their members, to name a customer's team and to manage teams. */
export const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: async () => (await callApi<{ items: TeamOut[] }>('GET', '/api/teams')).items,
  staleTime: 5 * 60_000,
});

/**
 * Refetches the users (with the directory under the same key) and the teams together: a user's teams
 * and a team's members are two views of one membership, so a change to either stales both.
 */
export async function refreshUsersAndTeams(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
    queryClient.invalidateQueries({ queryKey: teamsQuery.queryKey }),
  ]);
}

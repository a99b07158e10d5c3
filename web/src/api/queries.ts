/** What the app reads from the server, as TanStack Query options shared by loaders and components. */
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { callApi, isApiError, queryString } from './client';
import type {
  ApiKeyOut,
  Customer,
  CustomerKind,
  CustomerPage,
  CustomerSummary,
  Me,
  TeamOut,
  UserDirectoryEntry,
  UserOut,
} from './types';

/** How many customers one "page" of the list holds. */
export const CUSTOMER_PAGE_SIZE = 50;

/** The signed-in user, or null when there is no session (the server answers 401). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await callApi<Me>('GET', '/api/me');
    } catch (error) {
      if (isApiError(error, 401)) return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

/** The filters of the customer list. */
export type CustomerFilters = { kind?: CustomerKind; q?: string };

/** The customer list, newest first, one keyset page at a time. */
export function customersQuery(filters: CustomerFilters) {
  return infiniteQueryOptions({
    queryKey: ['customers', 'list', filters],
    queryFn: ({ pageParam }) =>
      callApi<CustomerPage>(
        'GET',
        `/api/customers${queryString({ kind: filters.kind, q: filters.q, after: pageParam, limit: CUSTOMER_PAGE_SIZE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** How many customers of each kind match the search, for the list's picture and filter counts. */
export function customerSummaryQuery(filters: Pick<CustomerFilters, 'q'>) {
  return queryOptions({
    queryKey: ['customers', 'summary', filters.q ?? ''],
    queryFn: () => callApi<CustomerSummary>('GET', `/api/customers/summary${queryString({ q: filters.q })}`),
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

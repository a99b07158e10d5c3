/** The signed-in user inside the app layout, kept fresh by the `me` query. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { callApi } from '../api/client';
import { meQuery } from '../api/queries';
import type { Me, Permission } from '../api/types';

const appRoute = getRouteApi('/app');

/** The current user, tenant and role; only for pages under the app layout, which guarantees a session. */
export function useMe(): Me {
  const { me: atEntry } = appRoute.useRouteContext();
  const { data } = useQuery(meQuery);
  // The query is emptied on sign-out a moment before the page leaves; the entry value bridges that.
  return data ?? atEntry;
}

/** True when the current user's role grants `permission`. */
export function useCan(permission: Permission): boolean {
  return useMe().permissions.includes(permission);
}

/** Ends the session and forgets everything cached for this user before showing the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async () => {
    await callApi<void>('POST', '/api/auth/sign-out').catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(meQuery.queryKey, null);
    await router.navigate({ to: '/sign-in' });
  };
}

/** The one QueryClient: sensible retries, and a lapsed session sends the user back to sign-in. */
import { QueryCache, QueryClient } from '@tanstack/react-query';
import type { AnyRouter } from '@tanstack/react-router';
import { isApiError } from './api/client';
import { meQuery } from './api/queries';

/** Creates the client; `getRouter` is late-bound because the router itself needs the client. */
export function createQueryClient(getRouter: () => AnyRouter): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A 401 on anything but the session query means the session ended while the user was working.
        if (!isApiError(error, 401) || query.queryKey[0] === meQuery.queryKey[0]) return;
        client.setQueryData(meQuery.queryKey, null);
        const router = getRouter();
        void router.navigate({ to: '/sign-in', search: { redirect: router.state.location.href } });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx only repeats the same answer; network and 5xx failures may pass.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status < 500),
      },
    },
  });
  return client;
}

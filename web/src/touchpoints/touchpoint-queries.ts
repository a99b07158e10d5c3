/** What the touchpoint pages read: timelines, CDP persons and their trait history, as TanStack Query options. */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { callApi, isApiError, queryString } from '../api/client';
import type {
  Person,
  PersonPage,
  TouchpointPage,
  TouchpointQuery,
  TraitChangeList,
} from '../../../src/modules/insights/timeline/timeline.contract';

/** How many touchpoints one "load more" brings. */
export const TOUCHPOINT_PAGE_SIZE = 50;

/** How many persons one page of the Persons list holds. */
export const PERSON_PAGE_SIZE = 50;

/** The filters a timeline takes (the cursor and page size are the query's own business). */
export type TouchpointFilters = Pick<TouchpointQuery, 'channel' | 'event' | 'type'>;

/** Missing or malformed is the same to the reader: do not retry it. */
const retryUnlessAnswered = (count: number, error: unknown): boolean => !isApiError(error) && count < 2;

/**
 * One timeline, newest first, a keyset page at a time. `path` is the events address of its owner, e.g.
 * `/api/customers/<id>/events`, `/api/people/<id>/events` or `/api/persons/<id>/events`.
 */
export function touchpointsQuery(path: string, filters: TouchpointFilters) {
  return infiniteQueryOptions({
    queryKey: ['touchpoints', path, filters],
    queryFn: ({ pageParam }) =>
      callApi<TouchpointPage>(
        'GET',
        `${path}${queryString({ ...filters, after: pageParam, limit: TOUCHPOINT_PAGE_SIZE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry: retryUnlessAnswered,
  });
}

/** The events address of a customer (account), a CRM contact or a CDP person. */
export const eventsPath = {
  customer: (id: string) => `/api/customers/${encodeURIComponent(id)}/events`,
  contact: (id: string) => `/api/people/${encodeURIComponent(id)}/events`,
  person: (id: string) => `/api/persons/${encodeURIComponent(id)}/events`,
};

/** CDP persons, last seen first; `q` is a prefix of a user id, an identity, or traits.name/email. */
export function personsQuery(q: string) {
  return infiniteQueryOptions({
    queryKey: ['persons', 'list', q],
    queryFn: ({ pageParam }) =>
      callApi<PersonPage>(
        'GET',
        `/api/persons${queryString({ q, after: pageParam, limit: PERSON_PAGE_SIZE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One CDP person with every id it is known by; `id` may also be a userId, anonymousId or email. */
export function personQuery(id: string) {
  return queryOptions({
    queryKey: ['persons', 'one', id],
    queryFn: () => callApi<Person>('GET', `/api/persons/${encodeURIComponent(id)}`),
    retry: retryUnlessAnswered,
  });
}

/** A person's trait history, newest first. */
export function traitChangesQuery(id: string) {
  return queryOptions({
    queryKey: ['persons', 'trait-changes', id],
    queryFn: () => callApi<TraitChangeList>('GET', `/api/persons/${encodeURIComponent(id)}/trait-changes`),
    retry: retryUnlessAnswered,
  });
}

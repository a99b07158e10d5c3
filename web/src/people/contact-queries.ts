/** A CRM contact (person) by id, as TanStack Query options. */
import { queryOptions } from '@tanstack/react-query';
import { callApi, isApiError } from '../api/client';
import type { ContactWithAccounts } from '../../../src/modules/crm/contact/contact.contract';

/** One contact with the accounts the caller may see among theirs. */
export function contactQuery(id: string) {
  return queryOptions({
    queryKey: ['people', 'one', id],
    queryFn: () => callApi<ContactWithAccounts>('GET', `/api/people/${encodeURIComponent(id)}`),
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

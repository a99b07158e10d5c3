/** A customer's account lifecycle as the customer page reads it, and the move by hand. */
import { queryOptions } from '@tanstack/react-query';
import { callApi } from '../api/client';
import type { Lifecycle, MoveLifecycleInput } from '../../../src/modules/crm/lifecycle/lifecycle.contract';

const enc = encodeURIComponent;

/** The customer's stage and history; under `sales`, so deal changes refresh it. */
export function lifecycleQuery(customerId: string) {
  return queryOptions({
    queryKey: ['sales', 'lifecycle', customerId],
    queryFn: () => callApi<Lifecycle>('GET', `/api/customers/${enc(customerId)}/lifecycle`),
  });
}

export const moveLifecycle = (customerId: string, input: MoveLifecycleInput) =>
  callApi<Lifecycle>('PUT', `/api/customers/${enc(customerId)}/lifecycle`, input);

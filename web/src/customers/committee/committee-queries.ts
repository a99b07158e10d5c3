/** The buying committee of an account and the people search, as TanStack Query options and mutations. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi, queryString } from '../../api/client';
import type {
  AddMemberInput,
  Committee,
  ContactPage,
  UpdateMemberInput,
} from '../../../../src/modules/crm/contact/contact.contract';

const committeePath = (customerId: string) => `/api/customers/${encodeURIComponent(customerId)}/committee`;

/** The committee of one account: members, coverage per role and the key roles still unknown. */
export function committeeQuery(customerId: string) {
  return queryOptions({
    queryKey: ['committee', customerId],
    queryFn: () => callApi<Committee>('GET', committeePath(customerId)),
  });
}

/** People whose name, title, phone or email matches `q`, to add to a committee. */
export function peopleSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['people', 'search', q],
    queryFn: () => callApi<ContactPage>('GET', `/api/people${queryString({ q: q || undefined, limit: 10 })}`),
    placeholderData: (previous) => previous,
  });
}

/**
 * After a change the answer is the new committee: show it at once, and let customer views refresh, as
 * a known decision maker feeds the intent-tier suggestion.
 */
function useCommitteeWrite<Input>(
  customerId: string,
  send: (input: Input) => Promise<Committee | undefined>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (committee) => {
      if (committee) queryClient.setQueryData(committeeQuery(customerId).queryKey, committee);
      else await queryClient.invalidateQueries({ queryKey: committeeQuery(customerId).queryKey });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['people'] }),
        queryClient.invalidateQueries({ queryKey: ['customers'] }),
      ]);
    },
  });
}

/** Adds an existing or a new person to the committee. */
export function useAddMember(customerId: string) {
  return useCommitteeWrite(customerId, (input: AddMemberInput) =>
    callApi<Committee>('POST', committeePath(customerId), input),
  );
}

/** Changes a member's role, department, stance, influence or primary flag. */
export function useUpdateMember(customerId: string) {
  return useCommitteeWrite(customerId, ({ personId, ...input }: UpdateMemberInput & { personId: string }) =>
    callApi<Committee>('PATCH', `${committeePath(customerId)}/${encodeURIComponent(personId)}`, input),
  );
}

/** Takes a person off the committee (the person stays in the contacts). */
export function useRemoveMember(customerId: string) {
  return useCommitteeWrite(customerId, (personId: string) =>
    callApi<undefined>('DELETE', `${committeePath(customerId)}/${encodeURIComponent(personId)}`),
  );
}

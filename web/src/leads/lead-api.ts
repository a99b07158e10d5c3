/**
 * What the lead pages read and change: leads, requirements forms, lead settings and the public form.
 * Every key starts with `leads`, so invalidating `['leads']` after a change refreshes them all.
 */
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi, queryString } from '../api/client';
import type {
  CreateLeadInput,
  DisqualifyInput,
  Lead,
  LeadPage,
  PublicForm,
  ShareLink,
  UpdateLeadInput,
} from '../../../src/modules/crm/lead/lead.contract';
import type { LeadSettings } from '../../../src/modules/crm/lead/lead-settings.contract';
import type { LeadForm, LeadFormInput } from '../../../src/modules/crm/lead-form/lead-form.contract';

export type { Lead, LeadForm, LeadFormInput, PublicForm, ShareLink, LeadSettings };
export {
  LEAD_ERRORS,
  LEAD_STATUSES,
  LEAD_LANGUAGES,
  LEAD_SOURCES,
} from '../../../src/modules/crm/lead/lead.contract';
export { FIELD_TYPES, FIELD_KEY } from '../../../src/modules/crm/lead-form/lead-form.contract';
export type { FieldType, FormField } from '../../../src/modules/crm/lead-form/lead-form.contract';

/** The filters of the lead list. */
export type LeadFilters = { status?: string; q?: string; formId?: string };

/** Leads the user may see, newest first, a keyset page at a time. */
export function leadListQuery(filters: LeadFilters) {
  return infiniteQueryOptions({
    queryKey: ['leads', 'list', filters],
    queryFn: ({ pageParam }) =>
      callApi<LeadPage>('GET', `/api/leads${queryString({ ...filters, after: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One lead. */
export const leadQuery = (id: string) =>
  queryOptions({ queryKey: ['leads', 'one', id], queryFn: () => callApi<Lead>('GET', `/api/leads/${id}`) });

/** The tenant's forms at their current versions. */
export const leadFormsQuery = queryOptions({
  queryKey: ['leads', 'forms'],
  queryFn: async () => (await callApi<{ items: LeadForm[] }>('GET', '/api/lead-forms')).items,
});

/** One form at a version (the current one without). */
export const leadFormQuery = (id: string, version?: number) =>
  queryOptions({
    queryKey: ['leads', 'form', id, version ?? 'current'],
    queryFn: () => callApi<LeadForm>('GET', `/api/lead-forms/${id}${queryString({ version })}`),
  });

/** Disqualify reasons and assignment. */
export const leadSettingsQuery = queryOptions({
  queryKey: ['leads', 'settings'],
  queryFn: () => callApi<LeadSettings>('GET', '/api/lead-settings'),
});

/** A mutation that refreshes every lead query when it succeeds. */
function useLeadMutation<I, O>(run: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: ['leads'] }) });
}

export const useCreateLead = () =>
  useLeadMutation((input: CreateLeadInput) => callApi<Lead>('POST', '/api/leads', input));
export const useUpdateLead = (id: string) =>
  useLeadMutation((input: UpdateLeadInput) => callApi<Lead>('PATCH', `/api/leads/${id}`, input));
export const useSaveAnswers = (id: string) =>
  useLeadMutation((answers: Record<string, unknown>) =>
    callApi<Lead>('PUT', `/api/leads/${id}/answers`, { answers }),
  );
export const useLeadMove = (id: string) =>
  useLeadMutation((move: 'work' | 'qualify' | 'reopen') => callApi<Lead>('POST', `/api/leads/${id}/${move}`));
export const useDisqualify = (id: string) =>
  useLeadMutation((input: DisqualifyInput) => callApi<Lead>('POST', `/api/leads/${id}/disqualify`, input));
export const useShareLead = (id: string) =>
  useLeadMutation(() => callApi<ShareLink>('POST', `/api/leads/${id}/share`, {}));
export const useConvertLead = (id: string) =>
  useLeadMutation((customerId?: string) =>
    callApi<{ customerId: string; dealId: string }>(
      'POST',
      `/api/leads/${id}/convert`,
      customerId ? { customerId } : {},
    ),
  );
export const useSaveLeadForm = (id?: string) =>
  useLeadMutation((input: LeadFormInput) =>
    id
      ? callApi<LeadForm>('PUT', `/api/lead-forms/${id}`, input)
      : callApi<LeadForm>('POST', '/api/lead-forms', input),
  );

/** The form a public link opens. */
export const publicFormQuery = (token: string) =>
  queryOptions({
    queryKey: ['public-form', token],
    queryFn: () => callApi<PublicForm>('GET', `/api/public/forms/${encodeURIComponent(token)}`),
    retry: false,
  });

/** Sends answers through a public link. */
export function useSubmitPublicForm(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: Record<string, unknown>) =>
      callApi<PublicForm>('POST', `/api/public/forms/${encodeURIComponent(token)}`, { answers }),
    onSuccess: (form) => client.setQueryData(['public-form', token], form),
  });
}

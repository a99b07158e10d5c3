/** Saving a section of the CRM settings, and reading the server's complaints about it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import { crmSettingsQuery } from '../../api/queries';
import type { CrmSettings, UpdateCrmSettingsInput } from '../../api/types';
import { fieldIssues } from '../../customers/profile/field-issues';

/** Sends one section (`PATCH /api/crm/settings`); the answer replaces the cached settings. */
export function useSaveCrmSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCrmSettingsInput) => callApi<CrmSettings>('PATCH', '/api/crm/settings', input),
    onSuccess: (settings) => {
      queryClient.setQueryData(crmSettingsQuery.queryKey, settings);
      // Value tiers and custom fields appear on customers: their pages re-read the labels.
      void queryClient.invalidateQueries({ queryKey: ['customers'], refetchType: 'none' });
    },
  });
}

/** The server's field errors under `section`, keyed by the rest of the path (`1.code`, `recallDays.A`). */
export function sectionIssues(error: unknown, section: keyof CrmSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldIssues(error))) {
    if (path.startsWith(`${section}.`)) out[path.slice(section.length + 1)] = message;
    else if (path === section) out[''] = message;
  }
  return out;
}

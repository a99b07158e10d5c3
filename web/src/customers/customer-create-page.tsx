/** The page for a new customer: the kind first, then the fields that kind has. */
import { Alert, Button, Divider, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { crmSettingsQuery, customerQuery } from '../api/queries';
import type { CreateCustomerInput, CreatedCustomer, Customer } from '../api/types';
import { BackToCustomers } from '../shell/back-link';
import { usePageTitle } from '../shell/use-page-title';
import { emptyDraft, toCreateInput, type CustomerDraft } from './customer-draft';
import {
  ContactFields,
  KindPicker,
  KindSpecificFields,
  NameField,
  TierFields,
  type FieldGroupProps,
} from './customer-form-fields';
import { CustomFieldInputs } from './profile/custom-field-inputs';
import { DuplicateCandidates, duplicateCandidatesOf } from './profile/duplicate-candidates';
import { fieldIssues } from './profile/field-issues';

/** Creates the customer, then shows it; the list is refreshed so it appears there too. */
function useCreateCustomer() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCustomerInput) => callApi<CreatedCustomer>('POST', '/api/customers', input),
    onSuccess: async ({ duplicates: _duplicates, ...customer }) => {
      queryClient.setQueryData<Customer>(customerQuery(customer.id).queryKey, customer);
      await queryClient.invalidateQueries({ queryKey: ['customers'], refetchType: 'none' });
      await navigate({ to: '/customers/$id', params: { id: customer.id } });
    },
  });
}

/**
 * The page at /customers/new. The server checks every field; only a missing name is caught here. A
 * likely duplicate is shown with its matching keys and may be created anyway.
 */
export function CustomerCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('customerForm.title'));
  const [draft, setDraft] = useState<CustomerDraft>(emptyDraft);
  const [nameMissing, setNameMissing] = useState(false);
  const settings = useQuery(crmSettingsQuery);
  const create = useCreateCustomer();
  const errors = fieldIssues(create.error);
  const candidates = duplicateCandidatesOf(create.error);
  const fields: FieldGroupProps = {
    draft,
    errors,
    set: (key, value) => setDraft((current) => ({ ...current, [key]: value })),
  };
  const customFieldDefs = settings.data?.customFields ?? [];
  const send = (allowDuplicate: boolean): void => {
    const missing = draft.name.trim() === '';
    setNameMissing(missing);
    if (missing) return;
    const input = toCreateInput(draft, customFieldDefs);
    create.mutate(allowDuplicate ? { ...input, allowDuplicate: true } : input);
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    send(false);
  };
  return (
    <Stack gap="md" maw={760}>
      <BackToCustomers />
      <Title order={2}>{t('customerForm.title')}</Title>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <form onSubmit={submit} noValidate data-testid="customer-form">
          <Stack gap="md">
            {create.isError && !candidates && Object.keys(errors).length === 0 && (
              <Alert color="red" title={t('customerForm.failed')} data-testid="customer-form-error">
                {describeError(create.error)}
              </Alert>
            )}
            <KindPicker {...fields} />
            <NameField {...fields} nameMissing={nameMissing} />
            <KindSpecificFields {...fields} />
            <ContactFields {...fields} />
            <Divider label={t('customerForm.classification')} labelPosition="left" />
            <TierFields {...fields} />
            <CustomFieldInputs
              defs={customFieldDefs}
              kind={draft.kind}
              values={draft.customFields}
              onChange={(key, value) =>
                setDraft((current) => ({
                  ...current,
                  customFields: { ...current.customFields, [key]: value },
                }))
              }
              errors={errors}
            />
            {candidates && (
              <DuplicateCandidates
                candidates={candidates}
                name={draft.name}
                onCreateAnyway={() => send(true)}
                pending={create.isPending}
              />
            )}
            <Group justify="flex-end" gap="sm" mt="sm">
              <Button component={Link} to="/customers" variant="default">
                {t('customerForm.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="customer-submit">
                {t('customerForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

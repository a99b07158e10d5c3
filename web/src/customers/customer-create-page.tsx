/** The page for a new customer: the kind first, then the fields that kind has. */
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError, fieldErrors } from '../api/problem-text';
import { customerQuery } from '../api/queries';
import type { CreateCustomerInput, Customer } from '../api/types';
import { BackToCustomers } from '../shell/back-link';
import { usePageTitle } from '../shell/use-page-title';
import { emptyDraft, toCreateInput, type CustomerDraft } from './customer-draft';
import {
  ContactFields,
  KindPicker,
  KindSpecificFields,
  NameField,
  type FieldGroupProps,
} from './customer-form-fields';

/** Creates the customer, then shows it; the list is refreshed so it appears there too. */
function useCreateCustomer() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCustomerInput) => callApi<Customer>('POST', '/api/customers', input),
    onSuccess: async (customer) => {
      queryClient.setQueryData(customerQuery(customer.id).queryKey, customer);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['customers', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['customers', 'summary'] }),
      ]);
      await navigate({ to: '/customers/$id', params: { id: customer.id } });
    },
  });
}

/** The page at /customers/new. The server checks every field; only a missing name is caught here. */
export function CustomerCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('customerForm.title'));
  const [draft, setDraft] = useState<CustomerDraft>(emptyDraft);
  const [nameMissing, setNameMissing] = useState(false);
  const create = useCreateCustomer();
  const errors = fieldErrors(create.error);
  const fields: FieldGroupProps = {
    draft,
    errors,
    set: (key, value) => setDraft((current) => ({ ...current, [key]: value })),
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const missing = draft.name.trim() === '';
    setNameMissing(missing);
    if (!missing) create.mutate(toCreateInput(draft));
  };
  return (
    <Stack gap="md" maw={760}>
      <BackToCustomers />
      <Title order={2}>{t('customerForm.title')}</Title>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <form onSubmit={submit} noValidate data-testid="customer-form">
          <Stack gap="md">
            {create.isError && Object.keys(errors).length === 0 && (
              <Alert color="red" title={t('customerForm.failed')} data-testid="customer-form-error">
                {describeError(create.error)}
              </Alert>
            )}
            <KindPicker {...fields} />
            <NameField {...fields} nameMissing={nameMissing} />
            <KindSpecificFields {...fields} />
            <ContactFields {...fields} />
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

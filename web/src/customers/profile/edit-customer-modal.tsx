/** The dialog that edits a customer's profile and sends only what changed (`PATCH /api/customers/:id`). */
import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../../api/client';
import { describeError } from '../../api/problem-text';
import { crmSettingsQuery, customerQuery } from '../../api/queries';
import {
  BUDGET_STATES,
  DEAL_STATES,
  NEED_STATES,
  type Customer,
  type UpdateCustomerInput,
} from '../../api/types';
import { ContactFields, KindSpecificFields, NameField, type FieldGroupProps } from '../customer-form-fields';
import { CustomFieldInputs } from './custom-field-inputs';
import { toEditDraft, toUpdateInput, type EditDraft } from './edit-draft';
import { fieldIssues } from './field-issues';

type Props = { customer: Customer; opened: boolean; onClose: () => void };

// Fields the dialog has an input for; an error on any other (e.g. "claim it first") needs the alert.
const SHOWN_FIELDS = new Set([
  'name',
  'phone',
  'email',
  'wechatId',
  'region',
  'industry',
  'size',
  'uscc',
  'agencyLevel',
  'procurementMode',
  'motive',
  'source',
  'tags',
  'budget',
  'need',
  'objection',
  'dealState',
  'customFields',
]);

/** True when the error has no field error shown beside an input, so it must be said above them. */
function needsAlert(errors: Record<string, string>): boolean {
  const keys = Object.keys(errors);
  return keys.length === 0 || keys.some((key) => !SHOWN_FIELDS.has(key.split('.')[0] ?? key));
}

/** Saves the changes; the page and the lists show the new values at once. */
function useUpdateCustomer(id: string, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCustomerInput) =>
      callApi<Customer>('PATCH', `/api/customers/${encodeURIComponent(id)}`, input),
    onSuccess: async (customer) => {
      queryClient.setQueryData(customerQuery(id).queryKey, customer);
      onDone();
      await queryClient.invalidateQueries({ queryKey: ['customers'], refetchType: 'none' });
    },
  });
}

/** The dialog; it starts from the customer as it is each time it opens. */
export function EditCustomerModal({ customer, opened, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('customers.edit.title', { name: customer.name })}
      size="lg"
      fullScreen={phone}
    >
      {/* Mounted only while open, so every opening starts from the saved customer. */}
      {opened && <EditCustomerForm customer={customer} onClose={onClose} />}
    </Modal>
  );
}

function EditCustomerForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useQuery(crmSettingsQuery);
  const [draft, setDraft] = useState<EditDraft>(() => toEditDraft(customer));
  const [nameMissing, setNameMissing] = useState(false);
  const update = useUpdateCustomer(customer.id, onClose);
  const errors = fieldIssues(update.error);
  const set = <K extends keyof EditDraft>(key: K, value: EditDraft[K]): void =>
    setDraft((current) => ({ ...current, [key]: value }));
  const fields: FieldGroupProps = {
    draft,
    errors,
    set: (key, value) => setDraft((current) => ({ ...current, [key]: value })),
  };
  const defs = settings.data?.customFields ?? [];
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const missing = draft.name.trim() === '';
    setNameMissing(missing);
    if (missing) return;
    const patch = toUpdateInput(draft, customer, defs);
    if (Object.keys(patch).length === 0) onClose();
    else update.mutate(patch);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="edit-customer-form">
      <Stack gap="md">
        {update.isError && needsAlert(errors) && (
          <Alert color="red" title={t('customers.edit.failed')} data-testid="edit-customer-error">
            {describeError(update.error)}
          </Alert>
        )}
        <NameField {...fields} nameMissing={nameMissing} />
        <KindSpecificFields {...fields} />
        <ContactFields {...fields} />
        <Divider label={t('customers.qualification.title')} labelPosition="left" />
        <QualificationFields draft={draft} set={set} errors={errors} />
        <CustomFieldInputs
          defs={defs}
          kind={customer.kind}
          values={draft.customFields}
          onChange={(key, value) => set('customFields', { ...draft.customFields, [key]: value })}
          errors={errors}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('customerForm.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="save-customer">
            {t('customers.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Budget, need, objection, refusal, deal state and the lock against recall. */
function QualificationFields({
  draft,
  set,
  errors,
}: {
  draft: EditDraft;
  set: <K extends keyof EditDraft>(key: K, value: EditDraft[K]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('customers.qualification.budget')}
          data={BUDGET_STATES.map((state) => ({ value: state, label: t(`customers.budgetStates.${state}`) }))}
          value={draft.budget}
          onChange={(value) => set('budget', BUDGET_STATES.find((s) => s === value) ?? draft.budget)}
          allowDeselect={false}
          error={errors.budget}
          data-testid="customer-budget"
        />
        <Select
          label={t('customers.qualification.need')}
          data={NEED_STATES.map((state) => ({ value: state, label: t(`customers.needStates.${state}`) }))}
          value={draft.need}
          onChange={(value) => set('need', NEED_STATES.find((s) => s === value) ?? draft.need)}
          allowDeselect={false}
          error={errors.need}
          data-testid="customer-need"
        />
        <Select
          label={t('customers.qualification.dealState')}
          data={DEAL_STATES.map((state) => ({ value: state, label: t(`customers.dealStates.${state}`) }))}
          value={draft.dealState}
          disabled
          description={t('customers.qualification.dealStateDerived')}
          allowDeselect={false}
          error={errors.dealState}
          data-testid="customer-deal-state"
        />
      </SimpleGrid>
      <Textarea
        label={t('customers.qualification.objection')}
        description={t('customers.qualification.objectionHint')}
        autosize
        minRows={2}
        maxLength={500}
        value={draft.objection}
        onChange={(event) => set('objection', event.currentTarget.value)}
        error={errors.objection}
        data-testid="customer-objection"
      />
      <Group gap="xl">
        <Switch
          label={t('customers.qualification.refused')}
          checked={draft.refused}
          onChange={(event) => set('refused', event.currentTarget.checked)}
          data-testid="customer-refused"
        />
        <Switch
          label={t('customers.qualification.locked')}
          description={t('customers.qualification.lockedHint')}
          checked={draft.locked}
          onChange={(event) => set('locked', event.currentTarget.checked)}
          data-testid="customer-locked"
        />
      </Group>
    </>
  );
}

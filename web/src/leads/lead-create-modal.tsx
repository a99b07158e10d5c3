/** The "new lead" dialog: kind, name, contact, source and the requirements form. */
import { Alert, Autocomplete, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrors } from '../api/problem-text';
import { CUSTOMER_KINDS } from '../../../src/modules/crm/customer/customer.contract';
import { LEAD_LANGUAGES, LEAD_SOURCES, leadFormsQuery, useCreateLead } from './lead-api';
import { sourceLabel, sourceOf } from './lead-source';

type Draft = {
  kind: (typeof CUSTOMER_KINDS)[number];
  name: string;
  contactName: string;
  phone: string;
  email: string;
  source: string;
  formId: string | null;
  language: (typeof LEAD_LANGUAGES)[number];
};

const empty: Draft = {
  kind: 'business',
  name: '',
  contactName: '',
  phone: '',
  email: '',
  source: '',
  formId: null,
  language: 'zh-CN',
};

/** Creates a lead and opens it. */
export function LeadCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const forms = useQuery(leadFormsQuery);
  const create = useCreateLead();
  // The source is typed as its label ("手工录入"); a known label is sent as its key, anything else as written.
  const fresh = (): Draft => ({ ...empty, source: sourceLabel(t, 'manual') });
  const [draft, setDraft] = useState<Draft>(fresh);
  const errors = fieldErrors(create.error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    create.mutate(
      {
        kind: draft.kind,
        name: draft.name,
        contactName: optional(draft.contactName),
        phone: optional(draft.phone),
        email: optional(draft.email),
        source: sourceOf(t, draft.source),
        formId: draft.formId ?? undefined,
        // A lead answering a product's form is about that product (conversion makes it a deal line).
        productId: forms.data?.find((f) => f.id === draft.formId)?.productId ?? undefined,
        language: draft.language,
      },
      {
        onSuccess: (lead) => {
          setDraft(fresh());
          onClose();
          void navigate({ to: '/leads/$id', params: { id: lead.id } });
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.create')}>
      <Stack component="form" onSubmit={onSubmit} gap="sm" data-testid="lead-create-form">
        <Select
          label={t('leads.field.kind')}
          data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`leads.kind.${k}`) }))}
          value={draft.kind}
          onChange={(v) => v && set('kind', v)}
          allowDeselect={false}
        />
        <TextInput
          label={t('leads.field.name')}
          withAsterisk
          value={draft.name}
          error={errors.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          data-testid="lead-name"
        />
        <TextInput
          label={t('leads.field.contactName')}
          value={draft.contactName}
          onChange={(e) => set('contactName', e.currentTarget.value)}
        />
        <Group grow>
          <TextInput
            label={t('leads.field.phone')}
            value={draft.phone}
            error={errors.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
          />
          <TextInput
            label={t('leads.field.email')}
            value={draft.email}
            error={errors.email}
            onChange={(e) => set('email', e.currentTarget.value)}
          />
        </Group>
        <Autocomplete
          label={t('leads.field.source')}
          data={LEAD_SOURCES.map((source) => sourceLabel(t, source))}
          value={draft.source}
          error={errors.source}
          onChange={(value) => set('source', value)}
          data-testid="lead-source"
        />
        <Select
          label={t('leads.field.form')}
          data={(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          value={draft.formId}
          onChange={(v) => set('formId', v)}
          clearable
          data-testid="lead-form-select"
        />
        <Select
          label={t('leads.field.language')}
          data={LEAD_LANGUAGES.map((l) => ({ value: l, label: t(`leads.language.${l}`) }))}
          value={draft.language}
          onChange={(v) => v && set('language', v)}
          allowDeselect={false}
        />
        {create.isError && !Object.keys(errors).length ? (
          <Alert color="red">{describeError(create.error)}</Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="lead-create-submit">
            {t('leads.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

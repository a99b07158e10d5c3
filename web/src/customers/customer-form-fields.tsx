/** The fields of the customer form: the kind first, then what that kind has, then contact details. */
import { SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_LEVELS, CUSTOMER_KINDS } from '../api/types';
import type { CustomerDraft, DraftTextField } from './customer-draft';

/** What every field group needs: the draft, a way to change one field, and the errors by field. */
export type FieldGroupProps = {
  draft: CustomerDraft;
  set: <K extends keyof CustomerDraft>(key: K, value: CustomerDraft[K]) => void;
  errors: Record<string, string>;
};

/** Props for a controlled TextInput bound to one draft field. */
function bind({ draft, set, errors }: FieldGroupProps, key: DraftTextField) {
  return {
    value: draft[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value),
    error: errors[key],
  };
}

/** The kind as three big segments; switching hides the fields the new kind does not have. */
export function KindPicker({ draft, set }: FieldGroupProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text fw={500} size="sm">
        {t('customerForm.kindLabel')}
      </Text>
      <SegmentedControl
        fullWidth
        value={draft.kind}
        onChange={(value) => set('kind', CUSTOMER_KINDS.find((k) => k === value) ?? 'business')}
        data={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        data-testid="customer-kind"
      />
      <Text size="xs" c="dimmed">
        {t('customerForm.kindHint')}
      </Text>
    </Stack>
  );
}

/** Industry and USCC for a business, the agency level for a government body, nothing for a consumer. */
export function KindSpecificFields(props: FieldGroupProps) {
  const { t } = useTranslation();
  const { draft, set, errors } = props;
  if (draft.kind === 'business') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customers.fields.industry')}
          placeholder={t('customerForm.industryPlaceholder')}
          {...bind(props, 'industry')}
          data-testid="customer-industry"
        />
        <TextInput
          label={t('customers.fields.uscc')}
          placeholder={t('customerForm.usccPlaceholder')}
          description={t('customerForm.usccHint')}
          maxLength={18}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...bind(props, 'uscc')}
          data-testid="customer-uscc"
        />
      </SimpleGrid>
    );
  }
  if (draft.kind === 'government') {
    return (
      <Select
        label={t('customers.fields.agencyLevel')}
        placeholder={t('customerForm.agencyLevelPlaceholder')}
        data={AGENCY_LEVELS.map((level) => ({ value: level, label: t(`agencyLevels.${level}`) }))}
        value={draft.agencyLevel}
        onChange={(value) => set('agencyLevel', AGENCY_LEVELS.find((l) => l === value) ?? null)}
        error={errors.agencyLevel}
        clearable
        data-testid="customer-agency-level"
      />
    );
  }
  return null;
}

/** Name, phone, email, region and tags: what every kind of customer has. */
export function NameField(props: FieldGroupProps & { nameMissing: boolean }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('customers.fields.name')}
      required
      placeholder={t(`customerForm.namePlaceholder.${props.draft.kind}`)}
      {...bind(props, 'name')}
      error={props.nameMissing ? t('validation.required') : props.errors.name}
      data-testid="customer-name"
    />
  );
}

/** Phone, email, region and tags. */
export function ContactFields(props: FieldGroupProps) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('customers.fields.phone')}
          placeholder={t('customerForm.phonePlaceholder')}
          type="tel"
          {...bind(props, 'phone')}
          data-testid="customer-phone"
        />
        <TextInput
          label={t('customers.fields.email')}
          placeholder={t('customerForm.emailPlaceholder')}
          type="email"
          {...bind(props, 'email')}
          data-testid="customer-email"
        />
      </SimpleGrid>
      <TextInput
        label={t('customers.fields.region')}
        placeholder={t('customerForm.regionPlaceholder')}
        {...bind(props, 'region')}
        data-testid="customer-region"
      />
      <TagsInput
        label={t('customers.fields.tags')}
        placeholder={t('customerForm.tagsPlaceholder')}
        value={props.draft.tags}
        onChange={(tags) => props.set('tags', tags)}
        error={props.errors.tags}
        clearable
        data-testid="customer-tags"
      />
    </>
  );
}

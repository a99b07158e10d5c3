/**
 * The fields of the customer form: the kind first, then what that kind has, then contact details and
 * tiers. The profile's edit dialog uses the same groups.
 */
import { SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { crmSettingsQuery } from '../api/queries';
import {
  AGENCY_LEVELS,
  BUSINESS_SIZES,
  CONSUMER_MOTIVES,
  CUSTOMER_KINDS,
  INTENT_TIERS,
  PROCUREMENT_MODES,
} from '../api/types';
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

/** The member of `list` equal to `value`, or null: turns a Select's string back into its union. */
function pick<T extends string>(list: readonly T[], value: string | null): T | null {
  return list.find((item) => item === value) ?? null;
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

/**
 * What only one kind has: industry, size and USCC for a business; agency level, procurement mode and
 * industry for a government body; WeChat and motive for a consumer.
 */
export function KindSpecificFields(props: FieldGroupProps) {
  const { t } = useTranslation();
  const { draft, set, errors } = props;
  const industry = (
    <TextInput
      label={t('customers.fields.industry')}
      placeholder={t('customerForm.industryPlaceholder')}
      {...bind(props, 'industry')}
      data-testid="customer-industry"
    />
  );
  if (draft.kind === 'business') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {industry}
        <Select
          label={t('customers.fields.size')}
          placeholder={t('customerForm.choose')}
          data={BUSINESS_SIZES.map((size) => ({ value: size, label: t(`customers.sizes.${size}`) }))}
          value={draft.size}
          onChange={(value) => set('size', pick(BUSINESS_SIZES, value))}
          error={errors.size}
          clearable
          data-testid="customer-size"
        />
        <TextInput
          label={t('customers.fields.uscc')}
          placeholder={t('customerForm.usccPlaceholder')}
          description={t('customerForm.usccHint')}
          maxLength={18}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...bind(props, 'uscc')}
          error={usccError(errors.uscc, t)}
          data-testid="customer-uscc"
        />
      </SimpleGrid>
    );
  }
  if (draft.kind === 'government') {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('customers.fields.agencyLevel')}
          placeholder={t('customerForm.agencyLevelPlaceholder')}
          data={AGENCY_LEVELS.map((level) => ({ value: level, label: t(`agencyLevels.${level}`) }))}
          value={draft.agencyLevel}
          onChange={(value) => set('agencyLevel', pick(AGENCY_LEVELS, value))}
          error={errors.agencyLevel}
          clearable
          data-testid="customer-agency-level"
        />
        <Select
          label={t('customers.fields.procurementMode')}
          placeholder={t('customerForm.choose')}
          data={PROCUREMENT_MODES.map((mode) => ({
            value: mode,
            label: t(`customers.procurementModes.${mode}`),
          }))}
          value={draft.procurementMode}
          onChange={(value) => set('procurementMode', pick(PROCUREMENT_MODES, value))}
          error={errors.procurementMode}
          clearable
          data-testid="customer-procurement-mode"
        />
        {industry}
      </SimpleGrid>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t('customers.fields.wechatId')}
        placeholder={t('customerForm.wechatPlaceholder')}
        {...bind(props, 'wechatId')}
        data-testid="customer-wechat"
      />
      <Select
        label={t('customers.fields.motive')}
        placeholder={t('customerForm.choose')}
        data={CONSUMER_MOTIVES.map((motive) => ({ value: motive, label: t(`customers.motives.${motive}`) }))}
        value={draft.motive}
        onChange={(value) => set('motive', pick(CONSUMER_MOTIVES, value))}
        error={errors.motive}
        clearable
        data-testid="customer-motive"
      />
    </SimpleGrid>
  );
}

/** The server's USCC messages in the interface language; the length one is translated already. */
function usccError(message: string | undefined, t: TFunction): string | undefined {
  if (!message) return undefined;
  if (/check character/i.test(message)) return t('customerForm.usccCheck');
  if (/only digits and the letters/i.test(message)) return t('customerForm.usccCharacters');
  return message;
}

/** The name, required; its placeholder fits the kind. */
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

/** Phone, email, region, source and tags: what every kind of customer has. */
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
        <TextInput
          label={t('customers.fields.region')}
          placeholder={t('customerForm.regionPlaceholder')}
          {...bind(props, 'region')}
          data-testid="customer-region"
        />
        <TextInput
          label={t('customers.fields.source')}
          placeholder={t('customerForm.sourcePlaceholder')}
          {...bind(props, 'source')}
          data-testid="customer-source"
        />
      </SimpleGrid>
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

/** The intent tier and the value tier to start with; both may stay empty. */
export function TierFields({ draft, set, errors }: FieldGroupProps) {
  const { t } = useTranslation();
  const settings = useQuery(crmSettingsQuery);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={t('customers.fields.intentTier')}
        placeholder={t('customers.noTier')}
        data={INTENT_TIERS.map((tier) => ({ value: tier, label: t(`customers.intentTiers.${tier}`) }))}
        value={draft.intentTier}
        onChange={(value) => set('intentTier', pick(INTENT_TIERS, value))}
        error={errors.intentTier}
        clearable
        data-testid="customer-intent-tier"
      />
      <Select
        label={t('customers.fields.valueTier')}
        placeholder={t('customers.noTier')}
        data={(settings.data?.valueTiers ?? []).map((tier) => ({ value: tier.code, label: tier.label }))}
        value={draft.valueTier}
        onChange={(value) => set('valueTier', value)}
        error={errors.valueTier}
        clearable
        data-testid="customer-value-tier"
      />
    </SimpleGrid>
  );
}

/** The fields a source form shares: name, events per second, and how long events are kept. */
import { Checkbox, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RATE_LIMIT_MAX, RETENTION_DAYS_MAX, type SourceDraft } from './source-draft';

/** "Required" under each field the draft left empty. */
export function requiredErrors(fields: readonly string[], text: string): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, text]));
}

const asNumber = (value: string | number): number | '' =>
  typeof value === 'number' ? value : value.trim() === '' ? '' : Number(value);

type Props = {
  draft: SourceDraft;
  onChange: (next: SourceDraft) => void;
  errors: Record<string, string>;
  /** Shown under the name, e.g. the kind of a new source. */
  afterName?: ReactNode;
};

/** Name, rate and retention inputs; the retention days hide while "keep forever" is ticked. */
export function SourceFields({ draft, onChange, errors, afterName }: Props) {
  const { t } = useTranslation();
  const set = <Key extends keyof SourceDraft>(key: Key, value: SourceDraft[Key]): void =>
    onChange({ ...draft, [key]: value });
  return (
    <Stack gap="md">
      <TextInput
        label={t('sources.name')}
        placeholder={t('sources.namePlaceholder')}
        required
        value={draft.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errors.name}
        data-testid="source-name"
      />
      {afterName}
      <NumberInput
        label={t('sources.rateLimit')}
        description={t('sources.rateLimitHint')}
        min={1}
        max={RATE_LIMIT_MAX}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        suffix={t('sources.perSecondSuffix')}
        value={draft.rateLimitPerSecond}
        onChange={(value) => set('rateLimitPerSecond', asNumber(value))}
        error={errors.rateLimitPerSecond}
        data-testid="source-rate"
      />
      <Stack gap={6}>
        <Checkbox
          label={t('sources.keepForever')}
          checked={draft.keepForever}
          onChange={(event) => set('keepForever', event.currentTarget.checked)}
          data-testid="source-keep-forever"
        />
        {!draft.keepForever && (
          <Group gap="xs" align="flex-start">
            <NumberInput
              label={t('sources.retentionDays')}
              description={t('sources.retentionHint')}
              min={1}
              max={RETENTION_DAYS_MAX}
              allowDecimal={false}
              allowNegative={false}
              value={draft.retentionDays}
              onChange={(value) => set('retentionDays', asNumber(value))}
              error={errors.retentionDays}
              w={220}
              data-testid="source-retention"
            />
          </Group>
        )}
      </Stack>
    </Stack>
  );
}

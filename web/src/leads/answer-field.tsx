/** One question of a requirements form as an input of its type; used by the lead page and the public form. */
import {
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormField } from './lead-api';

type Props = {
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string;
  disabled?: boolean;
};

/** The input for `field`; an empty input hands back `null` (clears the answer). */
export function AnswerField({ field, value, onChange, error, disabled }: Props) {
  const { t } = useTranslation();
  const common = {
    label: field.label,
    description: field.help,
    withAsterisk: field.required,
    error,
    disabled,
    'data-testid': `answer-${field.key}`,
  };
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={field.options ?? []}
          value={text || null}
          onChange={(v) => onChange(v)}
          clearable
        />
      );
    case 'multi_choice':
      return (
        <MultiSelect
          {...common}
          data={field.options ?? []}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v.length ? v : null)}
        />
      );
    case 'yes_no':
      return (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {field.label}
            {field.required ? ' *' : ''}
          </Text>
          {field.help ? (
            <Text size="xs" c="dimmed">
              {field.help}
            </Text>
          ) : null}
          <SegmentedControl
            data-testid={`answer-${field.key}`}
            disabled={disabled}
            data={[
              { value: 'yes', label: t('leads.yes') },
              { value: 'no', label: t('leads.no') },
            ]}
            value={value === true ? 'yes' : value === false ? 'no' : ''}
            onChange={(v) => onChange(v === 'yes')}
          />
          {error ? (
            <Text size="xs" c="red">
              {error}
            </Text>
          ) : null}
        </Stack>
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'file':
      return (
        <TextInput
          {...common}
          type="url"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={1}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
  }
}

/** Field errors of a rejected answers request (`answers.<key>`), keyed by field key. */
export function answerErrors(
  problemErrors: { path: string; message: string }[] | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of problemErrors ?? []) {
    const match = /^(?:body\.)?answers\.(.+)$/.exec(issue.path);
    if (match?.[1]) out[match[1]] ??= issue.message;
  }
  return out;
}

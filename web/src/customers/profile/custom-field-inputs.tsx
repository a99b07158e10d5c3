/** Inputs for the tenant's custom fields that apply to the customer's kind, one per definition. */
import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { CustomFieldDef, CustomerKind } from '../../api/types';
import { appliesTo, type CustomFieldDraft } from '../customer-draft';

type Props = {
  defs: CustomFieldDef[];
  kind: CustomerKind;
  values: Record<string, CustomFieldDraft>;
  onChange: (key: string, value: CustomFieldDraft) => void;
  /** Errors keyed by full path, e.g. `customFields.budgetYear`. */
  errors: Record<string, string>;
};

/** The inputs, two to a row; nothing when the tenant has no custom fields for this kind. */
export function CustomFieldInputs({ defs, kind, values, onChange, errors }: Props) {
  const shown = defs.filter((def) => appliesTo(def, kind));
  if (shown.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="custom-field-inputs">
      {shown.map((def) => (
        <CustomFieldInput
          key={def.key}
          def={def}
          value={values[def.key]}
          onChange={(value) => onChange(def.key, value)}
          error={errors[`customFields.${def.key}`]}
        />
      ))}
    </SimpleGrid>
  );
}

function CustomFieldInput({
  def,
  value,
  onChange,
  error,
}: {
  def: CustomFieldDef;
  value: CustomFieldDraft | undefined;
  onChange: (value: CustomFieldDraft) => void;
  error: string | undefined;
}) {
  const testId = `custom-field-${def.key}`;
  if (def.type === 'boolean') {
    return (
      <Switch
        label={def.label}
        checked={value === true}
        onChange={(event) => onChange(event.currentTarget.checked)}
        error={error}
        mt="lg"
        data-testid={testId}
      />
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (def.type === 'select') {
    return (
      <Select
        label={def.label}
        data={def.options ?? []}
        value={text || null}
        onChange={(next) => onChange(next ?? '')}
        error={error}
        clearable
        data-testid={testId}
      />
    );
  }
  return (
    <TextInput
      label={def.label}
      type={def.type === 'date' ? 'date' : 'text'}
      inputMode={def.type === 'number' ? 'decimal' : undefined}
      value={text}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-testid={testId}
    />
  );
}

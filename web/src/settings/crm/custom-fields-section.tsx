/** Settings → CRM → custom fields: extra fields on customers, by kind, with their type. */
import {
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_TYPES, CUSTOMER_KINDS, type CrmSettings, type CustomFieldDef } from '../../api/types';
import { moveItem, RowControls } from './list-controls';
import { SectionFrame } from './section-frame';
import { useSection } from './use-section';

/** The definitions to send: options only on select fields, no kinds meaning "every kind". */
function toDefs(draft: CustomFieldDef[]): CustomFieldDef[] {
  return draft.map(({ options, kinds, ...def }) => ({
    ...def,
    ...(def.type === 'select' ? { options: options ?? [] } : {}),
    ...(kinds && kinds.length > 0 ? { kinds } : {}),
  }));
}

/** One card per field in the order forms show them, and "Add field". */
export function CustomFieldsSection({ settings, editable }: { settings: CrmSettings; editable: boolean }) {
  const { t } = useTranslation();
  const section = useSection(
    settings,
    'customFields',
    (s) => s.customFields,
    (draft) => ({ customFields: toDefs(draft) }),
  );
  const { draft, setDraft, issues } = section;
  const change = (index: number, patch: Partial<CustomFieldDef>): void =>
    setDraft((current) => current.map((def, i) => (i === index ? { ...def, ...patch } : def)));
  return (
    <SectionFrame
      title={t('settings.crm.customFields.title')}
      description={t('settings.crm.customFields.description')}
      editable={editable}
      testId="crm-custom-fields"
      {...section.frame}
    >
      <Stack gap="sm">
        {draft.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settings.crm.customFields.empty')}
          </Text>
        )}
        {draft.map((def, index) => (
          <Paper key={index} withBorder p="sm" radius="sm" data-testid="custom-field-row">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" flex={1} miw={0}>
                <TextInput
                  label={t('settings.crm.customFields.key')}
                  value={def.key}
                  onChange={(event) => change(index, { key: event.currentTarget.value })}
                  error={issues[`${index}.key`]}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  data-testid="custom-field-key"
                />
                <TextInput
                  label={t('settings.crm.customFields.label')}
                  value={def.label}
                  onChange={(event) => change(index, { label: event.currentTarget.value })}
                  error={issues[`${index}.label`]}
                  data-testid="custom-field-label"
                />
                <Select
                  label={t('settings.crm.customFields.type')}
                  data={CUSTOM_FIELD_TYPES.map((type) => ({
                    value: type,
                    label: t(`settings.crm.customFields.types.${type}`),
                  }))}
                  value={def.type}
                  onChange={(value) =>
                    change(index, { type: CUSTOM_FIELD_TYPES.find((type) => type === value) ?? def.type })
                  }
                  allowDeselect={false}
                  data-testid="custom-field-type"
                />
                {def.type === 'select' && (
                  <TagsInput
                    label={t('settings.crm.customFields.options')}
                    placeholder={t('settings.crm.customFields.optionsPlaceholder')}
                    value={def.options ?? []}
                    onChange={(options) => change(index, { options })}
                    error={issues[`${index}.options`]}
                    data-testid="custom-field-options"
                  />
                )}
                <MultiSelect
                  label={t('settings.crm.customFields.kinds')}
                  placeholder={def.kinds?.length ? undefined : t('settings.crm.customFields.allKinds')}
                  data={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
                  value={def.kinds ?? []}
                  onChange={(kinds) =>
                    change(index, { kinds: CUSTOMER_KINDS.filter((kind) => kinds.includes(kind)) })
                  }
                  clearable
                  data-testid="custom-field-kinds"
                />
              </SimpleGrid>
              <RowControls
                index={index}
                count={draft.length}
                onMove={(step) => setDraft((current) => moveItem(current, index, step))}
                onRemove={() => setDraft((current) => current.filter((_, i) => i !== index))}
                testId="custom-field"
              />
            </Group>
          </Paper>
        ))}
        {editable && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setDraft((current) => [...current, { key: '', label: '', type: 'text' }])}
              disabled={draft.length >= 100}
              data-testid="add-custom-field"
            >
              {t('settings.crm.customFields.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionFrame>
  );
}

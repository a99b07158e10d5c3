/** Names of import fields and column targets in the interface language. */
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../../api/types';
import { IGNORE, IMPORT_FIELDS, NAME_PARTS, type TargetOption } from './import-fields';

/** Labels a column target: a field, a part of the name, a custom field or "leave out". */
export function useTargetLabel(customFields: CustomFieldDef[]): (option: TargetOption) => string {
  const { t } = useTranslation();
  return (option) => {
    if (option.value === IGNORE) return t('import.mapping.ignore');
    if (option.field) return t(`import.fields.${option.field}`);
    return t('import.fields.custom', {
      label:
        option.custom ?? customFields.find((d) => `custom.${d.key}` === option.value)?.label ?? option.value,
    });
  };
}

/** Labels the field of a rejection (`phone`, `custom.level`, `row`); unknown names as they are. */
export function useFieldLabel(customFields: CustomFieldDef[]): (field: string) => string {
  const { t } = useTranslation();
  return (field) => {
    const known = [...IMPORT_FIELDS, ...NAME_PARTS].find((name) => name === field);
    if (known) return t(`import.fields.${known}`);
    if (field === 'row') return t('import.fields.row');
    const custom = field.startsWith('custom.')
      ? customFields.find((d) => `custom.${d.key}` === field)
      : undefined;
    return custom ? t('import.fields.custom', { label: custom.label }) : field;
  };
}

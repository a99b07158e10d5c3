/** Step 2 of the import: what each column feeds (changeable), a preview, and what a run would do. */
import { Alert, Button, Code, Group, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../../api/types';
import { describeError } from '../../api/problem-text';
import type { ImportReport, OnDuplicate } from '../../../../src/modules/crm/import/import.contract';
import { currentTarget, targetOptions, type TargetOption } from './import-fields';
import { useTargetLabel } from './import-labels';

type Props = {
  fileName: string;
  check: ImportReport;
  customFields: CustomFieldDef[];
  overrides: Record<string, string>;
  onOverride: (header: string, target: string) => void;
  onDuplicate: OnDuplicate;
  onOnDuplicate: (value: OnDuplicate) => void;
  onBack: () => void;
  onCheck: () => void;
  onRun: () => void;
  checking: boolean;
  running: boolean;
  error: unknown;
};

/** The column table, the duplicate choice, the dry run's counts and the buttons. */
export function ImportMappingStep(props: Props) {
  const { t } = useTranslation();
  const { check } = props;
  const importable = check.rows - check.rejectedRows;
  return (
    <Stack gap="md">
      <Text size="sm">{t('import.mapping.intro', { name: props.fileName })}</Text>
      <Text size="xs" c="dimmed">
        {t('import.mapping.encoding', { encoding: check.encoding.toUpperCase(), count: check.rows })}
      </Text>
      {check.missingRequired.length > 0 && (
        <Alert color="red" data-testid="import-no-name">
          {t('import.mapping.noName')}
        </Alert>
      )}
      <ColumnTable {...props} />
      {check.unmapped.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="import-unmapped">
          {t('import.mapping.unmapped', { columns: check.unmapped.join(', ') })}
        </Text>
      )}
      <Radio.Group
        label={t('import.mapping.onDuplicate')}
        description={t('import.mapping.onDuplicateHint')}
        value={props.onDuplicate}
        onChange={(value) => props.onOnDuplicate(value)}
      >
        <Stack gap={6} mt="xs">
          <Radio value="report" label={t('import.mapping.onDuplicateReport')} />
          <Radio value="create" label={t('import.mapping.onDuplicateCreate')} />
          <Radio value="update" label={t('import.mapping.onDuplicateUpdate')} />
        </Stack>
      </Radio.Group>
      <Alert color="blue" variant="light" data-testid="import-dry-run">
        {t('import.mapping.dryRun', {
          created: check.created,
          updated: check.updated,
          duplicates: check.duplicates.length,
          rejected: check.rejectedRows,
        })}
      </Alert>
      {props.error !== null && props.error !== undefined && (
        <Alert color="red" data-testid="import-run-error">
          {describeError(props.error)}
        </Alert>
      )}
      {props.running && (
        <Text size="sm" c="dimmed">
          {t('import.mapping.running')}
        </Text>
      )}
      <Group justify="space-between" gap="sm">
        <Button variant="default" onClick={props.onBack} disabled={props.running}>
          {t('import.mapping.back')}
        </Button>
        <Group gap="sm">
          <Button variant="light" onClick={props.onCheck} loading={props.checking} disabled={props.running}>
            {t('import.mapping.check')}
          </Button>
          <Button
            onClick={props.onRun}
            loading={props.running}
            disabled={props.checking || check.missingRequired.length > 0}
            data-testid="import-run"
          >
            {t('import.mapping.run', { count: importable })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function ColumnTable({ check, customFields, overrides, onOverride }: Props) {
  const { t } = useTranslation();
  const label = useTargetLabel(customFields);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" data-testid="import-columns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.mapping.column')}</Table.Th>
            <Table.Th>{t('import.mapping.field')}</Table.Th>
            <Table.Th>{t('import.mapping.sample')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {check.columns.map((column, index) => (
            <Table.Tr key={`${index}-${column.header}`} data-testid="import-column">
              <Table.Td>
                <Code>{column.header || '—'}</Code>
              </Table.Td>
              <Table.Td miw={220}>
                <Select
                  size="xs"
                  searchable
                  allowDeselect={false}
                  value={currentTarget(column, overrides)}
                  onChange={(value) => value && onOverride(column.header, value)}
                  data={targetOptions(customFields, column.target).map((option: TargetOption) => ({
                    value: option.value,
                    label: label(option),
                  }))}
                  aria-label={t('import.mapping.field')}
                  data-testid="import-target"
                />
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="xs" c="dimmed" truncate>
                  {check.preview
                    .map((row) => row.values[index] ?? '')
                    .filter((value) => value.trim() !== '')
                    .join(' · ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

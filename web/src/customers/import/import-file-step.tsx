/** Step 1 of the import: drop or pick a CSV file and say what kind of customers it holds. */
import { Alert, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/problem-text';
import { CUSTOMER_KINDS, type CustomerKind } from '../../api/types';
import { fileSize } from './import-fields';

/** The kind choice: a kind, or `detect` to leave it to the file. */
export type KindChoice = CustomerKind | 'detect';

type Props = {
  file: File | null;
  onFile: (file: File) => void;
  kind: KindChoice;
  onKind: (kind: KindChoice) => void;
  onNext: () => void;
  pending: boolean;
  error: unknown;
};

/** The drop zone (also a file picker), the kind, and "next", which checks the file on the server. */
export function ImportFileStep({ file, onFile, kind, onKind, onNext, pending, error }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="md"
        p="xl"
        bg={dragging ? 'var(--mantine-color-blue-light)' : undefined}
        style={{ borderStyle: 'dashed', borderWidth: 2 }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="import-dropzone"
      >
        <Stack align="center" gap="xs">
          <Text fw={500}>{t('import.file.drop')}</Text>
          <Text size="sm" c="dimmed">
            {t('import.file.or')}
          </Text>
          <Button component="label" htmlFor={inputId} variant="light">
            {t('import.file.choose')}
          </Button>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv,application/vnd.ms-excel"
            hidden
            data-testid="import-file"
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0];
              if (chosen) onFile(chosen);
              event.currentTarget.value = '';
            }}
          />
          {file && (
            <Text size="sm" fw={500} data-testid="import-file-name" style={{ overflowWrap: 'anywhere' }}>
              {t('import.file.selected', { name: file.name, size: fileSize(file.size) })}
            </Text>
          )}
          <Text size="xs" c="dimmed" ta="center" maw={520}>
            {t('import.file.hint')}
          </Text>
        </Stack>
      </Paper>
      <Select
        label={t('import.file.kind')}
        description={t('import.file.kindHint')}
        value={kind}
        onChange={(value) => onKind(value ?? 'detect')}
        allowDeselect={false}
        data={[
          { value: 'detect', label: t('import.file.kindDetect') },
          ...CUSTOMER_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) })),
        ]}
        maw={360}
        data-testid="import-kind"
      />
      {error !== null && error !== undefined && (
        <Alert color="red" data-testid="import-file-error">
          {describeError(error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={onNext} disabled={!file} loading={pending} data-testid="import-next">
          {t('import.file.next')}
        </Button>
      </Group>
    </Stack>
  );
}

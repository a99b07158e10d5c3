/**
 * "Import CSV" of an offline source: which columns a file may have, an example to download, a file
 * picker, then the server's per-row report (stored, duplicates, rejected rows with the reason).
 */
import { Alert, Anchor, Button, Code, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../src/modules/insights/source/source.contract';
import { describeError } from '../../api/problem-text';
import { currentLocale } from '../../i18n/i18n';
import { useLastPresent } from '../use-last-present';
import { useOfflineImport } from './offline-import-api';
import { OfflineImportReportView } from './offline-import-report';
import { downloadOfflineExample, importProblemText } from './offline-import-text';

/** Open while `source` is set; closing forgets the file and the report. */
export function OfflineImportModal({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = useLastPresent(source);
  return (
    <Modal
      opened={source !== null}
      onClose={onClose}
      title={t('sources.importCsv.title', { name: shown?.name ?? '' })}
      centered
      size="lg"
    >
      {shown && <OfflineImportForm key={shown.id} source={shown} onDone={onClose} />}
    </Modal>
  );
}

const sizeOf = (bytes: number): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The help, the picker and, once the server has answered, the report. */
function OfflineImportForm({ source, onDone }: { source: Source; onDone: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const run = useOfflineImport();
  const problem = importProblemText(run.error);
  const pick = (chosen: File): void => {
    setFile(chosen);
    run.reset();
  };
  const again = (): void => {
    setFile(null);
    run.reset();
  };
  if (run.data) {
    return (
      <Stack gap="md">
        <Alert color="teal" data-testid="offline-import-done">
          {t('sources.importCsv.done', { count: run.data.stored, file: file?.name ?? '' })}
        </Alert>
        <OfflineImportReportView report={run.data} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={again} data-testid="offline-import-again">
            {t('sources.importCsv.again')}
          </Button>
          <Button onClick={onDone} data-testid="offline-import-close">
            {t('sources.done')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <ColumnHelp />
      <Paper withBorder radius="md" p="lg" style={{ borderStyle: 'dashed', borderWidth: 2 }}>
        <Stack align="center" gap="xs">
          <Button component="label" htmlFor={inputId} variant="light">
            {t('sources.importCsv.choose')}
          </Button>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv,application/vnd.ms-excel"
            hidden
            data-testid="offline-import-file"
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0];
              if (chosen) pick(chosen);
              event.currentTarget.value = '';
            }}
          />
          <Text
            size="sm"
            fw={file ? 500 : undefined}
            c={file ? undefined : 'dimmed'}
            data-testid="offline-import-file-name"
            style={{ overflowWrap: 'anywhere' }}
          >
            {file
              ? t('sources.importCsv.selected', { name: file.name, size: sizeOf(file.size) })
              : t('sources.importCsv.none')}
          </Text>
        </Stack>
      </Paper>
      {run.isError && (
        <Alert color="red" title={t('sources.importCsv.failed')} data-testid="offline-import-error">
          {problem ? t(`sources.importCsv.${problem.key}`, problem.values) : describeError(run.error)}
        </Alert>
      )}
      <Group justify="space-between" gap="sm">
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => downloadOfflineExample(currentLocale())}
          data-testid="offline-import-example"
        >
          {t('sources.importCsv.example')}
        </Anchor>
        <Group gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('sources.cancel')}
          </Button>
          <Button
            disabled={!file}
            loading={run.isPending}
            onClick={() => file && run.mutate({ sourceId: source.id, file })}
            data-testid="offline-import-submit"
          >
            {t('sources.importCsv.submit')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** The columns a file may have; header names are the same in both languages, so they are not texts. */
const COLUMNS = [
  { key: 'event', headers: ['event', '事件'] },
  { key: 'timestamp', headers: ['timestamp', '时间'] },
  { key: 'ids', headers: ['userId', '用户ID', 'anonymousId'] },
  { key: 'contact', headers: ['email', '邮箱', 'phone', '手机', 'name', '姓名'] },
  { key: 'groupId', headers: ['groupId'] },
  { key: 'messageId', headers: ['messageId'] },
] as const;

function ColumnHelp() {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="offline-import-help">
      <Text size="sm">{t('sources.importCsv.intro')}</Text>
      <List size="sm" spacing={4}>
        {COLUMNS.map(({ key, headers }) => (
          <List.Item key={key}>
            {headers.map((header) => (
              <Code key={header} mr={4}>
                {header}
              </Code>
            ))}
            {t(`sources.importCsv.columns.${key}`)}
          </List.Item>
        ))}
        <List.Item>{t('sources.importCsv.columns.other')}</List.Item>
      </List>
      <Text size="xs" c="dimmed">
        {t('sources.importCsv.encoding')}
      </Text>
    </Stack>
  );
}

/**
 * Settings → Backups (备份): the scheduled backups of the embedded database with their size and age,
 * the state of the last backup run (a failure shows with its error), and how to restore one.
 */
import { Alert, Badge, Center, Code, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { JobPage } from '../../../src/platform/jobs/job.contract';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { useFormat } from '../shell/use-format';

type BackupList = {
  scheduled: boolean;
  dir: string | null;
  items: { name: string; bytes: number; createdAt: string; ageSeconds: number }[];
};

const MB = 1024 * 1024;

/** A size in KB or MB, one decimal. */
function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The last run of the backup job: when, and whether it failed. */
function LastRun() {
  const { t } = useTranslation();
  const format = useFormat();
  const last = useQuery({
    queryKey: ['jobs', 'db.backup'],
    queryFn: () => callApi<JobPage>('GET', '/api/jobs?name=db.backup&limit=1'),
    refetchInterval: 30_000,
  });
  const job = last.data?.items[0];
  if (!job) return null;
  if (job.status === 'failed' || job.lastError) {
    return (
      <Alert color="red" title={t('backups.failedTitle')} data-testid="backups-failed">
        {t('backups.failed', { at: format.dateTime(job.finishedAt ?? job.runAt) })}
        <Code block mt="xs">
          {job.lastError ?? ''}
        </Code>
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed" data-testid="backups-next">
      {t('backups.nextRun', { at: format.dateTime(job.runAt) })}
    </Text>
  );
}

/** The backup list, or why there is none. */
export function BackupsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery({
    queryKey: ['backups'],
    queryFn: () => callApi<BackupList>('GET', '/api/backups'),
  });
  if (list.isPending)
    return (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  if (list.isError) return <Alert color="red">{describeError(list.error)}</Alert>;
  const { scheduled, dir, items } = list.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={720}>
        {t('backups.intro')}
      </Text>
      {scheduled ? (
        <Group gap="xs">
          <Badge color="teal" variant="light">
            {t('backups.scheduled')}
          </Badge>
          <Text size="sm" ff="monospace" data-testid="backups-dir">
            {dir}
          </Text>
        </Group>
      ) : (
        <Alert color="gray" data-testid="backups-off">
          {t('backups.notScheduled')}
        </Alert>
      )}
      <LastRun />
      <Paper withBorder radius="md">
        {items.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center" data-testid="backups-empty">
            {t('backups.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" data-testid="backup-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.file')}</Table.Th>
                  <Table.Th>{t('backups.size')}</Table.Th>
                  <Table.Th>{t('backups.taken')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.name} data-testid="backup-row">
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {item.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{size(item.bytes)}</Table.Td>
                    <Table.Td>
                      {format.dateTime(item.createdAt)} ·{' '}
                      {t('backups.age', { hours: Math.floor(item.ageSeconds / 3600) })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <Text size="sm">{t('backups.restoreHint')}</Text>
      <Code block>kehu db verify &lt;file&gt;{'\n'}kehu db restore &lt;file&gt;</Code>
    </Stack>
  );
}

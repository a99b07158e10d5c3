/**
 * Settings → Jobs (后台任务): the background job queue shared by every server process, newest first,
 * filtered by status, with a retry button for a job that failed for good.
 */
import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Table,
  Text,
} from '@mantine/core';
import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobOut, JobPage, JobStatus } from '../../../src/platform/jobs/job.contract';
import { callApi, queryString } from '../api/client';
import { describeError } from '../api/problem-text';
import { useFormat } from '../shell/use-format';

const STATUSES: readonly JobStatus[] = ['queued', 'running', 'failed', 'succeeded'];
const STATUS_COLORS: Record<JobStatus, string> = {
  queued: 'blue',
  running: 'orange',
  failed: 'red',
  succeeded: 'teal',
};

function jobsQuery(status: JobStatus | undefined) {
  return infiniteQueryOptions({
    queryKey: ['jobs', status ?? 'all'],
    queryFn: ({ pageParam }) =>
      callApi<JobPage>('GET', `/api/jobs${queryString({ status, after: pageParam, limit: 50 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Jobs move on their own: keep the view fresh while it is open.
    refetchInterval: 5000,
  });
}

/** The job table with a status filter and more pages on demand. */
export function JobsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<JobStatus | 'all'>('all');
  const list = useInfiniteQuery({
    ...jobsQuery(status === 'all' ? undefined : status),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Text size="sm" c="dimmed" maw={720}>
        {t('jobs.intro')}
      </Text>
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value)}
        data={(['all', ...STATUSES] as const).map((value) => ({ value, label: t(`jobs.status.${value}`) }))}
        data-testid="jobs-status"
        w="fit-content"
      />
      <Paper withBorder radius="md">
        {list.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : list.isError ? (
          <Alert color="red" m="md">
            {describeError(list.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center" data-testid="jobs-empty">
            {t('jobs.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" data-testid="job-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('jobs.name')}</Table.Th>
                  <Table.Th>{t('jobs.statusColumn')}</Table.Th>
                  <Table.Th>{t('jobs.attempts')}</Table.Th>
                  <Table.Th>{t('jobs.runAt')}</Table.Th>
                  <Table.Th>{t('jobs.lastError')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((job) => (
                  <JobRow key={job.id} job={job} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('jobs.more')}
          </Button>
        </Group>
      )}
    </>
  );
}

/** One job: its name, where it stands, how often it was tried, when it is due and what went wrong. */
function JobRow({ job }: { job: JobOut }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => callApi<JobOut>('POST', `/api/jobs/${encodeURIComponent(job.id)}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
  return (
    <Table.Tr data-testid="job-row">
      <Table.Td>
        <Text size="sm" ff="monospace">
          {job.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLORS[job.status]} variant="light">
          {t(`jobs.status.${job.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{t('jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}</Table.Td>
      <Table.Td>{format.dateTime(job.runAt)}</Table.Td>
      <Table.Td maw={360}>
        <Text size="xs" c={job.lastError ? 'red' : 'dimmed'} lineClamp={2} title={job.lastError ?? undefined}>
          {retry.isError ? describeError(retry.error) : (job.lastError ?? '—')}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        {job.status === 'failed' && (
          <Button
            size="xs"
            variant="subtle"
            loading={retry.isPending}
            onClick={() => retry.mutate()}
            data-testid="retry-job"
          >
            {t('jobs.retry')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

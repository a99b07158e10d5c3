/**
 * Settings → Audit log (审计日志): security-relevant actions of the tenant, newest first, with who
 * acted, from which address and when; filtered by action and by a date range, more pages on demand.
 */
import {
  Alert,
  Button,
  Center,
  Code,
  Group,
  Loader,
  Paper,
  Select,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALL_AUDIT_ACTIONS,
  type AuditEntryOut,
  type AuditPage,
} from '../../../src/modules/access/audit/audit.contract';
import { callApi, queryString } from '../api/client';
import { describeError } from '../api/problem-text';
import { userDirectoryQuery } from '../api/queries';
import { useFormat } from '../shell/use-format';

/** What the list is filtered by: an action and a range of local days (`YYYY-MM-DD`, both included). */
type Filters = { action: string | null; fromDay: string; toDay: string };

/** The start of a local day as an ISO instant; `plusDays` moves it (1: the start of the next day). */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

function auditQuery(filters: Filters) {
  const params = {
    action: filters.action ?? undefined,
    from: dayStart(filters.fromDay),
    to: dayStart(filters.toDay, 1),
    limit: 50,
  };
  return infiniteQueryOptions({
    queryKey: ['audit-log', params],
    queryFn: ({ pageParam }) =>
      callApi<AuditPage>('GET', `/api/audit-log${queryString({ ...params, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The audit table with its filters. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ action: null, fromDay: '', toDay: '' });
  const list = useInfiniteQuery({ ...auditQuery(filters), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Text size="sm" c="dimmed" maw={720}>
        {t('audit.intro')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          clearable
          searchable
          value={filters.action}
          onChange={(action) => setFilters({ ...filters, action })}
          data={ALL_AUDIT_ACTIONS.map((value) => ({ value, label: t(`audit.actions.${value}`) }))}
          data-testid="audit-action"
          w={280}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.fromDay}
          onChange={(event) => setFilters({ ...filters, fromDay: event.currentTarget.value })}
          data-testid="audit-from"
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.toDay}
          onChange={(event) => setFilters({ ...filters, toDay: event.currentTarget.value })}
          data-testid="audit-to"
        />
      </Group>
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
          <Text c="dimmed" p="xl" ta="center" data-testid="audit-empty">
            {t('audit.empty')}
          </Text>
        ) : (
          <AuditTable items={items} />
        )}
      </Paper>
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('audit.more')}
          </Button>
        </Group>
      )}
    </>
  );
}

/** The entries: time, actor, action, address and details. */
function AuditTable({ items }: { items: AuditEntryOut[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const directory = useQuery(userDirectoryQuery);
  const nameOf = (entry: AuditEntryOut): string => {
    if (entry.actorUserId === null) return t('audit.anonymous');
    return directory.data?.find((user) => user.id === entry.actorUserId)?.name ?? entry.actorUserId;
  };
  const actionLabel = (action: string): string => {
    const known = ALL_AUDIT_ACTIONS.find((candidate) => candidate === action);
    return known ? t(`audit.actions.${known}`) : action;
  };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.address')}</Table.Th>
            <Table.Th>{t('audit.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((entry) => (
            <Table.Tr key={entry.id} data-testid="audit-row">
              <Table.Td>{format.dateTime(entry.at)}</Table.Td>
              <Table.Td>
                <Text size="sm">{nameOf(entry)}</Text>
                <Text size="xs" c="dimmed">
                  {entry.actorKind}
                </Text>
              </Table.Td>
              <Table.Td>{actionLabel(entry.action)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {entry.address ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td maw={360}>
                <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {JSON.stringify(entry.details)}
                </Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

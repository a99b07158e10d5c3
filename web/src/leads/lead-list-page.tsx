/** The lead list: search and status filter, newest first, a page at a time; create a lead. */
import {
  Alert,
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { PlusIcon } from '../shell/icons';
import { useFormat } from '../shell/use-format';
import { usePageTitle } from '../shell/use-page-title';
import { LeadCreateModal } from './lead-create-modal';
import { sourceLabel } from './lead-source';
import { LEAD_STATUSES, leadListQuery } from './lead-api';
import { LeadStatusBadge } from './lead-status-badge';

/** The page. */
export function LeadListPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  usePageTitle(t('leads.title'));
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [search] = useDebouncedValue(q, 300);
  const [creating, { open, close }] = useDisclosure(false);
  const list = useInfiniteQuery(
    leadListQuery({ q: search.trim() || undefined, status: status ?? undefined }),
  );
  const leads = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="md" data-testid="lead-list-page">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t('leads.title')}</Title>
          <Text size="sm" c="dimmed" maw={640}>
            {t('leads.intro')}
          </Text>
        </div>
        <Group>
          <Button variant="default" component={Link} to="/lead-forms">
            {t('leads.forms')}
          </Button>
          <Button leftSection={<PlusIcon size={16} />} onClick={open} data-testid="create-lead">
            {t('leads.create')}
          </Button>
        </Group>
      </Group>
      <Group>
        <TextInput
          placeholder={t('leads.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={320}
        />
        <Select
          placeholder={t('leads.allStatuses')}
          data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={180}
          data-testid="lead-status-filter"
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
        ) : leads.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center">
            {t('leads.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="lead-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('leads.field.name')}</Table.Th>
                  <Table.Th>{t('leads.field.kind')}</Table.Th>
                  <Table.Th>{t('leads.field.status')}</Table.Th>
                  <Table.Th>{t('leads.field.contactName')}</Table.Th>
                  <Table.Th>{t('leads.field.source')}</Table.Th>
                  <Table.Th>{t('leads.field.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {leads.map((lead) => (
                  <Table.Tr key={lead.id} data-testid="lead-row">
                    <Table.Td>
                      <Anchor
                        renderRoot={(props) => <Link {...props} to="/leads/$id" params={{ id: lead.id }} />}
                        fw={500}
                      >
                        {lead.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`leads.kind.${lead.kind}`)}</Table.Td>
                    <Table.Td>
                      <LeadStatusBadge status={lead.status} />
                    </Table.Td>
                    <Table.Td>{lead.contactName ?? '—'}</Table.Td>
                    <Table.Td>{sourceLabel(t, lead.source)}</Table.Td>
                    <Table.Td>{dateTime(lead.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.hasNextPage ? (
        <Center>
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('leads.loadMore')}
          </Button>
        </Center>
      ) : null}
      <LeadCreateModal opened={creating} onClose={close} />
    </Stack>
  );
}

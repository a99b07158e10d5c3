/**
 * Settings → Privacy (隐私): personal-information requests (export or erase a person or contact by any
 * id), the suppression list with drop counts, and this tenant's export and scheduled removal.
 * Admins only (`privacy.manage`); see docs/privacy.md.
 */
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EraseResult } from '../../../src/modules/insights/privacy/privacy.contract';
import type { SuppressionList } from '../../../src/modules/insights/suppression/suppression.contract';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { useFormat } from '../shell/use-format';

type TenantRemoval = { requestedAt: string; dueAt: string; doneAt: string | null } | null;

/** Offers `data` as a JSON file download. */
function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The page at /settings/privacy. */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={960} data-testid="privacy-page">
      <Text size="sm" c="dimmed">
        {t('privacy.intro')}
      </Text>
      <PersonRequest />
      <Suppressions />
      <TenantData />
    </Stack>
  );
}

function PersonRequest() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [ref, setRef] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const path = `/api/persons/${encodeURIComponent(ref.trim())}`;
  const exporting = useMutation({
    mutationFn: () => callApi<unknown>('GET', `${path}/export`),
    onSuccess: (file) => download(`person-${ref.trim()}.json`, file),
  });
  const erasing = useMutation({
    mutationFn: () => callApi<EraseResult>('POST', `${path}/erase`),
    onSuccess: () => {
      setConfirmed(false);
      void queryClient.invalidateQueries({ queryKey: ['suppressions'] });
    },
  });
  const error = exporting.error ?? erasing.error;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={4}>{t('privacy.personTitle')}</Title>
        <TextInput
          label={t('privacy.ref')}
          description={t('privacy.refHint')}
          value={ref}
          onChange={(event) => setRef(event.currentTarget.value)}
          data-testid="privacy-ref"
        />
        <Group>
          <Button
            disabled={!ref.trim()}
            loading={exporting.isPending}
            onClick={() => exporting.mutate()}
            data-testid="privacy-export"
          >
            {t('privacy.export')}
          </Button>
          <Checkbox
            label={t('privacy.eraseConfirm')}
            checked={confirmed}
            onChange={(event) => setConfirmed(event.currentTarget.checked)}
          />
          <Button
            color="red"
            disabled={!ref.trim() || !confirmed}
            loading={erasing.isPending}
            onClick={() => erasing.mutate()}
            data-testid="privacy-erase"
          >
            {t('privacy.erase')}
          </Button>
        </Group>
        {error && <Alert color="red">{describeError(error)}</Alert>}
        {erasing.data && (
          <Alert color="teal" data-testid="privacy-erased">
            {t('privacy.erased', {
              events: erasing.data.eventsAnonymised,
              identities: erasing.data.identitiesSuppressed,
              contacts: erasing.data.contactsErased,
            })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Suppressions() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery({
    queryKey: ['suppressions'],
    queryFn: () => callApi<SuppressionList>('GET', '/api/suppressions'),
  });
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={4}>{t('privacy.suppressionsTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('privacy.suppressionsIntro')}
        </Text>
        {list.isError && <Alert color="red">{describeError(list.error)}</Alert>}
        {list.data && list.data.items.length === 0 && <Text size="sm">{t('privacy.none')}</Text>}
        {list.data && list.data.items.length > 0 && (
          <>
            <Text size="sm">{t('privacy.droppedTotal', { count: list.data.droppedTotal })}</Text>
            <Table data-testid="privacy-suppressions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.kind')}</Table.Th>
                  <Table.Th>{t('privacy.hash')}</Table.Th>
                  <Table.Th>{t('privacy.createdAt')}</Table.Th>
                  <Table.Th>{t('privacy.dropped')}</Table.Th>
                  <Table.Th>{t('privacy.lastDropped')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <Table.Tr key={`${item.kind}:${item.valueHash}`}>
                    <Table.Td>{item.kind}</Table.Td>
                    <Table.Td ff="monospace">{item.valueHash.slice(0, 12)}…</Table.Td>
                    <Table.Td>{format.dateTime(item.createdAt)}</Table.Td>
                    <Table.Td>{item.droppedCount}</Table.Td>
                    <Table.Td>{item.lastDroppedAt ? format.dateTime(item.lastDroppedAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function TenantData() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const removal = useQuery({
    queryKey: ['tenant-removal'],
    queryFn: () => callApi<TenantRemoval>('GET', '/api/tenant/removal'),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['tenant-removal'] });
  const exporting = useMutation({
    mutationFn: () => callApi<unknown>('POST', '/api/tenant/export'),
    onSuccess: (document) => download('tenant-export.json', document),
  });
  const schedule = useMutation({
    mutationFn: () => callApi('POST', '/api/tenant/removal', {}),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: () => callApi('DELETE', '/api/tenant/removal'),
    onSuccess: refresh,
  });
  const error = exporting.error ?? schedule.error ?? cancel.error ?? removal.error;
  const state = removal.data;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={4}>{t('privacy.tenantTitle')}</Title>
        <Group>
          <Button variant="default" loading={exporting.isPending} onClick={() => exporting.mutate()}>
            {t('privacy.tenantExport')}
          </Button>
        </Group>
        <Text size="sm" data-testid="privacy-removal">
          {!state
            ? t('privacy.removalNone')
            : state.doneAt
              ? t('privacy.removalDone', { done: format.dateTime(state.doneAt) })
              : t('privacy.removalDue', { due: format.dateTime(state.dueAt) })}
        </Text>
        <Group>
          {!state && (
            <Button
              color="red"
              variant="light"
              loading={schedule.isPending}
              onClick={() => schedule.mutate()}
            >
              {t('privacy.scheduleRemoval')}
            </Button>
          )}
          {state && !state.doneAt && (
            <Button variant="default" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('privacy.cancelRemoval')}
            </Button>
          )}
        </Group>
        {error && <Alert color="red">{describeError(error)}</Alert>}
      </Stack>
    </Paper>
  );
}

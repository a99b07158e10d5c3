/**
 * Settings → API keys: the keys other systems use, with create, rotate and revoke, their expiry and
 * when they were last used, and a warning for live keys unused for 90 days.
 */
import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { describeError } from '../api/problem-text';
import { apiKeysQuery } from '../api/queries';
import type { ApiKeyOut } from '../api/types';
import { PlusIcon } from '../shell/icons';
import { useFormat } from '../shell/use-format';
import { CreateApiKeyModal } from './create-api-key-modal';
import { RotateApiKeyModal } from './rotate-api-key-modal';

/** The API keys table, newest first, with a button to create one. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useQuery(apiKeysQuery);
  const [creating, { open, close }] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKeyOut | null>(null);
  const [rotating, setRotating] = useState<ApiKeyOut | null>(null);
  const stale = (keys.data ?? []).filter((key) => key.stale);
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          {t('apiKeys.intro')}
        </Text>
        <Button leftSection={<PlusIcon size={16} />} onClick={open} data-testid="create-api-key">
          {t('apiKeys.create')}
        </Button>
      </Group>
      {stale.length > 0 && (
        <Alert color="yellow" title={t('apiKeys.staleTitle')} data-testid="stale-api-keys">
          {t('apiKeys.staleText', { names: stale.map((key) => key.name).join(', ') })}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {keys.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : keys.isError ? (
          <Alert color="red" m="md">
            {describeError(keys.error)}
          </Alert>
        ) : keys.data.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center" data-testid="api-keys-empty">
            {t('apiKeys.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" data-testid="api-key-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apiKeys.name')}</Table.Th>
                  <Table.Th>{t('apiKeys.role')}</Table.Th>
                  <Table.Th>{t('apiKeys.prefix')}</Table.Th>
                  <Table.Th>{t('apiKeys.created')}</Table.Th>
                  <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                  <Table.Th>{t('apiKeys.expires')}</Table.Th>
                  <Table.Th>{t('apiKeys.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.data.map((key) => (
                  <ApiKeyRow
                    key={key.id}
                    apiKey={key}
                    onRevoke={() => setRevoking(key)}
                    onRotate={() => setRotating(key)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CreateApiKeyModal opened={creating} onClose={close} />
      <RevokeModal apiKey={revoking} onClose={() => setRevoking(null)} />
      <RotateApiKeyModal apiKey={rotating} onClose={() => setRotating(null)} />
    </>
  );
}

/** One key: what it is called, what it may do, when it was last used and expires; rotate and revoke while live. */
function ApiKeyRow(props: { apiKey: ApiKeyOut; onRevoke: () => void; onRotate: () => void }) {
  const { apiKey, onRevoke, onRotate } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const expired = apiKey.expiresAt !== null && new Date(apiKey.expiresAt) <= new Date();
  const live = !apiKey.revokedAt && !expired;
  return (
    <Table.Tr data-testid="api-key-row" c={live ? undefined : 'dimmed'}>
      <Table.Td fw={500}>{apiKey.name}</Table.Td>
      <Table.Td>{t(`roles.${apiKey.role}`)}</Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {apiKey.prefix}…
        </Text>
      </Table.Td>
      <Table.Td>{format.date(apiKey.createdAt)}</Table.Td>
      <Table.Td>{apiKey.lastUsedAt ? format.dateTime(apiKey.lastUsedAt) : t('apiKeys.never')}</Table.Td>
      <Table.Td>{apiKey.expiresAt ? format.dateTime(apiKey.expiresAt) : t('apiKeys.noExpiry')}</Table.Td>
      <Table.Td>
        <Badge color={live ? (apiKey.stale ? 'yellow' : 'teal') : 'gray'} variant="light">
          {apiKey.revokedAt
            ? t('apiKeys.revoked')
            : expired
              ? t('apiKeys.expired')
              : apiKey.stale
                ? t('apiKeys.stale')
                : t('apiKeys.active')}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        {live && (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="xs" variant="subtle" onClick={onRotate} data-testid="rotate-api-key">
              {t('apiKeys.rotate')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={onRevoke} data-testid="revoke-api-key">
              {t('apiKeys.revoke')}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Asks before revoking, because systems using the key stop working at once. */
function RevokeModal({ apiKey, onClose }: { apiKey: ApiKeyOut | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => callApi<void>('DELETE', `/api/api-keys/${encodeURIComponent(id)}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey });
      close();
    },
  });
  const close = (): void => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title={t('apiKeys.revokeTitle')} centered>
      <Stack gap="md">
        <Text size="sm">{t('apiKeys.revokeConfirm', { name: apiKey?.name ?? '' })}</Text>
        {revoke.isError && (
          <Alert color="red" title={t('apiKeys.revokeFailed')}>
            {describeError(revoke.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {t('apiKeys.cancel')}
          </Button>
          <Button
            color="red"
            loading={revoke.isPending}
            onClick={() => apiKey && revoke.mutate(apiKey.id)}
            data-testid="confirm-revoke"
          >
            {t('apiKeys.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

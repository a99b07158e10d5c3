/**
 * Settings → Sources: where events come from (website, app, mini-program, server, offline), each with
 * its write key, rate limit, retention and an on/off switch; create, edit and rotate the key, and
 * import a CSV file into an offline source.
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Paper,
  Switch,
  Table,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../src/modules/insights/source/source.contract';
import { describeError } from '../api/problem-text';
import { PlusIcon } from '../shell/icons';
import { CHANNEL_COLORS, ChannelIcon } from '../touchpoints/touchpoint-channels';
import { CreateSourceModal } from './sources/create-source-modal';
import { EditSourceModal } from './sources/edit-source-modal';
import { OfflineImportModal } from './sources/offline-import-modal';
import { RotateKeyModal } from './sources/rotate-key-modal';
import { sourcesQuery, useUpdateSource } from './sources/source-queries';
import { WriteKey } from './sources/write-key';

/** The sources table with a button to create one. */
export function SourcesPage() {
  const { t } = useTranslation();
  const sources = useQuery(sourcesQuery);
  const [creating, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Source | null>(null);
  const [rotating, setRotating] = useState<Source | null>(null);
  const [importing, setImporting] = useState<Source | null>(null);
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={620}>
          {t('sources.intro')}
        </Text>
        <Button leftSection={<PlusIcon size={16} />} onClick={open} data-testid="create-source">
          {t('sources.create')}
        </Button>
      </Group>
      <Paper withBorder radius="md">
        {sources.isPending ? (
          <Center p="xl">
            <Loader size="sm" />
          </Center>
        ) : sources.isError ? (
          <Alert color="red" m="md">
            {describeError(sources.error)}
          </Alert>
        ) : sources.data.length === 0 ? (
          <Text c="dimmed" p="xl" ta="center" data-testid="sources-empty">
            {t('sources.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" data-testid="source-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sources.name')}</Table.Th>
                  <Table.Th>{t('sources.kind')}</Table.Th>
                  <Table.Th>{t('sources.writeKey')}</Table.Th>
                  <Table.Th>{t('sources.rateLimit')}</Table.Th>
                  <Table.Th>{t('sources.retention')}</Table.Th>
                  <Table.Th>{t('sources.enabled')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sources.data.map((source) => (
                  <SourceRow
                    key={source.id}
                    source={source}
                    onEdit={() => setEditing(source)}
                    onRotate={() => setRotating(source)}
                    onImport={() => setImporting(source)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CreateSourceModal opened={creating} onClose={close} />
      <EditSourceModal source={editing} onClose={() => setEditing(null)} />
      <RotateKeyModal source={rotating} onClose={() => setRotating(null)} />
      <OfflineImportModal source={importing} onClose={() => setImporting(null)} />
    </>
  );
}

type RowProps = { source: Source; onEdit: () => void; onRotate: () => void; onImport: () => void };

/** One source; the switch turns it off and on at once (a disabled source's key is refused with 401). */
function SourceRow({ source, onEdit, onRotate, onImport }: RowProps) {
  const { t, i18n } = useTranslation();
  const toggle = useUpdateSource();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Table.Tr
      data-testid="source-row"
      data-source-name={source.name}
      c={source.disabled ? 'dimmed' : undefined}
    >
      <Table.Td fw={500}>{source.name}</Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={CHANNEL_COLORS[source.kind]}
          tt="none"
          leftSection={<ChannelIcon channel={source.kind} size={12} />}
        >
          {t(`touchpoints.channels.${source.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <WriteKey value={source.writeKey} />
      </Table.Td>
      <Table.Td data-testid="source-rate-cell">
        {t('sources.perSecond', { rate: number.format(source.rateLimitPerSecond) })}
      </Table.Td>
      <Table.Td data-testid="source-retention-cell">
        {source.retentionDays === null
          ? t('sources.forever')
          : t('sources.days', { count: source.retentionDays })}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Switch
            checked={!source.disabled}
            disabled={toggle.isPending}
            onChange={(event) => toggle.mutate({ id: source.id, disabled: !event.currentTarget.checked })}
            aria-label={t('sources.enabledFor', { name: source.name })}
            wrapperProps={{ 'data-testid': 'source-enabled' }}
          />
          {toggle.isError && (
            <Text size="xs" c="red">
              {describeError(toggle.error)}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right">
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('sources.actions', { name: source.name })}
              data-testid="source-menu"
            >
              ⋯
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {source.kind === 'offline' && (
              <Menu.Item onClick={onImport} data-testid="source-import">
                {t('sources.importAction')}
              </Menu.Item>
            )}
            <Menu.Item onClick={onEdit} data-testid="source-edit">
              {t('sources.edit')}
            </Menu.Item>
            <Menu.Item color="red" onClick={onRotate} data-testid="source-rotate">
              {t('sources.rotate')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}

/** The pools page: customers in each pool, claim and assign. */
import { Badge, Button, Center, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { PlusIcon } from '../shell/icons';
import { usePageTitle } from '../shell/use-page-title';
import { NewPoolModal } from './new-pool-modal';
import { poolsQuery, type Pool } from './pool-api';
import { PoolCustomers } from './pool-customers';
import { RecallWarnings } from './recall-warnings';

/** The pools page: customers in each pool, claim and assign. */
export function PoolsPage() {
  const { t } = useTranslation();
  usePageTitle(t('pools.title'));
  const pools = useQuery(poolsQuery);
  const canManage = useCan('crm.settings');
  const [creating, { open, close }] = useDisclosure(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = pools.data ?? [];
  // The chosen pool, or the first (the default) until the user picks one or after theirs is gone.
  const current = list.find((pool) => pool.id === chosen) ?? list[0];
  return (
    <Stack gap="md" data-testid="pools-page">
      <Group justify="space-between" wrap="wrap">
        <div>
          <Title order={2}>{t('pools.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('pools.subtitle')}
          </Text>
        </div>
        {canManage && (
          <Button
            leftSection={<PlusIcon size={16} />}
            variant="default"
            onClick={open}
            data-testid="new-pool"
          >
            {t('pools.newPool')}
          </Button>
        )}
      </Group>
      <RecallWarnings />
      {pools.isPending ? (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      ) : pools.isError ? (
        <Text c="red">{describeError(pools.error)}</Text>
      ) : !current ? (
        <Paper withBorder p="xl" radius="md" data-testid="no-pools">
          <Text c="dimmed" ta="center">
            {t('pools.noPools')}
          </Text>
        </Paper>
      ) : (
        <>
          <PoolTabs pools={list} current={current} onChoose={setChosen} />
          {/* Keyed by pool so search, selection and messages start afresh in each. */}
          <PoolCustomers key={current.id} pool={current} />
        </>
      )}
      <NewPoolModal opened={creating} onClose={close} onCreated={(pool) => setChosen(pool.id)} />
    </Stack>
  );
}

/** One tab per pool with its customer count; they wrap on narrow screens. */
function PoolTabs({
  pools,
  current,
  onChoose,
}: {
  pools: Pool[];
  current: Pool;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs value={current.id} onChange={(id) => id && onChoose(id)} variant="pills">
      <Tabs.List aria-label={t('pools.tabsLabel')}>
        {pools.map((pool) => (
          <Tabs.Tab key={pool.id} value={pool.id} data-testid={`pool-tab-${pool.id}`}>
            {t('pools.tabLabel', { name: pool.name, count: pool.customerCount })}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Group gap="xs" mt="xs">
        {current.isDefault && (
          <Badge variant="light" size="sm">
            {t('pools.defaultBadge')}
          </Badge>
        )}
        {current.region && (
          <Badge variant="outline" color="gray" size="sm" tt="none">
            {t('pools.regionBadge', { region: current.region })}
          </Badge>
        )}
      </Group>
    </Tabs>
  );
}

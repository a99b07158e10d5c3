/** Claim, release, assign or transfer a customer, as the user's permissions allow. */
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { teamsQuery, userDirectoryQuery } from '../../api/queries';
import type { Customer } from '../../api/types';
import { useCan, useMe } from '../../auth/use-me';
import { AssignModal, type AssignTarget } from '../../pools/assign-modal';
import { ClaimModal, ReleaseModal } from '../../pools/ownership-modals';
import { poolsQuery, recallWarningsQuery } from '../../pools/pool-api';
import { useFormat } from '../../shell/use-format';

/** Claim, release, assign or transfer a customer, as the user's permissions allow. */
export function OwnershipActions({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const me = useMe();
  const canClaim = useCan('customers.claim');
  const canAssign = useCan('customers.assign');
  const [dialog, setDialog] = useState<'claim' | 'release' | null>(null);
  const [assigning, setAssigning] = useState<AssignTarget[]>([]);
  const isOwner = customer.ownerUserId === me.user.id;
  const inPool = customer.poolId !== null;
  const mayRelease = !inPool && customer.ownerUserId !== null && ((isOwner && canClaim) || canAssign);
  return (
    <Paper withBorder p="lg" radius="md" data-testid="ownership-actions">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Title order={4}>{t('pools.ownership.title')}</Title>
          <Group gap="xs" wrap="wrap">
            {inPool && canClaim && (
              <Button size="xs" onClick={() => setDialog('claim')} data-testid="ownership-claim">
                {t('pools.ownership.claim')}
              </Button>
            )}
            {mayRelease && (
              <Button
                size="xs"
                variant="default"
                onClick={() => setDialog('release')}
                data-testid="ownership-release"
              >
                {t('pools.ownership.release')}
              </Button>
            )}
            {canAssign && (
              <Button
                size="xs"
                variant="default"
                onClick={() => setAssigning([customer])}
                data-testid={inPool ? 'ownership-assign' : 'ownership-transfer'}
              >
                {inPool ? t('pools.ownership.assign') : t('pools.ownership.transfer')}
              </Button>
            )}
          </Group>
        </Group>
        <Holder customer={customer} />
        {isOwner && <RecallNotice customerId={customer.id} />}
      </Stack>
      <ClaimModal customer={dialog === 'claim' ? customer : null} onClose={() => setDialog(null)} />
      <ReleaseModal customer={dialog === 'release' ? customer : null} onClose={() => setDialog(null)} />
      <AssignModal targets={assigning} onClose={() => setAssigning([])} />
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who holds the customer: its pool, or its owner, team and since when. */
function Holder({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useQuery(userDirectoryQuery);
  const teams = useQuery(teamsQuery);
  const pools = useQuery(poolsQuery);
  const none = t('customers.none');
  if (customer.poolId) {
    const pool = pools.data?.find((p) => p.id === customer.poolId);
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="ownership-holder" data-in-pool="true">
        <Fact label={t('pools.ownership.owner')}>{t('pools.ownership.inPool')}</Fact>
        <Fact label={t('pools.ownership.pool')}>{pool?.name ?? '…'}</Fact>
      </SimpleGrid>
    );
  }
  const owner = users.data?.find((u) => u.id === customer.ownerUserId)?.name;
  const team = teams.data?.find((x) => x.id === customer.teamId)?.name;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="ownership-holder" data-in-pool="false">
      <Fact label={t('pools.ownership.owner')}>{customer.ownerUserId ? (owner ?? '…') : none}</Fact>
      <Fact label={t('pools.ownership.team')}>{customer.teamId ? (team ?? '…') : none}</Fact>
      <Fact label={t('pools.ownership.since')}>
        {customer.receivedAt ? format.dateTime(customer.receivedAt) : none}
      </Fact>
    </SimpleGrid>
  );
}

/** When recall will take the owner's customer, once it is within the warning window. */
function RecallNotice({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const warnings = useQuery(recallWarningsQuery);
  const warning = warnings.data?.find((w) => w.customerId === customerId);
  if (!warning) return null;
  // Judged at the moment of the answer, which keeps rendering pure.
  const soon = new Date(warning.recallAt).getTime() <= warnings.dataUpdatedAt;
  return (
    <Text size="sm" c="orange.8" data-testid="recall-notice">
      {soon
        ? t('pools.ownership.recallSoon')
        : t('pools.ownership.recallAt', { date: format.date(warning.recallAt) })}
    </Text>
  );
}

/** Every tier change of a customer: from, to, who, when, why. */
import { Badge, Group, Loader, Paper, Select, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userDirectoryQuery } from '../../api/queries';
import type { TierChange, TierDimension, TierSource } from '../../../../src/modules/crm/tier/tier.contract';
import { useFormat } from '../../shell/use-format';
import { TierChip } from '../tiers/tier-chip';
import { describeTierError } from '../tiers/tier-errors';
import { tierHistoryQuery } from '../tiers/tier-queries';
import { TIER_DIMENSIONS } from '../tiers/tier-texts';

/** The colour of each source of a change. */
const sourceColors: Record<TierSource, MantineColor> = {
  manual: 'gray',
  suggested: 'blue',
  import: 'cyan',
  merge: 'orange',
};

/** Every tier change of a customer: from, to, who, when, why. */
export function TierHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [dimension, setDimension] = useState<TierDimension | undefined>(undefined);
  const history = useQuery(tierHistoryQuery(customerId, dimension));
  const choices = [
    { value: 'all', label: t('tiers.history.all') },
    ...TIER_DIMENSIONS.map((d) => ({ value: d, label: t(`tiers.dimensions.${d}`) })),
  ];
  return (
    <Paper withBorder p="lg" radius="md" data-testid="tier-history">
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Title order={4}>{t('tiers.history.title')}</Title>
        <Select
          size="xs"
          w={160}
          aria-label={t('tiers.history.filter')}
          data={choices}
          value={dimension ?? 'all'}
          onChange={(value) => setDimension(TIER_DIMENSIONS.find((d) => d === value))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="tier-history-filter"
        />
      </Group>
      {history.isPending ? (
        <Loader size="sm" />
      ) : history.isError ? (
        <Text c="red">{describeTierError(history.error, t)}</Text>
      ) : history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="tier-history-empty">
          {t('tiers.history.empty')}
        </Text>
      ) : (
        <Stack gap={0}>
          {history.data.items.map((change, index) => (
            <ChangeRow key={change.id} change={change} first={index === 0} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** One change as two or three short lines, which read well from a phone to a wide screen. */
function ChangeRow({ change, first }: { change: TierChange; first: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useQuery(userDirectoryQuery);
  const who = change.userId
    ? (users.data?.find((user) => user.id === change.userId)?.name ?? '…')
    : t('tiers.history.system');
  const tierOrUnset = (tier: string | null) =>
    tier === null ? (
      <Text size="sm" c="dimmed" span>
        {t('tiers.notSet')}
      </Text>
    ) : (
      <TierChip dimension={change.dimension} tier={tier} />
    );
  return (
    <Stack
      gap={4}
      py="sm"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}
      data-testid="tier-change"
      data-dimension={change.dimension}
      data-source={change.source}
    >
      <Group gap={8} wrap="wrap">
        <Text size="sm" fw={500}>
          {t(`tiers.dimensions.${change.dimension}`)}
        </Text>
        <Group gap={6} wrap="nowrap" aria-label={t('tiers.history.change')}>
          {tierOrUnset(change.from)}
          <Text size="sm" c="dimmed" span>
            →
          </Text>
          {tierOrUnset(change.to)}
        </Group>
        <Badge
          size="xs"
          variant="outline"
          color={sourceColors[change.source]}
          data-testid="tier-change-source"
        >
          {t(`tiers.sources.${change.source}`)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {who} · {format.dateTime(change.at)}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="tier-change-reason">
        {change.reason}
      </Text>
    </Stack>
  );
}

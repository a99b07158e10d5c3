/** A picture of the customer base: one bar split by kind, each part a filter. */
import { Group, Paper, Progress, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_KINDS, type CustomerKind, type CustomerSummary } from '../api/types';
import { kindColors } from './kind-badge';

/** The share of each kind among the customers the user may see; clicking a part filters the list. */
export function KindMix({
  summary,
  onChoose,
}: {
  summary: CustomerSummary;
  onChoose: (kind: CustomerKind) => void;
}) {
  const { t } = useTranslation();
  if (summary.total === 0) return null;
  const share = (kind: CustomerKind): number => (summary.byKind[kind] / summary.total) * 100;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="kind-mix">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          {t('customers.mix')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('customers.mixTotal', { count: summary.total })}
        </Text>
      </Group>
      <Progress.Root size={14} aria-label={t('customers.mix')}>
        {CUSTOMER_KINDS.filter((kind) => summary.byKind[kind] > 0).map((kind) => (
          <Tooltip
            key={kind}
            label={t('customers.kindCount', { label: t(`kinds.${kind}`), count: summary.byKind[kind] })}
          >
            <Progress.Section
              value={share(kind)}
              color={kindColors[kind]}
              style={{ cursor: 'pointer' }}
              onClick={() => onChoose(kind)}
            />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="md" mt={6}>
        {CUSTOMER_KINDS.map((kind) => (
          <UnstyledButton key={kind} onClick={() => onChoose(kind)} data-testid={`kind-mix-${kind}`}>
            <Group gap={6}>
              <Progress.Root w={10} size={10} radius="xl">
                <Progress.Section value={100} color={kindColors[kind]} />
              </Progress.Root>
              <Text size="xs">
                {t('customers.kindCount', { label: t(`kinds.${kind}`), count: summary.byKind[kind] })} (
                {Math.round(share(kind))}%)
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Group>
    </Paper>
  );
}

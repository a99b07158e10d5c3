/**
 * The win probability: the stage's (manual) and the learned (automated) side by side, with the facts
 * that raise or lower the learned one; "too little history" while the model has no estimate.
 */
import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import { defaultText } from './default-names';

const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** The card. */
export function ProbabilityCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { manual, automated, explanation } = deal.probability;
  const reasons = [...explanation.raised, ...explanation.lowered];
  return (
    <Paper withBorder p="md" data-testid="deal-probability">
      <Stack gap="xs">
        <Title order={4}>{t('sales.probability.title')}</Title>
        <Group grow>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('sales.probability.manual')}
            </Text>
            <Text fw={700} size="xl" data-testid="probability-manual">
              {percent(manual)}
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('sales.probability.automated')}
            </Text>
            <Text fw={700} size="xl" data-testid="probability-automated">
              {automated === null ? '—' : percent(automated)}
            </Text>
          </Stack>
        </Group>
        {automated === null ? (
          <Text size="sm" c="dimmed" data-testid="probability-little-history">
            {t('sales.probability.littleHistory')}
          </Text>
        ) : reasons.length > 0 ? (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('sales.probability.why')}
            </Text>
            <List size="sm" spacing={2} data-testid="probability-reasons">
              {reasons.map((reason) => (
                <Reason key={reason.feature} reason={reason} />
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A fact that moved the learned probability. */
type WinReason = Deal['probability']['explanation']['raised'][number];

/** One reason as a sentence in the user's language ("… raises the chance: 8 of 10 such deals won"). */
function Reason({ reason }: { reason: WinReason }) {
  const { t } = useTranslation();
  const fact = t(`sales.probability.features.${reason.feature}`, { defaultValue: reason.feature });
  const history = reason.closed
    ? t('sales.probability.history', { won: reason.won, closed: reason.closed })
    : t('sales.probability.noHistory');
  const raises = reason.weight > 0;
  return (
    <List.Item c={raises ? 'teal.8' : 'red.8'}>
      {t(raises ? 'sales.probability.raises' : 'sales.probability.lowers', {
        fact,
        value: defaultText(reason.label, t),
      })}{' '}
      {history}
    </List.Item>
  );
}

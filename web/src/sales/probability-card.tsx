/**
 * The win probability: the stage's (manual) and the learned (automated) side by side, with the facts
 * that raise or lower the learned one; "too little history" while the model has no estimate.
 */
import { Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../src/modules/crm/deal/deal.contract';
import { parseReason } from './sales-format';

const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** The card. */
export function ProbabilityCard({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const { manual, automated, reasons } = deal.probability;
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
                <Reason key={reason} text={reason} />
              ))}
            </List>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** One reason as a sentence in the user's language ("… raises the chance: 8 of 10 such deals won"). */
function Reason({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts = parseReason(text);
  if (!parts) return <List.Item>{text}</List.Item>;
  const fact = t(`sales.probability.features.${parts.feature}`, { defaultValue: parts.feature });
  const history = parts.closed
    ? t('sales.probability.history', { won: parts.won, closed: parts.closed })
    : t('sales.probability.noHistory');
  return (
    <List.Item c={parts.raises ? 'teal.8' : 'red.8'}>
      {t(parts.raises ? 'sales.probability.raises' : 'sales.probability.lowers', {
        fact,
        value: parts.value,
      })}{' '}
      {history}
    </List.Item>
  );
}

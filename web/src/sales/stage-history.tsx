/** The deal's stage and outcome changes: who moved it, when, and how long it stayed. */
import { Alert, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal, DealStageChange } from '../../../src/modules/crm/deal/deal.contract';
import type { Pipeline } from '../../../src/modules/crm/pipeline/pipeline.contract';
import { describeError } from '../api/problem-text';
import { userDirectoryQuery } from '../api/queries';
import { useFormat } from '../shell/use-format';
import { daysBetween } from './sales-format';
import { dealHistoryQuery } from './sales-queries';
import { defaultText } from './default-names';

type Props = { deal: Deal; pipeline: Pipeline | undefined };

/** The timeline, newest first; each entry says how many days the deal stayed after it. */
export function StageHistory({ deal, pipeline }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const history = useQuery(dealHistoryQuery(deal.id));
  const [now] = useState(() => new Date());
  const users = useQuery(userDirectoryQuery);
  const stageName = (id: string) => {
    const name = pipeline?.stages.find((s) => s.id === id)?.name;
    return name ? defaultText(name, t) : '—';
  };
  const userName = (id: string | null) =>
    id ? (users.data?.find((u) => u.id === id)?.name ?? '—') : t('sales.history.system');
  const items = [...(history.data ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  const nextAt = (index: number): Date => {
    const next = items[index + 1];
    return next ? new Date(next.at) : now;
  };
  const stayed = (change: DealStageChange, index: number): number => daysBetween(change.at, nextAt(index));
  const label = (change: DealStageChange) =>
    change.toOutcome !== 'open' && change.toOutcome !== change.fromOutcome
      ? t(`sales.outcomes.${change.toOutcome}`) + ` · ${stageName(change.toStageId)}`
      : stageName(change.toStageId);
  return (
    <Paper withBorder p="md" data-testid="deal-history">
      <Stack gap="sm">
        <Title order={4}>{t('sales.history.title')}</Title>
        {history.isError && <Alert color="red">{describeError(history.error)}</Alert>}
        <Timeline active={items.length - 1} bulletSize={14} lineWidth={2}>
          {items
            .map((change, index) => (
              <Timeline.Item key={change.id} title={label(change)} data-testid="history-item">
                <Text size="xs" c="dimmed">
                  {t('sales.history.by', { user: userName(change.userId), at: dateTime(change.at) })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(index === items.length - 1 ? 'sales.history.since' : 'sales.history.stayed', {
                    count: stayed(change, index),
                  })}
                </Text>
                {change.note && <Text size="sm">{change.note}</Text>}
              </Timeline.Item>
            ))
            .reverse()}
        </Timeline>
      </Stack>
    </Paper>
  );
}

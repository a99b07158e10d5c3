/**
 * Warehouse → Supplier scorecard (供应商评分): per supplier what was received and returned, the
 * returns weighted by reason, the score, and the score per month as a chart.
 */
import {
  Badge,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ScorecardList,
  SupplierScorecard,
} from '../../../src/modules/warehouse/supplier/scorecard.contract';
import { usePageTitle } from '../shell/use-page-title';
import { ListFrame } from './list-parts';
import { scorecardQuery } from './warehouse-queries';

const ScorecardChart = lazy(() => import('./scorecard-chart').then((m) => ({ default: m.ScorecardChart })));

const PERIODS = ['3', '6', '12'] as const;

/** The page at /warehouse/suppliers. */
export function ScorecardPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.suppliers'));
  const [months, setMonths] = useState<string>('6');
  const list = useQuery({ ...scorecardQuery(Number(months)), placeholderData: keepPreviousData });
  const suppliers = list.data?.items ?? [];
  return (
    <>
      <Group justify="space-between" align="center" wrap="wrap">
        <Text size="sm" c="dimmed">
          {list.data ? t('warehouse.scorecard.period', { from: list.data.from, to: list.data.to }) : ' '}
        </Text>
        <SegmentedControl
          value={months}
          onChange={setMonths}
          data={PERIODS.map((p) => ({
            value: p,
            label: t('warehouse.scorecard.months', { count: Number(p) }),
          }))}
          data-testid="scorecard-months"
        />
      </Group>
      <ListFrame query={list} empty={suppliers.length === 0} emptyTestId="scorecard-empty">
        <ScoreTable list={list.data} />
      </ListFrame>
      {suppliers.length > 0 && (
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Title order={4}>{t('warehouse.scorecard.trend')}</Title>
            <Suspense
              fallback={
                <Center h={320}>
                  <Loader size="sm" />
                </Center>
              }
            >
              <ScorecardChart suppliers={suppliers} />
            </Suspense>
          </Stack>
        </Paper>
      )}
      {list.data && <WeightsNote weights={list.data.weights} />}
    </>
  );
}

function ScoreTable({ list }: { list: ScorecardList | undefined }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="scorecard-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warehouse.scorecard.supplier')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.scorecard.score')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.scorecard.received')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.scorecard.returned')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.scorecard.weighted')}</Table.Th>
            <Table.Th>{t('warehouse.scorecard.byReason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list?.items ?? []).map((supplier) => (
            <ScoreRow key={supplier.supplierId} supplier={supplier} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Green from 90, orange from 70, red below. */
const scoreColor = (score: number): string => (score >= 90 ? 'teal' : score >= 70 ? 'orange' : 'red');

function ScoreRow({ supplier }: { supplier: SupplierScorecard }) {
  const byReason = new Map(Object.entries(supplier.byReason).filter(([, units]) => units > 0));
  return (
    <Table.Tr data-testid="scorecard-row" data-code={supplier.code}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {supplier.name}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {supplier.code}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        {supplier.score === null ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Text size="sm" fw={700} c={scoreColor(supplier.score)} data-testid="scorecard-score">
            {supplier.score.toFixed(1)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">{supplier.receivedQuantity.toLocaleString()}</Table.Td>
      <Table.Td ta="right">{supplier.returnedQuantity.toLocaleString()}</Table.Td>
      <Table.Td ta="right">
        {supplier.weightedReturns.toLocaleString(undefined, { maximumFractionDigits: 2 })}
      </Table.Td>
      <Table.Td>
        <ReasonBadges byReason={byReason} />
      </Table.Td>
    </Table.Tr>
  );
}

function ReasonBadges({ byReason }: { byReason: Map<string, number> }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  if (byReason.size === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('warehouse.scorecard.noReturns')}
      </Text>
    );
  return (
    <Group gap={4}>
      {[...byReason].map(([reason, units]) => (
        <Badge key={reason} variant="light" color="gray" tt="none">
          {reasonText(reason)} {units}
        </Badge>
      ))}
    </Group>
  );
}

/** A return reason in words; an unknown one as it came. */
function useReasonText(): (reason: string) => string {
  const { t } = useTranslation();
  return (reason) => {
    switch (reason) {
      case 'wrong_goods':
      case 'defective':
      case 'expired':
      case 'over_delivery':
      case 'other':
        return t(`warehouse.returnReasons.${reason}`);
      default:
        return reason;
    }
  };
}

function WeightsNote({ weights }: { weights: Record<string, number> }) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  return (
    <Text size="xs" c="dimmed">
      {t('warehouse.scorecard.weightsNote', {
        weights: Object.entries(weights)
          .map(([reason, weight]) => `${reasonText(reason)} ×${weight}`)
          .join(', '),
      })}
    </Text>
  );
}

/** Parts of the sales-cycle page: the stage table, and the won deals' cycle per customer kind and owner. */
import { Alert, SimpleGrid, Table } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleReport } from '../../../src/modules/crm/deal/deal-report.contract';
import { CUSTOMER_KINDS, type CustomerKind } from '../api/types';
import { categoryChart, ChartCard } from './report-chart';
import { useOwnerNames } from './report-filters';
import { percent, roundDays } from './report-series';
import { defaultText } from './default-names';

type Stage = CycleReport['stages'][number];

/** A customer kind's name in the interface language. */
function useKindLabel() {
  const { t } = useTranslation();
  return useCallback(
    (kind: string) =>
      (CUSTOMER_KINDS as readonly string[]).includes(kind) ? t(`kinds.${kind as CustomerKind}`) : kind,
    [t],
  );
}

/** Days as the table shows them: one decimal, a dash for none. */
function useDays() {
  const { t } = useTranslation();
  return (days: number | null) => (days === null ? t('salesReports.cycle.none') : String(roundDays(days)));
}

/** One row per stage: stays, mean and median days, closed and won deals, the win rate. */
export function CycleStageTable({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation();
  const days = useDays();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="cycle-stage-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('salesReports.cycle.stage')}</Table.Th>
            <Table.Th ta="right">{t('salesReports.cycle.stays')}</Table.Th>
            <Table.Th ta="right">{t('salesReports.cycle.meanDays')}</Table.Th>
            <Table.Th ta="right">{t('salesReports.cycle.medianDays')}</Table.Th>
            <Table.Th ta="right">{t('salesReports.cycle.closed')}</Table.Th>
            <Table.Th ta="right">{t('salesReports.cycle.won')}</Table.Th>
            <Table.Th ta="right">{t('salesReports.cycle.winRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((s) => (
            <Table.Tr key={s.stageId} data-testid="cycle-stage-row" data-stage-id={s.stageId}>
              <Table.Td>{defaultText(s.name, t)}</Table.Td>
              <Table.Td ta="right" data-testid="cycle-entries">
                {s.entries}
              </Table.Td>
              <Table.Td ta="right" data-testid="cycle-mean">
                {days(s.meanDays)}
              </Table.Td>
              <Table.Td ta="right" data-testid="cycle-median">
                {days(s.medianDays)}
              </Table.Td>
              <Table.Td ta="right" data-testid="cycle-closed">
                {s.closed}
              </Table.Td>
              <Table.Td ta="right" data-testid="cycle-won">
                {s.won}
              </Table.Td>
              <Table.Td ta="right" data-testid="cycle-win-rate">
                {s.winRate === null ? t('salesReports.cycle.none') : `${percent(s.winRate)}%`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The won deals' cycle: a chart per customer kind and one per owner (a bar per kind), and a table. */
export function WonCycleCharts({ report }: { report: CycleReport }) {
  const { t } = useTranslation();
  const names = useOwnerNames();
  const days = useDays();
  const kindLabel = useKindLabel();
  const nameOf = (id: string | null) =>
    (id && names.users.get(id)) ?? (id ? id.slice(0, 8) : t('salesReports.cycle.noOwner'));
  const kindOption = useMemo(
    () =>
      categoryChart(
        report.kinds.map((k) => kindLabel(k.kind)),
        [
          { name: t('salesReports.cycle.meanDays'), data: report.kinds.map((k) => roundDays(k.meanDays)) },
          {
            name: t('salesReports.cycle.medianDays'),
            data: report.kinds.map((k) => roundDays(k.medianDays)),
          },
        ],
      ),
    [report, t, kindLabel],
  );
  const ownerOption = useMemo(() => {
    const ids = [...new Set(report.owners.map((o) => o.ownerUserId))];
    const label = (id: string | null) =>
      (id && names.users.get(id)) ?? (id ? id.slice(0, 8) : t('salesReports.cycle.noOwner'));
    return categoryChart(
      ids.map(label),
      report.kinds.map((k) => ({
        name: kindLabel(k.kind),
        data: ids.map((id) =>
          roundDays(report.owners.find((o) => o.ownerUserId === id && o.kind === k.kind)?.meanDays ?? null),
        ),
      })),
      { rotate: ids.length > 4 },
    );
  }, [report, names, t, kindLabel]);
  if (report.kinds.length === 0)
    return (
      <Alert color="gray" data-testid="cycle-no-won">
        {t('salesReports.cycle.noWon')}
      </Alert>
    );
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title={t('salesReports.cycle.kindTitle')}
          hint={t('salesReports.cycle.cycleHint')}
          option={kindOption}
          testId="cycle-kind-chart"
        />
        <ChartCard
          title={t('salesReports.cycle.ownerTitle')}
          hint={t('salesReports.cycle.ownerHint')}
          option={ownerOption}
          testId="cycle-owner-chart"
        />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={480}>
        <Table striped data-testid="cycle-owner-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('salesReports.cycle.owner')}</Table.Th>
              <Table.Th>{t('salesReports.cycle.kind')}</Table.Th>
              <Table.Th ta="right">{t('salesReports.cycle.deals')}</Table.Th>
              <Table.Th ta="right">{t('salesReports.cycle.meanDays')}</Table.Th>
              <Table.Th ta="right">{t('salesReports.cycle.medianDays')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.owners.map((o) => (
              <Table.Tr key={`${o.ownerUserId ?? ''}|${o.kind}`} data-testid="cycle-owner-row">
                <Table.Td>{nameOf(o.ownerUserId)}</Table.Td>
                <Table.Td>{kindLabel(o.kind)}</Table.Td>
                <Table.Td ta="right">{o.deals}</Table.Td>
                <Table.Td ta="right">{days(o.meanDays)}</Table.Td>
                <Table.Td ta="right">{days(o.medianDays)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

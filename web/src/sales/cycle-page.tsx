/**
 * The sales cycle (销售周期) at /sales/cycle, from the stage history of the deals the user may see:
 * average and median days per stage and the win rate per stage of one pipeline (bars, with a table of
 * the same numbers), and the won deals' cycle per customer kind and per owner. Filters: customer kind,
 * owner and team (when the user sees others); the pipeline picks whose stages are drawn.
 */
import { Alert, Center, Loader, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleReport } from '../../../src/modules/crm/deal/deal-report.contract';
import type { Pipeline } from '../../../src/modules/crm/pipeline/pipeline.contract';
import { describeError } from '../api/problem-text';
import { usePageTitle } from '../shell/use-page-title';
import { CycleStageTable, WonCycleCharts } from './cycle-sections';
import { categoryChart, ChartCard } from './report-chart';
import { ReportFilterBar } from './report-filters';
import { cycleTimesQuery, type ReportFilters } from './report-queries';
import { percent, roundDays } from './report-series';
import { pipelinesQuery } from './sales-queries';
import { SalesTabs } from './sales-tabs';
import { defaultText } from './default-names';

type Stage = CycleReport['stages'][number];

/** Whether any deal shows in the report: a finished stay, a closed deal or a won cycle. */
const hasData = (report: CycleReport) =>
  report.kinds.length > 0 || report.stages.some((s) => s.entries > 0 || s.closed > 0);

/** The pipeline drawn first: the one with the most stays and closed deals, else the business default. */
function busiestPipeline(pipelines: Pipeline[], stages: Stage[]): Pipeline | undefined {
  const weight = (p: Pipeline) =>
    stages.filter((s) => s.pipelineId === p.id).reduce((n, s) => n + s.entries + s.closed, 0);
  const fallback = pipelines.find((p) => p.isDefault && p.customerKind === 'business') ?? pipelines[0];
  const busiest = [...pipelines].sort((a, b) => weight(b) - weight(a))[0];
  return busiest && weight(busiest) > 0 ? busiest : fallback;
}

/** The page. */
export function CyclePage() {
  const { t } = useTranslation();
  usePageTitle(t('salesReports.cycle.title'));
  const [filters, setFilters] = useState<ReportFilters>({});
  const [chosen, setChosen] = useState<string | null>(null);
  const report = useQuery(cycleTimesQuery(filters));
  const pipelines = useQuery(pipelinesQuery);
  const pipeline =
    pipelines.data?.find((p) => p.id === chosen) ??
    (pipelines.data && busiestPipeline(pipelines.data, report.data?.stages ?? []));
  const error = report.error ?? pipelines.error;
  return (
    <Stack gap="sm" data-testid="sales-cycle">
      <Title order={2}>{t('salesReports.cycle.title')}</Title>
      <SalesTabs />
      <ReportFilterBar value={filters} onChange={setFilters} pipeline={false}>
        <Select
          label={t('salesReports.filters.pipeline')}
          w={200}
          allowDeselect={false}
          data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: defaultText(p.name, t) }))}
          value={pipeline?.id ?? null}
          onChange={setChosen}
          data-testid="cycle-pipeline"
        />
      </ReportFilterBar>
      {error && <Alert color="red">{describeError(error)}</Alert>}
      {!report.data || !pipeline ? (
        <Center p="xl">{!error && <Loader size="sm" />}</Center>
      ) : !hasData(report.data) ? (
        <Alert color="gray" data-testid="cycle-empty">
          {t('salesReports.cycle.empty')}
        </Alert>
      ) : (
        <CycleContent report={report.data} pipelineId={pipeline.id} />
      )}
    </Stack>
  );
}

function CycleContent({ report, pipelineId }: { report: CycleReport; pipelineId: string }) {
  const { t } = useTranslation();
  const stages = useMemo(
    () => report.stages.filter((s) => s.pipelineId === pipelineId),
    [report, pipelineId],
  );
  const days = useMemo(
    () =>
      categoryChart(
        stages.map((s) => defaultText(s.name, t)),
        [
          { name: t('salesReports.cycle.meanDays'), data: stages.map((s) => roundDays(s.meanDays)) },
          { name: t('salesReports.cycle.medianDays'), data: stages.map((s) => roundDays(s.medianDays)) },
        ],
        { rotate: stages.length > 4 },
      ),
    [stages, t],
  );
  const rates = useMemo(
    () =>
      categoryChart(
        stages.map((s) => defaultText(s.name, t)),
        [{ name: t('salesReports.cycle.winRate'), data: stages.map((s) => percent(s.winRate)) }],
        { unit: '%', max: 100, rotate: stages.length > 4 },
      ),
    [stages, t],
  );
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title={t('salesReports.cycle.stagesTitle')}
          hint={t('salesReports.cycle.stagesHint')}
          option={days}
          testId="cycle-stage-chart"
        />
        <ChartCard
          title={t('salesReports.cycle.winRateTitle')}
          hint={t('salesReports.cycle.winRateHint')}
          option={rates}
          testId="cycle-win-chart"
        />
      </SimpleGrid>
      <CycleStageTable stages={stages} />
      <WonCycleCharts report={report} />
    </Stack>
  );
}

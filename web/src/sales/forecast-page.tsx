/**
 * The forecast (销售预测) at /sales/forecast: the open deals per month of their expected close, the
 * weighted amount stacked per owner or team and the unweighted amount as a line, with a table of the
 * same numbers below. Filters: pipeline, customer kind, owner and team (when the user sees others).
 */
import {
  Alert,
  Center,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
  Input,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Forecast } from '../../../src/modules/crm/deal/deal-report.contract';
import { describeError } from '../api/problem-text';
import { usePageTitle } from '../shell/use-page-title';
import { categoryChart, ReportChart } from './report-chart';
import { ReportFilterBar, useOwnerNames } from './report-filters';
import { forecastQuery, type ReportFilters } from './report-queries';
import { forecastCurrencies, forecastSeries } from './report-series';
import { formatMoney } from './sales-format';
import { SalesTabs } from './sales-tabs';

type By = 'owner' | 'team';

/** The page. */
export function ForecastPage() {
  const { t } = useTranslation();
  usePageTitle(t('salesReports.forecast.title'));
  const [filters, setFilters] = useState<ReportFilters>({});
  const [by, setBy] = useState<By>('owner');
  const [chosenCurrency, setCurrency] = useState<string | null>(null);
  const forecast = useQuery(forecastQuery({ ...filters, by }));
  const currencies = forecastCurrencies(forecast.data?.items ?? []);
  const currency =
    chosenCurrency && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? null);
  return (
    <Stack gap="sm" data-testid="sales-forecast">
      <Title order={2}>{t('salesReports.forecast.title')}</Title>
      <SalesTabs />
      <ReportFilterBar value={filters} onChange={setFilters}>
        <Input.Wrapper label={t('salesReports.filters.groupBy')}>
          <SegmentedControl
            display="flex"
            value={by}
            onChange={(value) => setBy(value === 'team' ? 'team' : 'owner')}
            data={[
              { value: 'owner', label: t('salesReports.filters.byOwner') },
              { value: 'team', label: t('salesReports.filters.byTeam') },
            ]}
            data-testid="forecast-by"
          />
        </Input.Wrapper>
        {currencies.length > 1 && (
          <Select
            label={t('salesReports.filters.currency')}
            w={110}
            allowDeselect={false}
            data={currencies}
            value={currency}
            onChange={setCurrency}
            data-testid="forecast-currency"
          />
        )}
      </ReportFilterBar>
      <Text size="sm" c="dimmed">
        {t('salesReports.forecast.hint')}
      </Text>
      {forecast.isError && <Alert color="red">{describeError(forecast.error)}</Alert>}
      {forecast.isPending ? (
        <Center p="xl">
          <Loader size="sm" />
        </Center>
      ) : !forecast.data || !currency ? (
        <Alert color="gray" data-testid="forecast-empty">
          {t('salesReports.forecast.empty')}
        </Alert>
      ) : (
        <ForecastContent items={forecast.data.items} by={forecast.data.by} currency={currency} />
      )}
    </Stack>
  );
}

function ForecastContent({ items, by, currency }: { items: Forecast['items']; by: By; currency: string }) {
  const { t, i18n } = useTranslation();
  const names = useOwnerNames();
  const nameOf = useCallback(
    (groupId: string | null) =>
      (groupId && (by === 'owner' ? names.users : names.teams).get(groupId)) ??
      (groupId
        ? groupId.slice(0, 8)
        : t(by === 'owner' ? 'salesReports.forecast.noOwner' : 'salesReports.forecast.noTeam')),
    [by, names, t],
  );
  const series = useMemo(() => forecastSeries(items, currency), [items, currency]);
  const option = useMemo(
    () =>
      categoryChart(series.months, [
        ...series.groups.map((g) => ({
          name: nameOf(g.groupId),
          data: g.weighted.map((v) => v / 100),
          stack: 'weighted',
        })),
        {
          name: t('salesReports.forecast.amount'),
          data: series.totals.map((total) => total.amount / 100),
          type: 'line' as const,
        },
      ]),
    [series, nameOf, t],
  );
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  const rows = items
    .filter((row) => row.currency === currency)
    .sort((a, b) => a.month.localeCompare(b.month) || nameOf(a.groupId).localeCompare(nameOf(b.groupId)));
  const total = series.totals.reduce(
    (sum, month) => ({
      deals: sum.deals + month.deals,
      amount: sum.amount + month.amount,
      weighted: sum.weighted + month.weighted,
    }),
    { deals: 0, amount: 0, weighted: 0 },
  );
  return (
    <>
      <ReportChart option={option} height={340} testId="forecast-chart" />
      <Table.ScrollContainer minWidth={480}>
        <Table striped data-testid="forecast-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('salesReports.forecast.month')}</Table.Th>
              <Table.Th>
                {t(by === 'owner' ? 'salesReports.filters.byOwner' : 'salesReports.filters.byTeam')}
              </Table.Th>
              <Table.Th ta="right">{t('salesReports.forecast.deals')}</Table.Th>
              <Table.Th ta="right">{t('salesReports.forecast.amount')}</Table.Th>
              <Table.Th ta="right">{t('salesReports.forecast.weighted')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={`${row.month}|${row.groupId ?? ''}`}
                data-testid="forecast-row"
                data-month={row.month}
                data-group-id={row.groupId ?? ''}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.month}</Table.Td>
                <Table.Td>{nameOf(row.groupId)}</Table.Td>
                <Table.Td ta="right" data-testid="forecast-deals">
                  {row.deals}
                </Table.Td>
                <Table.Td ta="right" data-testid="forecast-amount">
                  {money(row.amount)}
                </Table.Td>
                <Table.Td ta="right" data-testid="forecast-weighted">
                  {money(row.weighted)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="forecast-total">
              <Table.Th colSpan={2}>{t('salesReports.forecast.total')}</Table.Th>
              <Table.Th ta="right">{total.deals}</Table.Th>
              <Table.Th ta="right">{money(total.amount)}</Table.Th>
              <Table.Th ta="right">{money(total.weighted)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/**
 * Warehouse → Weight checks (称重差异): fresh goods weighed out against what they weighed in, newest
 * first; losses over the tolerance per day are red, with who weighed the goods in and out.
 */
import { Anchor, Badge, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  WeighedBy,
  WeightCheck,
  WeightCheckPage,
} from '../../../src/modules/warehouse/fresh/weight-check.contract';
import { callApi, queryString } from '../api/client';
import { useWarehouseTime } from './warehouse-time';
import { usePageTitle } from '../shell/use-page-title';
import { ListFrame, LoadMore, OrderFilterChip, WarehouseSelect } from './list-parts';
import { uncutLabel } from './order-badges';
import { WAREHOUSE_PAGE_SIZE } from './warehouse-queries';
import type { WeightChecksSearch } from './weight-checks-search';

const route = getRouteApi('/app/warehouse/weight-checks');

/** The weight checks, newest first; flagged only unless `all`. */
function weightChecksQuery(search: WeightChecksSearch) {
  const filters = {
    warehouseId: search.warehouseId,
    orderId: search.orderId,
    flagged: search.all ? undefined : 'true',
  };
  return infiniteQueryOptions({
    queryKey: ['warehouse', 'weight-checks', filters],
    queryFn: ({ pageParam }) =>
      callApi<WeightCheckPage>(
        'GET',
        `/api/warehouse/weight-checks${queryString({ ...filters, after: pageParam, limit: WAREHOUSE_PAGE_SIZE })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The page at /warehouse/weight-checks. */
export function WeightChecksPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.weightChecks'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (patch: Partial<WeightChecksSearch>): void =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const list = useInfiniteQuery({ ...weightChecksQuery(search), placeholderData: keepPreviousData });
  const checks = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('warehouse.weightChecks.intro')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <WarehouseSelect value={search.warehouseId} onChange={(warehouseId) => setSearch({ warehouseId })} />
        <Switch
          label={t('warehouse.weightChecks.flaggedOnly')}
          checked={search.all !== true}
          onChange={(event) => setSearch({ all: event.currentTarget.checked ? undefined : true })}
          mb={8}
          data-testid="weight-checks-flagged-only"
        />
        {search.orderId && <OrderFilterChip onClear={() => setSearch({ orderId: undefined })} />}
      </Group>
      <ListFrame query={list} empty={checks.length === 0} emptyTestId="weight-checks-empty">
        <WeightCheckTable checks={checks} />
      </ListFrame>
      <LoadMore
        count={checks.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="weight-checks-load-more"
      />
    </>
  );
}

function WeightCheckTable({ checks }: { checks: WeightCheck[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="weight-checks-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warehouse.weightChecks.time')}</Table.Th>
            <Table.Th>{t('warehouse.weightChecks.order')}</Table.Th>
            <Table.Th>{t('warehouse.weightChecks.item')}</Table.Th>
            <Table.Th>{t('warehouse.fields.lot')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.fields.quantity')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.weightChecks.weight')}</Table.Th>
            <Table.Th>{t('warehouse.weightChecks.loss')}</Table.Th>
            <Table.Th>{t('warehouse.weightChecks.weighedIn')}</Table.Th>
            <Table.Th>{t('warehouse.weightChecks.weighedOut')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((check) => (
            <WeightCheckRow key={check.id} check={check} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WeightCheckRow({ check }: { check: WeightCheck }) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  const percent = usePercent();
  return (
    <Table.Tr data-testid="weight-check-row" data-flagged={check.overTolerance} data-sku={check.sku}>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {warehouseTime(check.weighedOutAt, check.warehouseId)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          renderRoot={(props) => (
            <Link {...props} to="/warehouse/orders/$id" params={{ id: check.orderId }} />
          )}
          size="sm"
          ff="monospace"
          data-testid="weight-check-order-link"
        >
          {check.externalRef}
        </Anchor>
        <Text span size="xs" c="dimmed">
          {` #${check.lineNo}`}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {check.sku}
        </Text>
        <Text size="xs" c="dimmed">
          {check.itemName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{check.lotNumber ?? '—'}</Text>
        {check.locationCode && (
          <Text size="xs" c="dimmed" ff="monospace">
            {check.locationCode}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">
          {check.quantity.toLocaleString()} {check.unit}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {kg(check.weighedInKg)} → {kg(check.weighedOutKg)} kg
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Group gap={6} wrap="nowrap">
            <Text
              size="sm"
              fw={600}
              c={check.overTolerance ? 'red' : undefined}
              data-testid="weight-check-loss"
            >
              {percent(check.lossRatio)}
            </Text>
            {check.overTolerance && (
              <Badge color="red" variant="filled" size="sm" styles={uncutLabel} data-testid="over-tolerance">
                {t('warehouse.weightChecks.overTolerance')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('warehouse.weightChecks.allowed', {
              allowed: percent(check.allowedRatio),
              days: check.days.toLocaleString(undefined, { maximumFractionDigits: 1 }),
            })}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <UserCell user={check.weighedInBy} />
      </Table.Td>
      <Table.Td>
        <UserCell user={check.weighedOutBy} />
      </Table.Td>
    </Table.Tr>
  );
}

function UserCell({ user }: { user: WeighedBy }) {
  const { t } = useTranslation();
  if (!user) return <Text size="sm">{t('warehouse.weightChecks.unknownUser')}</Text>;
  return (
    <Text size="sm" title={user.email}>
      {user.name || user.email}
    </Text>
  );
}

/** Kilograms to grams, without trailing zeros. */
function kg(value: number): string {
  return value.toLocaleString(undefined, { maximumFractionDigits: 3 });
}

/** Ratios as percentages in the interface language, e.g. 0.166667 → "16.7%". */
function usePercent(): (ratio: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const formatter = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
    return (ratio: number) => formatter.format(ratio);
  }, [i18n.language]);
}

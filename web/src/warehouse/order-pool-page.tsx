/**
 * Warehouse → Order pool (订单池): outbound orders in processing order (urgent first, then push time)
 * with filters in the address, and "allocate the pool" with a report per order.
 */
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocatePoolReport } from '../../../src/modules/warehouse/allocation/allocation.contract';
import type { OrderSummary } from '../../../src/modules/warehouse/orders/order.contract';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { SearchIcon } from '../shell/icons';
import { useWarehouseTime } from './warehouse-time';
import { usePageTitle } from '../shell/use-page-title';
import type { OrderPoolSearch } from './warehouse-search';
import { ListFrame, LoadMore, WarehouseSelect } from './list-parts';
import { nowrap, PriorityBadge, StatusBadge } from './order-badges';
import { PoolReportModal } from './pool-report';
import { useDebouncedText } from './use-debounced-text';
import { oneOf, ORDER_STATUS_OPTIONS, ORDER_TYPE_OPTIONS, PRIORITY_OPTIONS } from './warehouse-labels';
import { allocatePool, ordersQuery, refreshAfterOrderChange } from './warehouse-queries';

const route = getRouteApi('/app/warehouse/orders');

/** The page at /warehouse/orders. */
export function OrderPoolPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.orders'));
  const search = route.useSearch();
  const list = useInfiniteQuery({ ...ordersQuery(search), placeholderData: keepPreviousData });
  const orders = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PoolFilters />
      <ListFrame query={list} empty={orders.length === 0} emptyTestId="orders-empty">
        <OrderTable orders={orders} />
      </ListFrame>
      <LoadMore
        count={orders.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="orders-load-more"
      />
    </>
  );
}

function PoolFilters() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (patch: Partial<OrderPoolSearch>): void =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const [q, setQ] = useDebouncedText(search.q, (value) => setSearch({ q: value }));
  const [carrier, setCarrier] = useDebouncedText(search.carrier, (value) => setSearch({ carrier: value }));
  const [province, setProvince] = useDebouncedText(search.province, (value) =>
    setSearch({ province: value }),
  );
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <WarehouseSelect value={search.warehouseId} onChange={(warehouseId) => setSearch({ warehouseId })} />
        <TextInput
          label={t('warehouse.fields.externalRef')}
          leftSection={<SearchIcon size={16} />}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={200}
          data-testid="orders-search"
        />
        <Select
          label={t('warehouse.fields.status')}
          placeholder={t('warehouse.filters.any')}
          data={ORDER_STATUS_OPTIONS.map((v) => ({ value: v, label: t(`warehouse.statuses.${v}`) }))}
          value={search.status ?? null}
          onChange={(value) => setSearch({ status: oneOf(ORDER_STATUS_OPTIONS, value ?? undefined) })}
          clearable
          w={150}
          data-testid="filter-status"
        />
        <Select
          label={t('warehouse.fields.type')}
          placeholder={t('warehouse.filters.any')}
          data={ORDER_TYPE_OPTIONS.map((v) => ({ value: v, label: t(`warehouse.types.${v}`) }))}
          value={search.type ?? null}
          onChange={(value) => setSearch({ type: oneOf(ORDER_TYPE_OPTIONS, value ?? undefined) })}
          clearable
          w={150}
          data-testid="filter-type"
        />
        <Select
          label={t('warehouse.fields.priority')}
          placeholder={t('warehouse.filters.any')}
          data={PRIORITY_OPTIONS.map((v) => ({ value: v, label: t(`warehouse.priorities.${v}`) }))}
          value={search.priority ?? null}
          onChange={(value) => setSearch({ priority: oneOf(PRIORITY_OPTIONS, value ?? undefined) })}
          clearable
          w={120}
          data-testid="filter-priority"
        />
        <TextInput
          label={t('warehouse.fields.carrier')}
          value={carrier}
          onChange={(event) => setCarrier(event.currentTarget.value)}
          w={130}
          data-testid="filter-carrier"
        />
        <TextInput
          label={t('warehouse.fields.province')}
          value={province}
          onChange={(event) => setProvince(event.currentTarget.value)}
          w={110}
          data-testid="filter-province"
        />
        <AllocatePoolButton warehouseId={search.warehouseId} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('warehouse.pool.order')}
      </Text>
    </Stack>
  );
}

/** Allocates every pending and backordered order (of the chosen warehouse) and shows the report. */
function AllocatePoolButton({ warehouseId }: { warehouseId: string | undefined }) {
  const { t } = useTranslation();
  const canAllocate = useCan('warehouse.orders');
  const queryClient = useQueryClient();
  const [report, setReport] = useState<AllocatePoolReport | null>(null);
  const run = useMutation({
    mutationFn: () => allocatePool(warehouseId),
    onSuccess: async (result) => {
      setReport(result);
      await refreshAfterOrderChange(queryClient);
    },
  });
  if (!canAllocate) return null;
  return (
    <>
      <Stack gap={2} ml="auto">
        <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="allocate-pool">
          {t('warehouse.pool.allocate')}
        </Button>
        {run.isError && (
          <Text size="xs" c="red">
            {describeError(run.error)}
          </Text>
        )}
      </Stack>
      <PoolReportModal report={report} onClose={() => setReport(null)} />
    </>
  );
}

function OrderTable({ orders }: { orders: OrderSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="orders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warehouse.fields.priority')}</Table.Th>
            <Table.Th>{t('warehouse.fields.externalRef')}</Table.Th>
            <Table.Th>{t('warehouse.fields.type')}</Table.Th>
            <Table.Th>{t('warehouse.fields.status')}</Table.Th>
            <Table.Th>{t('warehouse.fields.customer')}</Table.Th>
            <Table.Th>{t('warehouse.fields.destination')}</Table.Th>
            <Table.Th>{t('warehouse.fields.carrier')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.fields.quantity')}</Table.Th>
            <Table.Th>{t('warehouse.fields.pushedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function OrderRow({ order }: { order: OrderSummary }) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  const { province, city, store } = order.destination;
  return (
    <Table.Tr data-testid="order-row" data-ref={order.externalRef}>
      <Table.Td>
        <PriorityBadge priority={order.priority} />
      </Table.Td>
      <Table.Td style={nowrap}>
        <Anchor
          renderRoot={(props) => <Link {...props} to="/warehouse/orders/$id" params={{ id: order.id }} />}
          size="sm"
          ff="monospace"
          fw={500}
          data-testid="order-link"
        >
          {order.externalRef}
        </Anchor>
        <Text size="xs" c="dimmed">
          {order.warehouseCode} · {order.source}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`warehouse.types.${order.type}`)}</Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={order.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{order.customerName ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{[province, city].filter(Boolean).join(' ') || '—'}</Text>
        {store && (
          <Text size="xs" c="dimmed">
            {store}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{order.carrier ?? '—'}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{order.quantity.toLocaleString()}</Text>
        <Text size="xs" c="dimmed">
          {t('warehouse.pool.lines', { count: order.lineCount })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {warehouseTime(order.pushedAt, order.warehouseId)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Pieces every warehouse list shares: the warehouse picker, the list states and "load more". */
import { Alert, Badge, Button, Center, CloseButton, Group, Loader, Paper, Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/problem-text';
import { warehousesQuery } from './warehouse-queries';

/** Picks one of the tenant's warehouses, or all of them when cleared. */
export function WarehouseSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const warehouses = useQuery(warehousesQuery);
  const data = (warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }));
  return (
    <Select
      label={t('warehouse.filters.warehouse')}
      placeholder={t('warehouse.filters.allWarehouses')}
      data={data}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      clearable
      w={220}
      data-testid="filter-warehouse"
    />
  );
}

/** What a list query shows while loading, on failure and when empty; else `children`. */
export function ListFrame({
  query,
  empty,
  emptyTestId,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; isPlaceholderData: boolean };
  empty: boolean;
  emptyTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (query.isPending) {
    body = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (query.isError) {
    body = (
      <Alert color="red" m="md">
        {describeError(query.error)}
      </Alert>
    );
  } else if (empty) {
    body = (
      <Text c="dimmed" p="xl" ta="center" data-testid={emptyTestId}>
        {t('warehouse.empty')}
      </Text>
    );
  } else {
    body = children;
  }
  return (
    <Paper withBorder radius="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      {body}
    </Paper>
  );
}

/** "Load more" while there are more pages, else how many rows are shown. */
export function LoadMore({
  count,
  hasMore,
  loading,
  onMore,
  testId,
}: {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Group justify="center">
      {hasMore ? (
        <Button variant="default" onClick={onMore} loading={loading} data-testid={testId}>
          {t('warehouse.loadMore')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('warehouse.allLoaded', { count })}
        </Text>
      )}
    </Group>
  );
}

/** The removable chip that says a list shows one order's rows only (`orderId` in the address). */
export function OrderFilterChip({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="lg"
      variant="light"
      tt="none"
      mb={6}
      rightSection={<CloseButton size="xs" onClick={onClear} aria-label="×" />}
      data-testid="filter-order"
    >
      {t('warehouse.ledger.forOrder')}
    </Badge>
  );
}

/**
 * Warehouse → Stock (库存): every item's lot at every location with what is on hand, reserved and
 * available; expired and soon-expiring lots stand out. Filters live in the address.
 */
import { Badge, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../../src/modules/warehouse/stock/stock.contract';
import { SearchIcon } from '../shell/icons';
import { useWarehouseTime } from './warehouse-time';
import { usePageTitle } from '../shell/use-page-title';
import type { StockSearch } from './warehouse-search';
import { ExpiryCell } from './expiry-cell';
import { nowrap } from './order-badges';
import { ListFrame, LoadMore, WarehouseSelect } from './list-parts';
import { useDebouncedText } from './use-debounced-text';
import { stockQuery } from './warehouse-queries';

const route = getRouteApi('/app/warehouse/stock');

/** The page at /warehouse/stock. */
export function StockPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.stock'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (patch: Partial<StockSearch>): void =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const [text, setText] = useDebouncedText(search.q, (q) => setSearch({ q }));
  const list = useInfiniteQuery({ ...stockQuery(search), placeholderData: keepPreviousData });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <WarehouseSelect value={search.warehouseId} onChange={(warehouseId) => setSearch({ warehouseId })} />
        <TextInput
          label={t('warehouse.filters.search')}
          leftSection={<SearchIcon size={16} />}
          placeholder={t('warehouse.stock.searchHint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={320}
          data-testid="stock-search"
        />
        <Switch
          label={t('warehouse.stock.includeEmpty')}
          checked={search.includeEmpty === true}
          onChange={(event) => setSearch({ includeEmpty: event.currentTarget.checked || undefined })}
          mb={8}
          data-testid="stock-include-empty"
        />
      </Group>
      <ListFrame query={list} empty={rows.length === 0} emptyTestId="stock-empty">
        <StockTable rows={rows} />
      </ListFrame>
      <LoadMore
        count={rows.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="stock-load-more"
      />
    </>
  );
}

function StockTable({ rows }: { rows: StockRow[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="stock-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warehouse.fields.location')}</Table.Th>
            <Table.Th>{t('warehouse.fields.item')}</Table.Th>
            <Table.Th>{t('warehouse.fields.lot')}</Table.Th>
            <Table.Th>{t('warehouse.fields.productionDate')}</Table.Th>
            <Table.Th>{t('warehouse.fields.expiryDate')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.fields.onHand')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.fields.reserved')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.fields.available')}</Table.Th>
            <Table.Th>{t('warehouse.fields.putawayAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <StockTableRow key={row.id} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StockTableRow({ row }: { row: StockRow }) {
  const warehouseTime = useWarehouseTime();
  return (
    <Table.Tr data-testid="stock-row" data-sku={row.sku} data-lot={row.lotNumber ?? ''}>
      <Table.Td style={nowrap}>
        <Text size="sm" ff="monospace">
          {row.locationCode}
        </Text>
        {row.locationKind !== 'storage' && <LocationKindBadge kind={row.locationKind} />}
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {row.sku}
        </Text>
        <Text size="xs" c="dimmed">
          {row.itemName}
        </Text>
      </Table.Td>
      <Table.Td style={nowrap}>
        <Text size="sm">{row.lotNumber ?? '—'}</Text>
      </Table.Td>
      <Table.Td style={nowrap}>
        <Text size="sm">{row.productionDate ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <ExpiryCell expiryDate={row.expiryDate} />
      </Table.Td>
      <Table.Td ta="right">{row.onHand.toLocaleString()}</Table.Td>
      <Table.Td ta="right" data-testid="stock-reserved">
        <Text size="sm" c={row.reserved > 0 ? 'violet' : 'dimmed'}>
          {row.reserved.toLocaleString()}
        </Text>
      </Table.Td>
      <Table.Td ta="right" data-testid="stock-available">
        <Text size="sm" fw={600}>
          {row.available.toLocaleString()}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {warehouseTime(row.putawayAt, row.warehouseId)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function LocationKindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" color="gray">
      {kind === 'receiving' || kind === 'shipping' ? t(`warehouse.locationKinds.${kind}`) : kind}
    </Badge>
  );
}

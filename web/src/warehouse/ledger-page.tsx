/**
 * Warehouse → Ledger (台账): every stock move, newest first, with filters by warehouse, kind, item,
 * location and order; an allocation or pick links to its order.
 */
import { Anchor, Badge, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { LedgerMove } from '../../../src/modules/warehouse/stock/stock.contract';
import { useWarehouseTime } from './warehouse-time';
import { usePageTitle } from '../shell/use-page-title';
import type { LedgerSearch } from './warehouse-search';
import { ItemSelect } from './item-select';
import { ListFrame, LoadMore, OrderFilterChip, WarehouseSelect } from './list-parts';
import { useDebouncedText } from './use-debounced-text';
import { MOVE_KIND_OPTIONS, moveKindColors, moveRoute, oneOf } from './warehouse-labels';
import { movesQuery } from './warehouse-queries';
import { uncutLabel } from './order-badges';

const route = getRouteApi('/app/warehouse/ledger');

/** The page at /warehouse/ledger. */
export function LedgerPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.ledger'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const setSearch = (patch: Partial<LedgerSearch>): void =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const [location, setLocation] = useDebouncedText(search.location, (value) =>
    setSearch({ location: value }),
  );
  const list = useInfiniteQuery({ ...movesQuery(search), placeholderData: keepPreviousData });
  const moves = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <WarehouseSelect value={search.warehouseId} onChange={(warehouseId) => setSearch({ warehouseId })} />
        <Select
          label={t('warehouse.ledger.kind')}
          placeholder={t('warehouse.filters.any')}
          data={MOVE_KIND_OPTIONS.map((kind) => ({ value: kind, label: t(`warehouse.moveKinds.${kind}`) }))}
          value={search.kind ?? null}
          onChange={(value) => setSearch({ kind: oneOf(MOVE_KIND_OPTIONS, value ?? undefined) })}
          clearable
          w={160}
          data-testid="filter-kind"
        />
        <ItemSelect value={search.itemId} onChange={(itemId) => setSearch({ itemId })} />
        <TextInput
          label={t('warehouse.fields.location')}
          placeholder="A-01-02-1"
          value={location}
          onChange={(event) => setLocation(event.currentTarget.value)}
          w={160}
          data-testid="filter-location"
        />
        {search.orderId && <OrderFilterChip onClear={() => setSearch({ orderId: undefined })} />}
      </Group>
      <ListFrame query={list} empty={moves.length === 0} emptyTestId="ledger-empty">
        <MoveTable moves={moves} />
      </ListFrame>
      <LoadMore
        count={moves.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="ledger-load-more"
      />
    </>
  );
}

function MoveTable({ moves }: { moves: LedgerMove[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="ledger-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('warehouse.ledger.time')}</Table.Th>
            <Table.Th>{t('warehouse.ledger.kind')}</Table.Th>
            <Table.Th>{t('warehouse.fields.sku')}</Table.Th>
            <Table.Th>{t('warehouse.fields.lot')}</Table.Th>
            <Table.Th>{t('warehouse.ledger.route')}</Table.Th>
            <Table.Th ta="right">{t('warehouse.fields.quantity')}</Table.Th>
            <Table.Th>{t('warehouse.ledger.reason')}</Table.Th>
            <Table.Th>{t('warehouse.ledger.order')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {moves.map((move) => (
            <MoveRow key={move.id} move={move} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MoveRow({ move }: { move: LedgerMove }) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  const reasonText = useReasonText();
  return (
    <Table.Tr data-testid="move-row" data-kind={move.kind} data-sku={move.sku}>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {warehouseTime(move.occurredAt, move.warehouseId)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={moveKindColors[move.kind]} variant="light" styles={uncutLabel}>
          {t(`warehouse.moveKinds.${move.kind}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {move.sku}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{move.lotNumber ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {moveRoute(move.fromLocationCode, move.toLocationCode)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={600} c={move.quantity < 0 ? 'red' : undefined}>
          {move.quantity.toLocaleString()}
          {move.weightKg !== null && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({move.weightKg} kg)
            </Text>
          )}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{[reasonText(move.reason), move.note].filter(Boolean).join(' · ') || '—'}</Text>
      </Table.Td>
      <Table.Td>
        {move.orderId ? (
          <Anchor
            renderRoot={(props) => (
              <Link {...props} to="/warehouse/orders/$id" params={{ id: move.orderId ?? '' }} />
            )}
            size="sm"
            data-testid="move-order-link"
          >
            {move.orderRef ?? t('warehouse.ledger.openOrder')}
            {move.orderLineNo !== null ? ` · ${t('warehouse.ledger.line', { line: move.orderLineNo })}` : ''}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Adjustment reasons are codes; anything else is shown as written. */
function useReasonText(): (reason: string | null) => string | null {
  const { t } = useTranslation();
  return (reason) => {
    switch (reason) {
      case 'cycle_count':
      case 'damaged':
      case 'lost':
      case 'found':
      case 'expired':
      case 'other':
        return t(`warehouse.adjustmentReasons.${reason}`);
      default:
        return reason;
    }
  };
}

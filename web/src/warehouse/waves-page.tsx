/**
 * Warehouse → Waves (波次): a warehouse's wave strategy (release rules in order, edited here), the
 * release preview with the reason every other order was left out, the release itself, and the waves.
 */
import { Anchor, Badge, Group, Stack, Table, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Wave } from '../../../src/modules/warehouse/wave/wave.contract';
import { usePageTitle } from '../shell/use-page-title';
import { ListFrame, LoadMore, WarehouseSelect } from './list-parts';
import { nowrap } from './order-badges';
import { warehousesQuery } from './warehouse-queries';
import { useWarehouseTime } from './warehouse-time';
import { ReleasePanel } from './wave-release';
import { StrategyPanel } from './wave-strategy';
import { wavesQuery } from './wave-queries';

const route = getRouteApi('/app/warehouse/waves');

/** The page at /warehouse/waves. */
export function WavesPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.waves'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const warehouses = useQuery(warehousesQuery);
  // A strategy belongs to one warehouse: the first one until the user picks another.
  const warehouseId = search.warehouseId ?? warehouses.data?.items[0]?.id;
  return (
    <Stack gap="md">
      <Group>
        <WarehouseSelect
          value={warehouseId}
          onChange={(id) => void navigate({ search: { warehouseId: id } })}
        />
      </Group>
      {warehouseId && <StrategyPanel key={warehouseId} warehouseId={warehouseId} />}
      {warehouseId && <ReleasePanel key={`release-${warehouseId}`} warehouseId={warehouseId} />}
      <WaveList warehouseId={warehouseId} />
    </Stack>
  );
}

/** The waves of the warehouse (or all), newest first. */
function WaveList({ warehouseId }: { warehouseId: string | undefined }) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  const list = useInfiniteQuery(wavesQuery(warehouseId));
  const waves = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs">
      <Title order={4}>{t('waves.list.title')}</Title>
      <ListFrame query={list} empty={waves.length === 0} emptyTestId="waves-empty">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" data-testid="waves-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('waves.list.number')}</Table.Th>
                <Table.Th>{t('waves.list.rule')}</Table.Th>
                <Table.Th>{t('waves.list.status')}</Table.Th>
                <Table.Th>{t('waves.list.size')}</Table.Th>
                <Table.Th>{t('waves.list.releasedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waves.map((wave) => (
                <Table.Tr key={wave.id} data-testid="wave-row" data-number={wave.number}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/warehouse/waves/$id" params={{ id: wave.id }} />
                      )}
                      data-testid="wave-link"
                    >
                      {t('waves.number', { number: wave.number })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{wave.rule.name}</Table.Td>
                  <Table.Td>
                    <WaveStatusBadge status={wave.status} />
                  </Table.Td>
                  <Table.Td>
                    {t('waves.totals', {
                      orders: wave.totals.orders,
                      lines: wave.totals.lines,
                      units: wave.totals.units,
                    })}
                    {wave.picking &&
                      ` · ${t('waves.savingShort', { saving: Math.round(wave.picking.saving * 100) })}`}
                  </Table.Td>
                  <Table.Td style={nowrap}>{warehouseTime(wave.releasedAt, wave.warehouseId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
      <LoadMore
        count={waves.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onMore={() => void list.fetchNextPage()}
        testId="waves-more"
      />
    </Stack>
  );
}

const waveStatusColors: Record<Wave['status'], string> = {
  released: 'blue',
  picking: 'orange',
  done: 'teal',
  cancelled: 'gray',
};

/** A wave's status as a coloured badge. */
export function WaveStatusBadge({ status }: { status: Wave['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={waveStatusColors[status]} variant="light" data-testid="wave-status">
      {t(`waves.statuses.${status}`)}
    </Badge>
  );
}

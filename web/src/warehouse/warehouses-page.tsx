/**
 * Warehouse → Warehouses (仓库与货位): the tenant's warehouses with their allocation strategy and policy,
 * the locations of the chosen one along the picking path, and the CSV import of locations, items and stock.
 */
import { Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location, Warehouse } from '../../../src/modules/warehouse/layout/layout.contract';
import { useCan } from '../auth/use-me';
import { usePageTitle } from '../shell/use-page-title';
import { ImportPanel } from './import-panel';
import { ListFrame } from './list-parts';
import { locationsQuery, warehousesQuery } from './warehouse-queries';

/** The page at /warehouse/warehouses. */
export function WarehousesPage() {
  const { t } = useTranslation();
  usePageTitle(t('warehouse.tabs.warehouses'));
  const canImport = useCan('warehouse.stock');
  const warehouses = useQuery(warehousesQuery);
  const items = warehouses.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const current = items.find((w) => w.id === chosen) ?? items[0];
  return (
    <>
      <ListFrame query={warehouses} empty={items.length === 0} emptyTestId="warehouses-empty">
        <WarehouseTable warehouses={items} current={current?.id} onChoose={setChosen} />
      </ListFrame>
      {current && <LocationPanel warehouse={current} />}
      {canImport && <ImportPanel warehouses={items} />}
    </>
  );
}

function WarehouseTable({
  warehouses,
  current,
  onChoose,
}: {
  warehouses: Warehouse[];
  current: string | undefined;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing="sm" highlightOnHover data-testid="warehouses-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('warehouse.warehouses.code')}</Table.Th>
          <Table.Th>{t('warehouse.warehouses.name')}</Table.Th>
          <Table.Th>{t('warehouse.warehouses.strategy')}</Table.Th>
          <Table.Th>{t('warehouse.warehouses.policy')}</Table.Th>
          <Table.Th>{t('warehouse.warehouses.timeZone')}</Table.Th>
          <Table.Th>{t('warehouse.warehouses.layout')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {warehouses.map((w) => (
          <Table.Tr
            key={w.id}
            onClick={() => onChoose(w.id)}
            style={{ cursor: 'pointer' }}
            bg={w.id === current ? 'var(--mantine-color-teal-light)' : undefined}
            data-testid="warehouse-row"
            data-code={w.code}
          >
            <Table.Td ff="monospace">{w.code}</Table.Td>
            <Table.Td>{w.name}</Table.Td>
            <Table.Td>{t(`warehouse.strategies.${w.allocationStrategy}`)}</Table.Td>
            <Table.Td>{t(`warehouse.policies.${w.allocationPolicy}`)}</Table.Td>
            <Table.Td data-testid="warehouse-time-zone">{w.timeZone}</Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {t('warehouse.warehouses.layoutText', {
                  aisles: w.layout.aisles,
                  blocks: w.layout.blocks,
                  slots: w.layout.slotsPerBlock,
                })}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const KIND_FILTERS = ['all', 'storage', 'receiving', 'shipping'] as const;

function LocationPanel({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation();
  const locations = useQuery(locationsQuery(warehouse.id));
  const [kind, setKind] = useState<string>('all');
  const shown = (locations.data?.items ?? [])
    .filter((l) => kind === 'all' || l.kind === kind)
    .sort((a, b) => (a.pathRank ?? Infinity) - (b.pathRank ?? Infinity) || a.code.localeCompare(b.code));
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={4}>{t('warehouse.warehouses.locationsOf', { code: warehouse.code })}</Title>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={setKind}
            data={KIND_FILTERS.map((k) => ({
              value: k,
              label: k === 'all' ? t('warehouse.filters.any') : t(`warehouse.locationKinds.${k}`),
            }))}
          />
        </Group>
        <Table.ScrollContainer minWidth={640} maxHeight={420}>
          <Table verticalSpacing={4} stickyHeader data-testid="locations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('warehouse.fields.location')}</Table.Th>
                <Table.Th>{t('warehouse.warehouses.kind')}</Table.Th>
                <Table.Th>{t('warehouse.warehouses.zone')}</Table.Th>
                <Table.Th>{t('warehouse.warehouses.coordinates')}</Table.Th>
                <Table.Th ta="right">{t('warehouse.warehouses.pathRank')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((location) => (
                <LocationRow key={location.id} location={location} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function LocationRow({ location }: { location: Location }) {
  const { t } = useTranslation();
  const coordinates =
    location.aisle === null
      ? '—'
      : t('warehouse.warehouses.coordinateText', {
          aisle: location.aisle,
          block: location.block ?? 1,
          slot: location.slot ?? '—',
          level: location.level ?? 0,
        });
  return (
    <Table.Tr data-testid="location-row" data-code={location.code}>
      <Table.Td ff="monospace">
        {location.code}{' '}
        {location.disabled && (
          <Badge size="xs" color="gray">
            {t('warehouse.warehouses.disabled')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{t(`warehouse.locationKinds.${location.kind}`)}</Table.Td>
      <Table.Td>{location.zone ?? '—'}</Table.Td>
      <Table.Td>{coordinates}</Table.Td>
      <Table.Td ta="right">{location.pathRank ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

/** The head of an order page: reference, badges, facts, actions and documents. */
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboundOrderDetail } from '../../../src/modules/warehouse/orders/order.contract';
import { TierChip } from '../customers/tiers/tier-chip';
import { useWarehouseTime } from './warehouse-time';
import { OrderActions, OrderDocuments } from './order-actions';
import { PriorityBadge, StatusBadge } from './order-badges';
import { warehousesQuery } from './warehouse-queries';

/** Reference, type, priority and status, then who gets what, how and from where. */
export function OrderHeader({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Group gap="sm" align="center">
              <Title order={3} ff="monospace" data-testid="order-ref">
                {order.externalRef}
              </Title>
              <PriorityBadge priority={order.priority} />
              <StatusBadge status={order.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {t(`warehouse.types.${order.type}`)} · {order.warehouseCode} · {order.source} ·{' '}
              {t(`warehouse.origins.${order.origin}`)} ·{' '}
              {t('warehouse.order.pushed', { at: warehouseTime(order.pushedAt, order.warehouseId) })}
            </Text>
          </Stack>
          <OrderActions order={order} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <OrderFacts order={order} />
        </SimpleGrid>
        <OrderDocuments order={order} />
      </Stack>
    </Paper>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={500}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function OrderFacts({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const warehouseTime = useWarehouseTime();
  const warehouses = useQuery(warehousesQuery);
  const target = warehouses.data?.items.find((w) => w.id === order.targetWarehouseId);
  const d = order.destination;
  return (
    <>
      {order.type === 'sales' && (
        <Fact label={t('warehouse.fields.customer')} testId="order-customer">
          <Group gap={6}>
            {order.customerId ? (
              <Anchor
                renderRoot={(props) => (
                  <Link {...props} to="/customers/$id" params={{ id: order.customerId ?? '' }} />
                )}
                size="sm"
              >
                {order.customerName ?? order.customerId}
              </Anchor>
            ) : (
              <Text size="sm">—</Text>
            )}
            <TierChip dimension="value" tier={order.valueTier} />
          </Group>
        </Fact>
      )}
      {order.type === 'return_to_supplier' && (
        <Fact label={t('warehouse.fields.returnReason')} testId="order-return-reason">
          <Text size="sm">
            {order.returnReason ? t(`warehouse.returnReasons.${order.returnReason}`) : '—'}
          </Text>
        </Fact>
      )}
      {order.type === 'transfer' && (
        <Fact label={t('warehouse.fields.targetWarehouse')}>
          <Text size="sm">
            {target ? `${target.code} · ${target.name}` : (order.targetWarehouseId ?? '—')}
          </Text>
        </Fact>
      )}
      <Fact label={t('warehouse.fields.destination')}>
        <Text size="sm">{[d.province, d.city, d.district].filter(Boolean).join(' ') || '—'}</Text>
        {d.store && <Text size="sm">{t('warehouse.order.store', { store: d.store })}</Text>}
        {d.address && (
          <Text size="xs" c="dimmed">
            {d.address}
          </Text>
        )}
        {(d.contact || d.phone) && (
          <Text size="xs" c="dimmed">
            {[d.contact, d.phone].filter(Boolean).join(' ')}
          </Text>
        )}
      </Fact>
      <Fact label={t('warehouse.fields.carrier')}>
        <Text size="sm">{order.carrier ?? '—'}</Text>
      </Fact>
      <Fact label={t('warehouse.order.rules')}>
        <Text size="sm">
          {order.allocationPolicy
            ? t(`warehouse.policies.${order.allocationPolicy}`)
            : t('warehouse.order.warehouseDefault')}
        </Text>
        {order.singleLotPerLine && (
          <Text size="xs" c="dimmed">
            {t('warehouse.order.singleLot')}
          </Text>
        )}
        {order.shippedAt && (
          <Text size="xs" c="dimmed">
            {t('warehouse.order.shippedAt', { at: warehouseTime(order.shippedAt, order.warehouseId) })}
          </Text>
        )}
      </Fact>
      {order.note && (
        <Fact label={t('warehouse.fields.note')}>
          <Text size="sm">{order.note}</Text>
        </Fact>
      )}
    </>
  );
}

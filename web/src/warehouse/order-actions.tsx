/** What can be done with an order: allocate or re-allocate, cancel, ship; and its printable documents. */
import { Alert, Anchor, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboundOrderDetail } from '../../../src/modules/warehouse/orders/order.contract';
import { describeError } from '../api/problem-text';
import { useCan } from '../auth/use-me';
import { currentLocale } from '../i18n/i18n';
import {
  allocateOrder,
  cancelOrder,
  documentUrl,
  itemQuery,
  refreshAfterOrderChange,
  shipOrder,
} from './warehouse-queries';

const open = new Set(['pending', 'allocated', 'partially_allocated', 'backordered']);

/** The buttons a user with `warehouse.orders` gets, for the states where they apply. */
export function OrderActions({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const canAct = useCan('warehouse.orders');
  const queryClient = useQueryClient();
  const allocate = useMutation({
    mutationFn: () => allocateOrder(order.id),
    onSuccess: () => refreshAfterOrderChange(queryClient),
  });
  if (!canAct || !open.has(order.status)) return null;
  const again = order.status !== 'pending';
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs">
        <Button onClick={() => allocate.mutate()} loading={allocate.isPending} data-testid="order-allocate">
          {again ? t('warehouse.order.reallocate') : t('warehouse.order.allocate')}
        </Button>
        {(order.status === 'allocated' || order.status === 'partially_allocated') && (
          <ShipButton order={order} />
        )}
        <CancelButton order={order} />
      </Group>
      {allocate.isError && (
        <Text size="xs" c="red">
          {describeError(allocate.error)}
        </Text>
      )}
    </Stack>
  );
}

function CancelButton({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const [opened, { open: show, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelOrder(order.id),
    onSuccess: async () => {
      close();
      await refreshAfterOrderChange(queryClient);
    },
  });
  return (
    <>
      <Button variant="default" color="red" onClick={show} data-testid="order-cancel">
        {t('warehouse.order.cancel')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('warehouse.order.cancelTitle', { ref: order.externalRef })}
      >
        <Stack gap="md">
          <Text size="sm">{t('warehouse.order.cancelText')}</Text>
          {cancel.isError && <Alert color="red">{describeError(cancel.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('warehouse.order.keep')}
            </Button>
            <Button
              color="red"
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
              data-testid="order-cancel-confirm"
            >
              {t('warehouse.order.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Ships the order; lines of catch-weight items ask for the weight weighed out. */
function ShipButton({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const [opened, { open: show, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const items = useQueries({
    queries: order.lines.map((line) => ({ ...itemQuery(line.itemId), enabled: opened })),
  });
  const weighed = order.lines.filter((_, index) => items[index]?.data?.catchWeight === true);
  const [weights, setWeights] = useState<Record<number, number | undefined>>({});
  const missing = weighed.some((line) => !weights[line.lineNo]);
  const ship = useMutation({
    mutationFn: () =>
      shipOrder(order.id, {
        weights: weighed.map((line) => ({ lineNo: line.lineNo, weightKg: weights[line.lineNo] ?? 0 })),
      }),
    onSuccess: async () => {
      close();
      await refreshAfterOrderChange(queryClient);
    },
  });
  const loading = items.some((q) => q.isPending && opened);
  return (
    <>
      <Button variant="light" color="blue" onClick={show} data-testid="order-ship">
        {t('warehouse.order.ship')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('warehouse.order.shipTitle', { ref: order.externalRef })}
      >
        <Stack gap="md">
          <Text size="sm">{t('warehouse.order.shipText')}</Text>
          {weighed.map((line) => (
            <NumberInput
              key={line.lineNo}
              label={t('warehouse.order.weightOf', { line: line.lineNo, sku: line.sku, name: line.itemName })}
              suffix=" kg"
              min={0}
              decimalScale={3}
              value={weights[line.lineNo] ?? ''}
              onChange={(value) =>
                setWeights((prev) => ({
                  ...prev,
                  [line.lineNo]: typeof value === 'number' ? value : undefined,
                }))
              }
              required
              data-testid={`ship-weight-${line.lineNo}`}
            />
          ))}
          {ship.isError && <Alert color="red">{describeError(ship.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('warehouse.order.back')}
            </Button>
            <Button
              onClick={() => ship.mutate()}
              loading={ship.isPending || loading}
              disabled={missing}
              data-testid="order-ship-confirm"
            >
              {t('warehouse.order.ship')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

const DOCUMENTS = [
  { file: 'pick-list.pdf', key: 'pickList' },
  { file: 'packing-slip.pdf', key: 'packingSlip' },
  { file: 'shipping-label.pdf', key: 'shippingLabel' },
  { file: 'shipping-label.zpl', key: 'labelZpl' },
] as const;

/** Links to the pick list, packing slip and shipping label, in the interface language. */
export function OrderDocuments({ order }: { order: OutboundOrderDetail }) {
  const { t } = useTranslation();
  const canPrint = useCan('warehouse.orders');
  if (!canPrint || order.status === 'cancelled') return null;
  const lang = currentLocale();
  return (
    <Group gap="md" data-testid="order-documents">
      <Text size="sm" c="dimmed">
        {t('warehouse.documents.title')}
      </Text>
      {DOCUMENTS.map((doc) => (
        <Anchor
          key={doc.file}
          href={documentUrl(order.id, doc.file, lang)}
          target="_blank"
          rel="noopener"
          size="sm"
          data-testid={`document-${doc.key}`}
        >
          {t(`warehouse.documents.${doc.key}`)}
        </Anchor>
      ))}
    </Group>
  );
}

/**
 * One outbound order (warehouse/orders/$id): its header, lines with what was allocated and why a line
 * is short, the reservations, the latest allocation result lot by lot with the rule that chose or
 * rejected each, the allocation history, and the actions and documents.
 */
import { Alert, Anchor, Center, Group, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OutboundOrderDetail } from '../../../src/modules/warehouse/orders/order.contract';
import { isApiError } from '../api/client';
import { describeError } from '../api/problem-text';
import { MissingRecord } from '../shell/fallback-views';
import { BackIcon } from '../shell/icons';
import { usePageTitle } from '../shell/use-page-title';
import { AllocationHistory } from './allocation-history';
import { AllocationResultView } from './allocation-result';
import { WarehouseTimeScope } from './warehouse-time';
import { OrderHeader } from './order-header';
import { OrderLines, ReservationList } from './order-lines';
import { orderQuery } from './warehouse-queries';

const route = getRouteApi('/app/warehouse/orders/$id');

/** The page at /warehouse/orders/$id. */
export function OrderPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const order = useQuery(orderQuery(id));
  usePageTitle(order.data?.externalRef ?? t('warehouse.tabs.orders'));
  let content;
  if (order.isPending) {
    content = (
      <Center p="xl">
        <Loader size="sm" />
      </Center>
    );
  } else if (order.isError) {
    content =
      isApiError(order.error, 404) || isApiError(order.error, 400) ? (
        <MissingRecord
          title={t('warehouse.order.notFoundTitle')}
          text={t('warehouse.order.notFound')}
          testId="order-not-found"
        />
      ) : (
        <Alert color="red">{describeError(order.error)}</Alert>
      );
  } else {
    content = <OrderView order={order.data} />;
  }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/warehouse/orders" size="sm" data-testid="back-to-pool">
        <Group gap={4} component="span">
          <BackIcon size={14} />
          {t('warehouse.order.back')}
        </Group>
      </Anchor>
      {content}
    </Stack>
  );
}

function OrderView({ order }: { order: OutboundOrderDetail }) {
  return (
    <WarehouseTimeScope warehouseId={order.warehouseId}>
      <Stack gap="md" data-testid="order-detail" data-order-id={order.id}>
        <OrderHeader order={order} />
        <OrderLines order={order} />
        {order.allocation && <AllocationResultView result={order.allocation} lines={order.lines} latest />}
        <ReservationList reservations={order.reservations} />
        <AllocationHistory order={order} />
      </Stack>
    </WarehouseTimeScope>
  );
}
